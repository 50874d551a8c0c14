import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInput, toId, toIdList } from '../../../shared/input';
import { collectPages } from '../../../shared/pages';
import type { LiveVoxClient } from '../../transport';
import { ACD_FEATURES, CALL_DIRECTIONS } from './serviceEnums';
import { servicePageFetcher } from './callCenterServices';
import { limitField, pageSizeOption, readPaging, returnAllField } from './paging';

const properties: INodeProperties[] = [
	{
		displayName: 'Call Direction',
		name: 'callDirection',
		type: 'options',
		options: CALL_DIRECTIONS,
		default: 'OUTBOUND',
		required: true,
		description:
			'The call direction configured for the services. LiveVox accepts one value. Other values can be given with an expression.',
	},
	{
		displayName: 'ACD Features',
		name: 'acdFeature',
		type: 'multiOptions',
		options: ACD_FEATURES,
		default: [],
		required: true,
		description: 'Services with any of these agent audio connection types. Pick one or more.',
	},
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Attended',
				name: 'attended',
				type: 'options',
				options: [
					{ name: 'Attended', value: 'ATTENDED' },
					{ name: 'Unattended', value: 'UNATTENDED' },
				],
				default: 'ATTENDED',
				description: 'Whether the services use agents (ACD) or are unattended',
			},
			{
				displayName: 'Call Center IDs',
				name: 'callCenterIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 429, 2829',
				description: 'Only services of these call centers, comma-separated',
			},
			{
				displayName: 'Client ID',
				name: 'clientId',
				type: 'number',
				default: 0,
				description: 'The client whose services to search, when your user sees several',
			},
		],
	},
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
	{ show: { resource: ['service'], operation: ['findMatching'] } },
	properties,
);

/** Services matching a call direction and ACD features, one item each, across pages. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const callDirection = String(this.getNodeParameter('callDirection', itemIndex, '')).trim();
	if (callDirection === '') {
		throw new InvalidInput('Call Direction is missing', 'Pick INBOUND, OUTBOUND or BLENDED.');
	}
	const acdFeature = this.getNodeParameter('acdFeature', itemIndex, []) as string[];
	if (!Array.isArray(acdFeature) || acdFeature.length === 0) {
		throw new InvalidInput('ACD Features is empty', 'Pick at least one ACD feature to match.');
	}
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const body: IDataObject = { callDirection, acdFeature };
	const callCenterIds = toIdList(filters.callCenterIds, 'Call Center IDs');
	if (callCenterIds.length > 0) body.callCenter = callCenterIds.map((id) => ({ id }));
	if (filters.attended !== undefined) body.attended = filters.attended;
	const qs: IDataObject = {};
	if (filters.clientId !== undefined && filters.clientId !== 0) {
		qs.client = toId(filters.clientId, 'Client ID');
	}
	const paging = readPaging(this, itemIndex);
	const fetchPage = servicePageFetcher(client, ({ offset, count }) => ({
		method: 'POST',
		path: '/configuration/services/search',
		qs: { ...qs, count, offset },
		body,
		// A search sent as POST, but a read by meaning: safe to retry.
		kind: 'read',
	}));
	return await collectPages(fetchPage, paging);
}
