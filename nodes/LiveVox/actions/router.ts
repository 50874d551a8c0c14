import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem } from '../../shared/runPerItem';
import { DEFAULT_TIMEOUT_SECONDS, liveVoxClient } from '../transport';
import { serviceOperations } from './service';
import type { LiveVoxOperation } from './types';

const operationsByResource: Record<string, Record<string, LiveVoxOperation>> = {
	service: serviceOperations,
};

/** The one switch on resource and operation: runs the operation for every input item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operationsByResource[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not known`);
	}
	return await runPerItem(this, async (itemIndex) => {
		const timeoutSeconds = this.getNodeParameter('requestOptions.timeout', itemIndex, DEFAULT_TIMEOUT_SECONDS) as number;
		const client = await liveVoxClient(this, { itemIndex, timeoutSeconds });
		return await operation.execute.call(this, client, itemIndex);
	});
}
