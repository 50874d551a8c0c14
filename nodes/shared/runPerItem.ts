import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { InvalidInput } from './input';

/**
 * Runs `work` for every input item and pairs each output row with its item. Bad input
 * (InvalidInput) becomes a NodeOperationError for that item; with "Continue On Fail" a
 * failed item gives one error item and the others go on.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	work: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const itemCount = context.getInputData().length;
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const result = await work(itemIndex);
			const rows = Array.isArray(result) ? result : [result];
			for (const json of rows) output.push({ json, pairedItem: { item: itemIndex } });
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
