import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InvalidInput } from '../../shared/input';
import { liveVoxClient } from '../transport';
import { serviceOperations } from './service';
import type { LiveVoxOperation } from './types';

const operationsByResource: Record<string, Record<string, LiveVoxOperation>> = {
	service: serviceOperations,
};

/** The one switch on resource and operation: runs the operation for every input item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operationsByResource[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not known`);
	}
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const timeoutSeconds = this.getNodeParameter('requestOptions.timeout', itemIndex, 60) as number;
			const client = await liveVoxClient(this, { itemIndex, timeoutSeconds });
			const result = await operation.execute.call(this, client, itemIndex);
			const rows = Array.isArray(result) ? result : [result];
			output.push(...rows.map((json: IDataObject) => ({ json, pairedItem: { item: itemIndex } })));
		} catch (caught) {
			const error =
				caught instanceof InvalidInput
					? new NodeOperationError(this.getNode(), caught.message, { itemIndex, description: caught.hint })
					: caught;
			if (!this.continueOnFail()) throw error;
			const { message, description } = error as NodeApiError;
			output.push({ json: { error: message, description }, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
