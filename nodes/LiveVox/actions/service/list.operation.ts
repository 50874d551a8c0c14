import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toId } from '../../../shared/input';
import { collect } from '../../../shared/pages';
import type { LiveVoxClient } from '../../transport';
import { limitField, pageSizeOption, readPaging, returnAllField, servicePages } from './paging';

export const kind = 'read';

const properties: INodeProperties[] = [
	{
		displayName: 'Call Center ID',
		name: 'callCenterId',
		type: 'number',
		default: 0,
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

/** The services of a call center your user may see, one item each, across as many pages as needed. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const callCenterId = toId(this.getNodeParameter('callCenterId', itemIndex), 'Call Center ID');
	const paging = readPaging(this, itemIndex);
	const pages = servicePages(
		client,
		({ offset, count }) => ({
			method: 'GET',
			path: '/configuration/services',
			qs: { callCenter: callCenterId, count, offset },
			kind,
			hints: {
				403: 'LiveVox answers "Unauthorized" for a call center that has no services or that your user may not see: check the Call Center ID.',
			},
		}),
		paging,
	);
	return await collect(pages, { limit: paging.limit });
}
