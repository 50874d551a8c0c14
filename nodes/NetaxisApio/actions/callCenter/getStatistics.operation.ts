import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import type { PullRange } from '../../../shared/bookmark';
import { pullSinceLastRun, SINCE_LAST_RUN, sinceLastRunField, sinceLastRunPeriodOption } from '../../../shared/sinceLastRun';
import type { ApioClient } from '../../transport';
import type { CallCenterAddress } from './common';
import { callCenterSelection, readCallCenter, reportingSettingsPath, statisticsPath } from './common';
import type { StatisticsAnswer } from './simplifyStatistics';
import { statisticsRows } from './simplifyStatistics';
import { statisticsRange } from './statisticsRange';

// A GET with a body: a read, safe to retry.
const RANGE_IN_BODY = 'body';
const RANGE_IN_QUERY = 'query';

/** APIO's default collection period, used when the call center's settings do not say. */
const DEFAULT_COLLECTION_MINUTES = 30;

const properties: INodeProperties[] = [
	...callCenterSelection,
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		options: [
			{ name: 'Custom', value: 'custom', description: 'Start and End below' },
			sinceLastRunPeriodOption,
		],
		default: 'custom',
	},
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		default: '',
		required: true,
		description: "The moment the period starts, in the workflow's timezone",
		displayOptions: { show: { period: ['custom'] } },
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			"The moment the period ends, in the workflow's timezone. APIO refuses dates in the future: an End in the future is replaced by the current time.",
		displayOptions: { show: { period: ['custom'] } },
	},
	sinceLastRunField(
		"the current time rounded down to the call center's collection period (read from its statistics reporting settings), in the workflow's timezone",
	),
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

/** The start of the collection period a moment is in: periods run from midnight, every `minutes`. */
export function collectionPeriodStart(moment: DateTime, minutes: number, zone: string): DateTime {
	const local = moment.setZone(zone);
	const midnight = local.startOf('day');
	const elapsed = Math.floor(local.diff(midnight, 'minutes').minutes / minutes) * minutes;
	return midnight.plus({ minutes: elapsed });
}

async function collectionMinutes(client: ApioClient, address: CallCenterAddress): Promise<number> {
	const settings = await client.request<IDataObject>({ method: 'GET', path: reportingSettingsPath(address), kind: 'read' });
	const minutes = Number(settings?.collectionPeriodMinutes);
	return Number.isInteger(minutes) && minutes > 0 ? minutes : DEFAULT_COLLECTION_MINUTES;
}

/** The queue and agent statistics of a call center over a period (minimum Group Admin rights). */
export async function execute(
	this: IExecuteFunctions,
	client: ApioClient,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const address = readCallCenter(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const rangeIn = this.getNodeParameter('options.rangeIn', itemIndex, RANGE_IN_BODY) as string;
	const zone = this.getTimezone();
	const statistics = async (startValue: unknown, endValue: unknown) => {
		const range = statisticsRange(startValue, endValue, zone, DateTime.now());
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
		if (!simplify) return [{ ...answer, ...clamping } as IDataObject];
		return statisticsRows(answer, { ...address, ...period, ...clamping });
	};
	if (this.getNodeParameter('period', itemIndex, 'custom') !== SINCE_LAST_RUN) {
		return await statistics(this.getNodeParameter('start', itemIndex, ''), this.getNodeParameter('end', itemIndex, ''));
	}
	// Since Last Run: up to the last whole collection period, per credential and call center.
	const minutes = await collectionMinutes(client, address);
	const periodStart = (moment: DateTime) => collectionPeriodStart(moment, minutes, zone);
	const rows = await pullSinceLastRun(
		this,
		itemIndex,
		{ settings: { operation: 'getStatistics', ...address }, zone, latestEnd: periodStart(DateTime.now()), periodStart },
		async ({ start, end }: PullRange) => await statistics(start, end),
	);
	return rows as IDataObject[];
}
