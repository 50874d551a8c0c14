import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LiveVoxClient } from '../../transport';
import { callerIdField, readCallerId } from './callerIdField';
import { modifyServicesHint, readServiceId, serviceSelection } from './common';
import { changed } from './updateFields';

const properties: INodeProperties[] = [
	...serviceSelection,
	callerIdField('The phone number to add to the caller IDs the service may use'),
	{
		displayName: 'Make Default',
		name: 'makeDefault',
		type: 'boolean',
		default: false,
		description: 'Whether this number becomes the default caller ID of the service',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['addCallerId'] } },
	properties,
);

/** Adds a phone number to a service's caller IDs, optionally as the default. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject> {
	const serviceId = readServiceId(this, itemIndex);
	const callerId = readCallerId(this, itemIndex);
	const makeDefault = this.getNodeParameter('makeDefault', itemIndex, false) as boolean;
	await client.request({
		method: 'POST',
		path: `/configuration/services/${serviceId}/phone/${callerId}`,
		qs: makeDefault ? { default: true } : undefined,
		kind: 'write',
		hints: modifyServicesHint,
		checkAfterUnknownOutcome: "Get the service's Phone tab and look for the number among its caller IDs",
	});
	return changed(serviceId, { callerId, default: makeDefault });
}
