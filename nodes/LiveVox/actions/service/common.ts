import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toId } from '../../../shared/input';

/**
 * Services live under call centers; no documented call lists call centers, so their IDs are
 * typed. The one Call Center ID field of every services list (Service, Services).
 */
export const callCenterForListField: INodeProperties = {
	displayName: 'Call Center ID (for the Services List)',
	name: 'callCenterId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 433',
	description: 'Only used to fill the services list with the services of this call center; not sent',
};

export const serviceField: INodeProperties = {
	displayName: 'Service',
	name: 'serviceId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	hint: 'From List shows the services of the Call Center ID above',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a service...',
			typeOptions: { searchListMethod: 'searchServices', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 20575',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A Service ID is a whole number' },
				},
			],
		},
	],
};

/**
 * The two fields every single-service operation starts with. The Call Center ID only fills
 * the list, so it is shown only while the Service is picked From List.
 */
export const serviceSelection: INodeProperties[] = [
	{ ...callCenterForListField, displayOptions: { show: { '/serviceId.mode': ['list'] } } },
	serviceField,
];

export function readServiceId(context: IExecuteFunctions, itemIndex: number): number {
	const value = context.getNodeParameter('serviceId', itemIndex, '', { extractValue: true });
	return toId(value, 'Service ID');
}

/** The words for a 404 on a single service. */
export const serviceNotFound = {
	404: 'No Service with this ID exists for your user: check the Service ID (List Services shows the IDs of a call center).',
};

/** The words for a 403 on a change to a service. */
export const modifyServicesHint = {
	403: "Changing Services needs the Sysadmin, Superuser or IT User role; Managers need the 'Modify Services' optional power.",
	...serviceNotFound,
};
