import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';
import type { LiveVoxClient } from '../../transport';
import { modifyServicesHint, readServiceId, serviceSelection } from './common';

const properties: INodeProperties[] = [
	...serviceSelection.map((field) =>
		field.name === 'serviceId'
			? { ...field, displayName: 'Service to Copy', description: 'The new service is a copy of this one, in the same call center' }
			: field,
	),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description: 'The name of the new service',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['create'] } },
	properties,
);

/** Creates a service as a copy of an existing one, in the same call center; gives the new ID. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject> {
	const copiedFrom = readServiceId(this, itemIndex);
	const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
	if (name === '') {
		throw new InvalidInput('Name is missing', 'Enter a name for the new service.');
	}
	const answer = await client.request<{ id: number }>({
		method: 'POST',
		path: '/configuration/services',
		qs: { service: copiedFrom, name },
		kind: 'write',
		hints: modifyServicesHint,
		checkAfterUnknownOutcome: `List the services of the call center and look for "${name}"`,
	});
	return { serviceId: answer?.id, name, copiedFrom };
}
