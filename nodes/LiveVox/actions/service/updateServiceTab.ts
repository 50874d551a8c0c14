import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LiveVoxClient } from '../../transport';
import type { LiveVoxOperation } from '../types';
import { modifyServicesHint, readServiceId, serviceSelection } from './common';
import { changed, readUpdateFields } from './updateFields';

/**
 * An operation that changes one part of a service (a tab of LiveVox's Service editor):
 * POST /configuration/services/{id}{suffix} with only the fields the user added.
 */
export function updateServiceTab(
	operation: string,
	pathSuffix: string,
	fields: INodeProperties[],
	tabName: string,
): LiveVoxOperation {
	const properties: INodeProperties[] = [
		...serviceSelection,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			description: 'Only the fields added here are sent; the others keep their values',
			options: fields,
		},
	];
	return {
		description: updateDisplayOptions({ show: { resource: ['service'], operation: [operation] } }, properties),
		async execute(this: IExecuteFunctions, client: LiveVoxClient, itemIndex: number) {
			const serviceId = readServiceId(this, itemIndex);
			const body = readUpdateFields(this, itemIndex);
			await client.request({
				method: 'POST',
				path: `/configuration/services/${serviceId}${pathSuffix}`,
				body,
				kind: 'write',
				hints: modifyServicesHint,
				checkAfterUnknownOutcome: `Get the service's ${tabName} and compare it with the fields sent`,
			});
			return changed(serviceId, body);
		},
	};
}
