import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import type { ApioClient } from '../../transport';
import { callCenterSelection, readCallCenter, statisticsPath } from './common';
import type { StatisticsAnswer } from './simplifyStatistics';
import { statisticsRows } from './simplifyStatistics';
import { statisticsRange } from './statisticsRange';

// A GET with a body: a read, safe to retry.
const RANGE_IN_BODY = 'body';
const RANGE_IN_QUERY = 'query';

const properties: INodeProperties[] = [
	...callCenterSelection,
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		default: '',
		required: true,
		description: "The moment the period starts, in the workflow's timezone",
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			"The moment the period ends, in the workflow's timezone. APIO refuses dates in the future: an End in the future is replaced by the current time.",
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			"Whether to return one item for the queue and one per agent, with the statistics as fields, instead of APIO's answer as it is",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Send Range In',
				name: 'rangeIn',
				type: 'options',
				options: [
					{
						name: 'Request Body (Documented)',
						value: RANGE_IN_BODY,
						description: 'A JSON body with statisticsRange, as APIO documents it',
					},
					{
						name: 'Query Parameters',
						value: RANGE_IN_QUERY,
						description: 'Start and end as query parameters, for deployments whose proxy drops the body of GET requests',
					},
				],
				default: RANGE_IN_BODY,
				description: 'Where the period goes in the request',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callCenter'], operation: ['getStatistics'] } },
	properties,
);

/** The queue and agent statistics of a call center over a period (minimum Group Admin rights). */
export async function execute(
	this: IExecuteFunctions,
	client: ApioClient,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const address = readCallCenter(this, itemIndex);
	const range = statisticsRange(
		this.getNodeParameter('start', itemIndex, ''),
		this.getNodeParameter('end', itemIndex, ''),
		this.getTimezone(),
		DateTime.now(),
	);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const rangeIn = this.getNodeParameter('options.rangeIn', itemIndex, RANGE_IN_BODY) as string;
	const period = { start: range.start, end: range.end };
	const answer = await client.request<StatisticsAnswer>({
		method: 'GET',
		path: statisticsPath(address),
		...(rangeIn === RANGE_IN_QUERY ? { qs: period } : { body: { statisticsRange: period } }),
		kind: 'read',
	});
	const clamping: IDataObject = {
		endClampedToNow: range.endClampedToNow,
		...(range.requestedEnd ? { requestedEnd: range.requestedEnd } : {}),
	};
	if (!simplify) return { ...answer, ...clamping } as IDataObject;
	return statisticsRows(answer, { ...address, ...period, ...clamping });
}
