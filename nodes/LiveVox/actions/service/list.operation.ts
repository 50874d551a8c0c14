import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toId } from '../../../shared/input';
import type { LiveVoxClient } from '../../transport';
import { collectServicePages, limitField, pageSizeOption, readPaging, returnAllField } from './paging';

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

/** The services of a call center your user may see, one item each, across as many pages as needed (fetched concurrently once the list's size is known). */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const callCenterId = toId(this.getNodeParameter('callCenterId', itemIndex), 'Call Center ID');
	const paging = readPaging(this, itemIndex);
	// The list's size (Service List Info), asked only when more than one further page is wanted:
	// with it the pages are fetched concurrently. Without it (the lookup failed) they come one by one.
	const sizeOf = async (): Promise<number | undefined> => {
		try {
			const info = await client.request<IDataObject | undefined>({
				method: 'GET',
				path: '/configuration/services/info',
				qs: { callCenter: callCenterId },
				kind: 'read',
			});
			return typeof info?.size === 'number' ? info.size : undefined;
		} catch {
			return undefined;
		}
	};
	return await collectServicePages(
		client,
		({ offset, count }) => ({
			method: 'GET',
			path: '/configuration/services',
			qs: { callCenter: callCenterId, count, offset },
			kind: 'read',
			hints: {
				403: 'LiveVox answers "Unauthorized" for a call center that has no services or that your user may not see: check the Call Center ID.',
			},
		}),
		paging,
		sizeOf,
	);
}
