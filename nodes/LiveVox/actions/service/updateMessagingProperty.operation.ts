import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';
import type { LiveVoxClient } from '../../transport';
import { modifyServicesHint, readServiceId, serviceSelection } from './common';
import { MESSAGING_PROPERTIES } from './serviceEnums';
import { changed } from './updateFields';

const properties: INodeProperties[] = [
	...serviceSelection,
	{
		displayName: 'Property',
		name: 'property',
		type: 'options',
		options: MESSAGING_PROPERTIES,
		default: 'INBOUND_TEMPLATE_ID',
		required: true,
		description: 'The messaging property to change. Other property names can be given with an expression.',
	},
	{
		displayName: 'Message ID',
		name: 'value',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 14206',
		description: 'The ID of the message (template) the property should point to',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['updateMessagingProperty'] } },
	properties,
);

/** Points a messaging property of a service (such as its inbound template) at another message. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject> {
	const serviceId = readServiceId(this, itemIndex);
	const property = String(this.getNodeParameter('property', itemIndex, '')).trim();
	const value = String(this.getNodeParameter('value', itemIndex, '') ?? '').trim();
	if (property === '') throw new InvalidInput('Property is missing', 'Pick the messaging property to change.');
	if (value === '') throw new InvalidInput('Message ID is missing', 'Enter the ID of the message the property should use.');
	await client.request({
		method: 'POST',
		path: `/configuration/services/${serviceId}/messaging`,
		qs: { property, value },
		kind: 'write',
		hints: modifyServicesHint,
		checkAfterUnknownOutcome: "Get the service's Messaging tab and look at the property",
	});
	return changed(serviceId, { property, value });
}
