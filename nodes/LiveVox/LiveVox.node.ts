import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsField } from '../shared/operations';
import { operationSubtitle } from '../shared/subtitle';
import { reportDescription } from './actions/report';
import { router } from './actions/router';
import { serviceDescription } from './actions/service';
import { supervisorCallDescription } from './actions/supervisorCall';
import { searchServices } from './methods/listSearch';
import { getServices, getServicesOfCallCenters } from './methods/serviceOptions';
import { DEFAULT_TIMEOUT_SECONDS } from './transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Report', value: 'report' },
			{ name: 'Service', value: 'service' },
			{ name: 'Supervisor Call', value: 'supervisorCall' },
		],
		default: 'service',
	},
	...reportDescription,
	...serviceDescription,
	...supervisorCallDescription,
	requestOptionsField('LiveVox', DEFAULT_TIMEOUT_SECONDS),
];

export class LiveVox implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LiveVox',
		name: 'liveVox',
		icon: { light: 'file:../../icons/livevox.svg', dark: 'file:../../icons/livevox.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Manage LiveVox services, pull standard reports and run supervisor calls',
		defaults: { name: 'LiveVox' },
		// The palette's action would otherwise become the node's name: a whole sentence.
		skipNameGeneration: true,
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'liveVoxApi', required: true }],
		properties,
	};

	methods = { listSearch: { searchServices }, loadOptions: { getServices, getServicesOfCallCenters } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
