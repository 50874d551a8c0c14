import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/operationOptions';
import type { VccLiveOperation } from '../types';
import * as getParameters from './getParameters.operation';

/** The Database API's project resources (docs/VCC-LIVE-API.md). */
export const projectOperations: Record<string, VccLiveOperation> = {
	getParameters,
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
	],
	'getParameters',
);
