import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { clockTimeToMs, InvalidInput } from '../../../shared/input';
import type { LiveVoxClient } from '../../transport';
import { modifyServicesHint, readServiceId, serviceSelection } from './common';
import { assertEndAfterStart, clockTimeField, LIVEVOX_HOURS_ZONE } from './inboundHoursFields';
import { DAYS_OF_WEEK } from './serviceEnums';

const properties: INodeProperties[] = [
	...serviceSelection,
	{
		displayName: 'Day of Week',
		name: 'dayOfWeek',
		type: 'options',
		options: DAYS_OF_WEEK,
		default: 'WEEKDAY',
		required: true,
		description: 'The days these hours apply to, or Specific Date for one day such as a holiday',
	},
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'The day these hours apply to (only the calendar day is used)',
		displayOptions: { show: { dayOfWeek: ['SPECIFIC_DATE'] } },
	},
	clockTimeField('start', true),
	clockTimeField('end', true),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['addInboundHours'] } },
	properties,
);

/** The calendar day the user picked, as LiveVox's date: midnight Eastern Time in epoch milliseconds. */
function specificDate(value: unknown): number {
	const text = value instanceof DateTime ? (value.toISO() ?? '') : String(value ?? '').trim();
	const parsed = text === '' ? undefined : DateTime.fromISO(text, { setZone: true });
	if (!parsed?.isValid) {
		throw new InvalidInput('Date is missing or not a date', 'Pick the day these hours apply to, for example 2026-12-24.');
	}
	return DateTime.fromObject(
		{ year: parsed.year, month: parsed.month, day: parsed.day },
		{ zone: LIVEVOX_HOURS_ZONE },
	).toMillis();
}

/** Adds opening hours to an inbound or blended service; gives the new entry's ID. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject> {
	const serviceId = readServiceId(this, itemIndex);
	const dayOfWeek = String(this.getNodeParameter('dayOfWeek', itemIndex, '')).trim();
	if (dayOfWeek === '') throw new InvalidInput('Day of Week is missing', 'Pick the days these hours apply to.');
	const startTime = clockTimeToMs(this.getNodeParameter('startTime', itemIndex, ''), 'Opens At');
	const endTime = clockTimeToMs(this.getNodeParameter('endTime', itemIndex, ''), 'Closes At');
	assertEndAfterStart(startTime, endTime);
	const body: IDataObject = { dayOfWeek, startTime, endTime };
	if (dayOfWeek === 'SPECIFIC_DATE') body.date = specificDate(this.getNodeParameter('date', itemIndex, ''));
	const answer = await client.request<{ id: number }>({
		method: 'POST',
		path: `/configuration/services/${serviceId}/inboundHours`,
		body,
		kind: 'write',
		hints: { ...modifyServicesHint, 400: 'Inbound hours apply to inbound and blended services; check the day and times.' },
		checkAfterUnknownOutcome: 'Get the inbound hours of the service and look for the new entry',
	});
	return { id: answer?.id, serviceId, ...body };
}
