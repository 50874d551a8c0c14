import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LiveVoxClient } from '../../transport';
import { callerIdField, readCallerId } from './callerIdField';
import { modifyServicesHint, readServiceId, serviceSelection } from './common';
import { changed } from './updateFields';

const properties: INodeProperties[] = [
	...serviceSelection,
	callerIdField('The phone number to remove from the caller IDs of the service'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['removeCallerId'] } },
	properties,
);

/** Removes a phone number from a service's caller IDs. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject> {
	const serviceId = readServiceId(this, itemIndex);
	const callerId = readCallerId(this, itemIndex);
	await client.request({
		method: 'DELETE',
		path: `/configuration/services/${serviceId}/phone/${callerId}`,
		kind: 'write',
		hints: {
			...modifyServicesHint,
			404: 'The service does not exist or this number is not one of its caller IDs: Get Phone lists them.',
		},
		checkAfterUnknownOutcome: "Get the service's Phone tab and check whether the number is still listed",
	});
	return changed(serviceId, { callerId, removed: true });
}
