import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LiveVoxClient } from '../../transport';
import { modifyServicesHint, readServiceId, serviceSelection } from './common';
import { changed } from './updateFields';

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['delete'] } },
	serviceSelection,
);

/** Deletes a service. LiveVox refuses when campaigns were tied to it in the past 90 days. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject> {
	const serviceId = readServiceId(this, itemIndex);
	await client.request({
		method: 'DELETE',
		path: `/configuration/services/${serviceId}`,
		kind: 'write',
		hints: {
			...modifyServicesHint,
			400: 'A service can only be deleted when no campaigns were associated with it in the past 90 days.',
		},
		checkAfterUnknownOutcome: 'Get the service by its ID: a 404 means it was deleted',
	});
	return changed(serviceId, { deleted: true });
}
