import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toId } from '../../../shared/input';
import type { LiveVoxClient } from '../../transport';
import { callCenterServices } from './callCenterServices';
import { limitField, pageSizeOption, readPaging, returnAllField } from './paging';

const properties: INodeProperties[] = [
	{
		displayName: 'Call Center ID',
		name: 'callCenterId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 433',
		required: true,
		description: 'The call center whose services to list',
	},
	returnAllField,
	limitField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [pageSizeOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['list'] } },
	properties,
);

/** The services of a call center your user may see, one item each, across as many pages as needed (fetched concurrently once the list's size is known). */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const callCenterId = toId(this.getNodeParameter('callCenterId', itemIndex), 'Call Center ID');
	const paging = readPaging(this, itemIndex);
	return await callCenterServices(client, callCenterId, paging);
}
