import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The operation the node's Resource and Operation fields name, from a node's table of them. */
export function chosenOperation<T>(context: IExecuteFunctions, operationsByResource: Record<string, Record<string, T>>): T {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operationName = context.getNodeParameter('operation', 0) as string;
	const operation = operationsByResource[resource]?.[operationName];
	if (operation === undefined) {
		throw new NodeOperationError(context.getNode(), `The operation "${operationName}" of "${resource}" is not known`);
	}
	return operation;
}

/** The request timeout, as each node offers it under Request Options. */
function timeoutOption(vendor: string, defaultSeconds: number): INodeProperties {
	return {
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: defaultSeconds,
		description: `How long to wait for ${vendor} to answer one request`,
	};
}

/** A node's Request Options collection: the vendor's own options (if any), then the timeout. */
export function requestOptionsField(vendor: string, defaultTimeoutSeconds: number, ownOptions: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Request Options',
		name: 'requestOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...ownOptions, timeoutOption(vendor, defaultTimeoutSeconds)],
	};
}
