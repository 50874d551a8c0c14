import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InvalidInput } from './input';
import { FileRow, runPerItem } from './runPerItem';

const node: INode = { id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

/** The few IExecuteFunctions members runPerItem uses. */
function contextWith(itemCount: number, continueOnFail = false): IExecuteFunctions {
	return {
		getInputData: () => Array.from({ length: itemCount }, () => ({ json: {} })),
		getNode: () => node,
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions;
}

describe('runPerItem', () => {
	it('pairs every output row with the item it came from', async () => {
		const output = await runPerItem(contextWith(3), async (itemIndex) =>
			itemIndex === 1 ? [{ row: 'b1' }, { row: 'b2' }] : itemIndex === 2 ? [] : { row: 'a' },
		);
		expect(output).toEqual([
			[
				{ json: { row: 'a' }, pairedItem: { item: 0 } },
				{ json: { row: 'b1' }, pairedItem: { item: 1 } },
				{ json: { row: 'b2' }, pairedItem: { item: 1 } },
			],
		]);
	});

	it('puts a file row\'s binary data on its item, the other rows plain', async () => {
		const file = { data: { data: 'YQ==', mimeType: 'text/csv', fileName: 'a.csv' } };
		const output = await runPerItem(contextWith(2), async (itemIndex) =>
			itemIndex === 0 ? [new FileRow({ row: 'a1' }, file), { row: 'a2' }] : [{ row: 'b' }, new FileRow({ fileName: 'b.csv' }, file)],
		);
		expect(output).toEqual([
			[
				{ json: { row: 'a1' }, binary: file, pairedItem: { item: 0 } },
				{ json: { row: 'a2' }, pairedItem: { item: 0 } },
				{ json: { row: 'b' }, pairedItem: { item: 1 } },
				{ json: { fileName: 'b.csv' }, binary: file, pairedItem: { item: 1 } },
			],
		]);
	});

	it('turns bad input into a NodeOperationError for that item, with the hint as description', async () => {
		const run = runPerItem(contextWith(2), async (itemIndex) => {
			if (itemIndex === 1) throw new InvalidInput('Service ID is missing', 'Enter the Service ID as a whole number.');
			return { ok: true };
		});
		await expect(run).rejects.toBeInstanceOf(NodeOperationError);
		await expect(run).rejects.toMatchObject({
			message: 'Service ID is missing',
			description: 'Enter the Service ID as a whole number.',
			context: expect.objectContaining({ itemIndex: 1 }),
		});
	});

	it('passes other errors on unchanged', async () => {
		const failure = new NodeApiError(node, { message: 'LiveVox found nothing there' }, { message: 'LiveVox found nothing there' });
		await expect(runPerItem(contextWith(1), async () => Promise.reject(failure))).rejects.toBe(failure);
	});

	it('with Continue On Fail gives an error item for a failed item and goes on with the others', async () => {
		const work = jest.fn(async (itemIndex: number) => {
			if (itemIndex === 0) throw new InvalidInput('Open Time "7:75" is not a time', 'Enter Open Time as HH:mm.');
			if (itemIndex === 1) throw new NodeApiError(node, { message: 'x' }, { message: 'LiveVox had a server error (500)', description: 'Try again later.' });
			return { done: itemIndex };
		});
		const output = await runPerItem(contextWith(3, true), work);
		expect(work).toHaveBeenCalledTimes(3);
		expect(output).toEqual([
			[
				{ json: { error: 'Open Time "7:75" is not a time', description: 'Enter Open Time as HH:mm.' }, pairedItem: { item: 0 } },
				{ json: { error: 'LiveVox had a server error (500)', description: 'Try again later.' }, pairedItem: { item: 1 } },
				{ json: { done: 2 }, pairedItem: { item: 2 } },
			],
		]);
	});

	it('stops at the first failed item without Continue On Fail', async () => {
		const work = jest.fn(async (itemIndex: number) => {
			if (itemIndex === 1) throw new Error('boom');
			return {};
		});
		await expect(runPerItem(contextWith(4), work)).rejects.toThrow('boom');
		expect(work).toHaveBeenCalledTimes(2);
	});

	it('gives one empty output for no items', async () => {
		expect(await runPerItem(contextWith(0), async () => ({}))).toEqual([[]]);
	});
});
