import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LiveVoxClient } from '../../transport';
import type { LiveVoxOperation } from '../types';
import { readServiceId, serviceNotFound, serviceSelection } from './common';

/**
 * An operation that reads one part of a service (a tab of LiveVox's Service editor):
 * GET /configuration/services/{id}{suffix}, answered as one item.
 */
export function readServiceTab(operation: string, pathSuffix: string): LiveVoxOperation {
	return {
		description: updateDisplayOptions(
			{ show: { resource: ['service'], operation: [operation] } },
			serviceSelection,
		),
		async execute(this: IExecuteFunctions, client: LiveVoxClient, itemIndex: number) {
			const serviceId = readServiceId(this, itemIndex);
			return await client.request<IDataObject>({
				method: 'GET',
				path: `/configuration/services/${serviceId}${pathSuffix}`,
				kind: 'read',
				hints: serviceNotFound,
			});
		},
	};
}
