import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { InvalidInput } from './input';

/** An output row that carries a file (e.g. a CSV for an email): its item gets the binary data. */
export class FileRow {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

/** What an operation puts out for one input item: plain rows, some with a file. */
export type OutputRow = IDataObject | FileRow;

/**
 * Runs `work` for every input item and pairs each output row with its item (a FileRow's
 * item carries its file). Bad input
 * (InvalidInput) becomes a NodeOperationError for that item; with "Continue On Fail" a
 * failed item gives one error item and the others go on.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	work: (itemIndex: number) => Promise<OutputRow | OutputRow[]>,
): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const itemCount = context.getInputData().length;
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const result = await work(itemIndex);
			const rows = Array.isArray(result) ? result : [result];
			for (const row of rows) {
				// The one place binary data is attached to an output item, for every node.
				if (row instanceof FileRow) output.push({ json: row.json, binary: row.binary, pairedItem: { item: itemIndex } });
				else output.push({ json: row, pairedItem: { item: itemIndex } });
			}
		} catch (caught) {
			const error =
				caught instanceof InvalidInput
					? new NodeOperationError(context.getNode(), caught.message, { itemIndex, description: caught.hint })
					: caught;
			if (!context.continueOnFail()) throw error;
			const { message, description } = error as { message: string; description?: string };
			output.push({ json: { error: message, description }, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
