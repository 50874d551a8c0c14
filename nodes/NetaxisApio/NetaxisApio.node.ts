import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsField } from '../shared/operations';
import { operationSubtitle } from '../shared/subtitle';
import { callCenterDescription } from './actions/callCenter';
import { router } from './actions/router';
import { DEFAULT_TIMEOUT_SECONDS } from './transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Call Center', value: 'callCenter' }],
		default: 'callCenter',
	},
	...callCenterDescription,
	requestOptionsField('APIO', DEFAULT_TIMEOUT_SECONDS),
];

export class NetaxisApio implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Netaxis APIO',
		name: 'netaxisApio',
		icon: { light: 'file:../../icons/netaxis.svg', dark: 'file:../../icons/netaxis.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Read BroadWorks call-center statistics and manage their reporting through Netaxis APIO',
		defaults: { name: 'Netaxis APIO' },
		// The palette's action would otherwise become the node's name: a whole sentence.
		skipNameGeneration: true,
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'netaxisApioApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
