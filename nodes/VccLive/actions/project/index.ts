import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/operationOptions';
import type { VccLiveOperation } from '../types';
import * as getParameters from './getParameters.operation';
import * as getQuotas from './getQuotas.operation';
import * as list from './list.operation';
import * as modifyQuotas from './modifyQuotas.operation';

/** The Database API's project resources (docs/VCC-LIVE-API.md). */
export const projectOperations: Record<string, VccLiveOperation> = {
	getParameters,
	getQuotas,
	list,
	modifyQuotas,
};

export const projectDescription: INodeProperties[] = resourceDescription(
	'project',
	projectOperations,
	[
		{
			name: 'Get Parameters',
			value: 'getParameters',
			does: 'get a project’s fields and dispositions',
			description: 'A project’s custom fields with their values, and its dispositions',
		},
		{
			name: 'Get Quota Limits',
			value: 'getQuotas',
			does: 'get a project’s quota limits',
			description: 'A project’s quotas, one item each, with their limit, actual value and difference',
		},
		{ name: 'List', value: 'list', does: 'list folders and projects', description: 'Every folder and project, active or not' },
		{
			name: 'Modify Quota Limits',
			value: 'modifyQuotas',
			does: 'set a project’s quota limits',
			description: 'Set the limits of some of a project’s quotas, and say for each whether it was set',
		},
	],
	'getParameters',
);
