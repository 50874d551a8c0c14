import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chosenOperation } from '../../shared/operations';
import { runPerItem } from '../../shared/runPerItem';
import { DEFAULT_TIMEOUT_SECONDS, liveVoxClient } from '../transport';
import { reportOperations } from './report';
import { serviceOperations } from './service';
import { supervisorCallOperations } from './supervisorCall';
import type { LiveVoxAllItemsOperation, LiveVoxOperation } from './types';

const operationsByResource: Record<string, Record<string, LiveVoxOperation | LiveVoxAllItemsOperation>> = {
	report: reportOperations,
	service: serviceOperations,
	supervisorCall: supervisorCallOperations,
};

/** The one switch on resource and operation: runs the operation for every input item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = chosenOperation(this, operationsByResource);
	if ('executeAll' in operation) {
		const timeoutSeconds = this.getNodeParameter('requestOptions.timeout', 0, DEFAULT_TIMEOUT_SECONDS) as number;
		return [await operation.executeAll.call(this, await liveVoxClient(this, { timeoutSeconds }))];
	}
	return await runPerItem(this, async (itemIndex) => {
		const timeoutSeconds = this.getNodeParameter('requestOptions.timeout', itemIndex, DEFAULT_TIMEOUT_SECONDS) as number;
		const client = await liveVoxClient(this, { itemIndex, timeoutSeconds });
		return await operation.execute.call(this, client, itemIndex);
	});
}
