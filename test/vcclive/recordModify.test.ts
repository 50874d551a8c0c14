/**
 * Record → Modify through the engine: the documented request (PUT, the custom data as the
 * body's key value pairs, `next_contact` in the URL), the record changed in the sandbox, bad
 * input refused before any request, and the change never sent twice after a dropped connection.
 */
import type { INodeParameters } from 'n8n-workflow';

import { jsonOf, runVccLive, useSandbox, vccRequests } from './kit';

const sandbox = useSandbox();

const modify = (fields: Array<{ name: string; value: string }>, options: INodeParameters = {}, recordId = '21402') => ({
	resource: 'record',
	operation: 'modify',
	projectId: '214',
	recordId,
	form: { field: fields },
	options,
});

describe('Record → Modify', () => {
	it('sends PUT /v2/projects/[projectid]/records/[numberid] with the data and next_contact, and the record changes', async () => {
		const result = await runVccLive(
			sandbox(),
			modify(
				[
					{ name: 'city', value: 'Budapest' },
					{ name: 'likes', value: 'sports|movies' },
				],
				{ nextContact: 'phone2' },
			),
		);
		expect(result.error).toBeUndefined();
		const requests = vccRequests(sandbox());
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			method: 'PUT',
			path: '/v2/projects/214/records/21402',
			query: { next_contact: 'phone2' },
			body: { city: 'Budapest', likes: 'sports|movies' },
		});
		expect(jsonOf(result)).toEqual([
			{ projectid: 214, numberid: 21402, form: { city: 'Budapest', likes: 'sports|movies' }, next_contact: 'phone2', modified: true },
		]);
		const record = sandbox().vcclive.records.get('214', '21402');
		expect(record?.data).toMatchObject({ name: 'Customer 21402', city: 'Budapest', likes: 'sports|movies' });
		expect(record?.next_contact).toBe('phone2');
	});

	it('sends no next_contact when the option is not set', async () => {
		await runVccLive(sandbox(), modify([{ name: 'city', value: 'Szeged' }]));
		const [request] = vccRequests(sandbox());
		expect(request.query).toEqual({});
		expect(request.body).toEqual({ city: 'Szeged' });
	});

	it.each([
		['no field', [], /Fields is empty/],
		['a nameless field', [{ name: ' ', value: 'x' }], /A field of Fields has no name/],
		[
			'a field given twice',
			[
				{ name: 'city', value: 'a' },
				{ name: 'city', value: 'b' },
			],
			/is given twice/,
		],
	])('refuses %s before any request', async (_which, fields, message) => {
		const result = await runVccLive(sandbox(), modify(fields));
		expect(result.error?.message).toMatch(message);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('refuses a bad Record ID before any request', async () => {
		const result = await runVccLive(sandbox(), modify([{ name: 'city', value: 'a' }], {}, '214/records'));
		expect(result.error?.message).toMatch(/Record ID must be a whole number/);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('says which record VCC Live did not find', async () => {
		const result = await runVccLive(sandbox(), modify([{ name: 'city', value: 'a' }], {}, '99999'));
		expect(result.error?.description).toContain('Check the Project ID (214) and the Record ID (99999)');
	});

	it('is sent once when the connection drops after VCC Live applied it, and says how to check', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: Infinity, fault: { kind: 'dropAfterProcessing' } });
		const result = await runVccLive(sandbox(), modify([{ name: 'city', value: 'Debrecen' }]));
		expect(vccRequests(sandbox())).toHaveLength(1);
		expect(sandbox().vcclive.records.get('214', '21402')?.data.city).toBe('Debrecen');
		expect(result.error?.message).toMatch(/^The outcome is unknown: VCC Live/);
		expect(result.error?.description).toContain('Get record 21402 of project 214 (Record → Get)');
		expect(result.error?.description).toContain('It was not sent again');
	});
});
