import type { INodeProperties } from 'n8n-workflow';

import { InvalidInput, toIdList } from '../../../shared/input';
import { callCenterForListField } from '../service/common';

/**
 * Several services at once, from a dropdown (filled from the call center in Call Center ID)
 * or typed as IDs, or both: the union is used. Shared by the supervisor reads and the trigger.
 */
export const serviceListFields: INodeProperties[] = [
	callCenterForListField,
	{
		displayName: 'Service Names or IDs',
		name: 'services',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getServices', loadOptionsDependsOn: ['callCenterId'] },
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The list shows the services of the Call Center ID above',
	},
	{
		displayName: 'Service IDs',
		name: 'serviceIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 21429, 50123',
		description: 'Services typed as IDs, separated by commas; added to those chosen above',
	},
];

/**
 * The chosen services, each once, in the order given. `read` gets a parameter by name, so the
 * node (per item) and the trigger (no items) can share this.
 */
export function readServiceList(read: (name: string) => unknown): number[] {
	const chosen = toIdList(read('services'), 'Service Names or IDs');
	const typed = toIdList(read('serviceIds'), 'Service IDs');
	const serviceIds = [...new Set([...chosen, ...typed])];
	if (serviceIds.length === 0) {
		throw new InvalidInput(
			'No service is chosen',
			'Pick services from the list (enter a Call Center ID to fill it) or type their IDs in Service IDs.',
		);
	}
	return serviceIds;
}
