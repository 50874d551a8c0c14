import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsField } from '../shared/operations';
import { operationSubtitle } from '../shared/subtitle';
import { router } from './actions/router';
import { getDispositions, getFields, searchProjects } from './methods/projectLists';
import { projectDescription } from './actions/project';
import { recordDescription } from './actions/record';
import { statisticDescription } from './actions/statistic';
import { DEFAULT_CONCURRENCY } from './actions/statistic/inboundParameters';
import { DEFAULT_TIMEOUT_SECONDS } from './transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Project', value: 'project' },
			{ name: 'Record', value: 'record' },
			{ name: 'Statistic', value: 'statistic' },
		],
		default: 'statistic',
	},
	...projectDescription,
	...recordDescription,
	...statisticDescription,
	requestOptionsField('VCC Live', DEFAULT_TIMEOUT_SECONDS, [
		{
			displayName: 'Concurrent Requests',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_CONCURRENCY,
			description: 'How many months of a long period to ask VCC Live for at the same time',
		},
	]),
];

export class VccLive implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VCC Live',
		name: 'vccLive',
		icon: { light: 'file:../../icons/vcclive.svg', dark: 'file:../../icons/vcclive.dark.svg' },
		group: ['transform'],
		// 1.1: the Project, Disposition and field names are picked from VCC Live's lists.
		version: [1, 1.1],
		subtitle: operationSubtitle(properties),
		description: 'Work with VCC Live projects, quota limits, records and dispositions, and get CDRs and inbound call statistics',
		defaults: { name: 'VCC Live' },
		// The palette's action would otherwise become the node's name: a whole sentence.
		skipNameGeneration: true,
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vccLiveApi', required: true }],
		properties,
	};

	methods = { listSearch: { searchProjects }, loadOptions: { getDispositions, getFields } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
