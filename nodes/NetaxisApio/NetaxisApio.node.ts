import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { timeoutOption } from '../shared/operations';
import { callCenterDescription } from './actions/callCenter';
import { router } from './actions/router';
import { DEFAULT_TIMEOUT_SECONDS } from './transport';

export class NetaxisApio implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Netaxis APIO',
		name: 'netaxisApio',
		icon: { light: 'file:../../icons/netaxis.svg', dark: 'file:../../icons/netaxis.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read BroadWorks call-center statistics and manage their reporting through Netaxis APIO',
		defaults: { name: 'Netaxis APIO' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'netaxisApioApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Call Center', value: 'callCenter' }],
				default: 'callCenter',
			},
			...callCenterDescription,
			{
				displayName: 'Request Options',
				name: 'requestOptions',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					timeoutOption('APIO', DEFAULT_TIMEOUT_SECONDS),
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
