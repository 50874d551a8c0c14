import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { msToClockTime } from '../../../shared/input';
import type { LiveVoxClient } from '../../transport';
import { readServiceId, serviceNotFound, serviceSelection } from './common';
import { LIVEVOX_HOURS_ZONE } from './inboundHoursFields';

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['getInboundHours'] } },
	serviceSelection,
);

interface InboundHour {
	id: number;
	dayOfWeek: string;
	date?: number;
	startTime: number;
	endTime: number;
}

/**
 * The inbound hours of a service, one item per entry. LiveVox gives times as milliseconds
 * from midnight Eastern Time; `start` / `end` add them as HH:mm (a closing time past
 * midnight reads 25:59), and `dateText` the day of a SPECIFIC_DATE entry.
 */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const serviceId = readServiceId(this, itemIndex);
	const answer = await client.request<{ inboundHour?: InboundHour[] }>({
		method: 'GET',
		path: `/configuration/services/${serviceId}/inboundHours`,
		kind: 'read',
		hints: serviceNotFound,
	});
	return (answer?.inboundHour ?? []).map((hour) => ({
		serviceId,
		...hour,
		start: msToClockTime(hour.startTime),
		end: msToClockTime(hour.endTime),
		...(typeof hour.date === 'number'
			? { dateText: DateTime.fromMillis(hour.date, { zone: LIVEVOX_HOURS_ZONE }).toISODate() }
			: {}),
	}));
}
