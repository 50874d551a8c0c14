import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chosenOperation } from '../../shared/operations';
import { runPerItem } from '../../shared/runPerItem';
import { apioClient, DEFAULT_TIMEOUT_SECONDS } from '../transport';
import { callCenterOperations } from './callCenter';
import type { NetaxisApioOperation } from './types';

const operationsByResource: Record<string, Record<string, NetaxisApioOperation>> = {
	callCenter: callCenterOperations,
};

/** The one switch on resource and operation: runs the operation for every input item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = chosenOperation(this, operationsByResource);
	return await runPerItem(this, async (itemIndex) => {
		const timeoutSeconds = this.getNodeParameter('requestOptions.timeout', itemIndex, DEFAULT_TIMEOUT_SECONDS) as number;
		const client = await apioClient(this, { itemIndex, timeoutSeconds });
		return await operation.execute.call(this, client, itemIndex);
	});
}
