import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chosenOperation } from '../../shared/operations';
import { runPerItem } from '../../shared/runPerItem';
import { DEFAULT_TIMEOUT_SECONDS, vccLiveClient } from '../transport';
import { projectOperations } from './project';
import { recordOperations } from './record';
import { statisticOperations } from './statistic';
import type { VccLiveOperation } from './types';

const operationsByResource: Record<string, Record<string, VccLiveOperation>> = {
	project: projectOperations,
	record: recordOperations,
	statistic: statisticOperations,
};

/** The one switch on resource and operation: runs the operation for every input item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = chosenOperation(this, operationsByResource);
	return await runPerItem(this, async (itemIndex) => {
		const timeoutSeconds = this.getNodeParameter('requestOptions.timeout', itemIndex, DEFAULT_TIMEOUT_SECONDS) as number;
		const client = await vccLiveClient(this, { itemIndex, timeoutSeconds });
		return await operation.execute.call(this, client, itemIndex);
	});
}
