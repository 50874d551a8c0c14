import type { IBinaryKeyData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chosenOperation } from '../../shared/operations';
import { runPerItem } from '../../shared/runPerItem';
import { DEFAULT_TIMEOUT_SECONDS, vccLiveClient } from '../transport';
import { statisticOperations } from './statistic';
import type { VccLiveOperation } from './types';

const operationsByResource: Record<string, Record<string, VccLiveOperation>> = {
	statistic: statisticOperations,
};

/**
 * The one switch on resource and operation: runs the operation for every input item. An
 * item's file (CSV or tab) goes on the first item of its rows; the shared per-item runner
 * carries JSON only, so files are kept aside and attached to its output.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = chosenOperation(this, operationsByResource);
	const files = new Map<number, IBinaryKeyData>();
	const [items] = await runPerItem(this, async (itemIndex) => {
		const timeoutSeconds = this.getNodeParameter('requestOptions.timeout', itemIndex, DEFAULT_TIMEOUT_SECONDS) as number;
		const client = await vccLiveClient(this, { itemIndex, timeoutSeconds });
		const result = await operation.execute.call(this, client, itemIndex);
		if (result.binary) files.set(itemIndex, result.binary);
		return result.rows;
	});
	for (const item of items) {
		const itemIndex = (item.pairedItem as { item: number }).item;
		const binary = files.get(itemIndex);
		if (!binary) continue;
		item.binary = binary;
		files.delete(itemIndex);
	}
	return [items];
}
