import type { DateTime } from 'luxon';

import { readDateTime } from '../shared/dateInput';
import { InvalidInput, toId } from '../shared/input';

/** A project ID as VCC Live's resources take it (digits only, so it cannot change the path). */
export function projectIdOf(value: unknown): number {
	return toId(value, 'Project ID');
}

/** A record ID ("numberid" in VCC Live's resources). */
export function recordIdOf(value: unknown): number {
	return toId(value, 'Record ID');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A call's UUID as VCC Live writes them (8-4-4-4-12 hexadecimal digits), lower-cased. */
export function callUuidOf(value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') throw new InvalidInput('Call UUID is missing', 'Enter the call’s UUID, for example f1340322-bc5b-11e6-bca8-57db46f903da.');
	if (!UUID.test(text)) {
		throw new InvalidInput(
			`Call UUID "${text.slice(0, 40)}" is not a UUID`,
			'Enter the UUID VCC Live gave the call (8-4-4-4-12 hexadecimal digits), for example f1340322-bc5b-11e6-bca8-57db46f903da, from a CDR or a webhook.',
		);
	}
	return text.toLowerCase();
}

/** A calendar day as VCC Live's CDR resources put it in the path: /[year]/[month]/[day]. */
export interface PathDay {
	year: string;
	month: string;
	day: string;
}

/** The day of `moment` in the path's form (two-digit month and day, as the documentation lists 01-12 and 01-31). */
export function pathDay(moment: DateTime): PathDay {
	return { year: moment.toFormat('yyyy'), month: moment.toFormat('MM'), day: moment.toFormat('dd') };
}

/** A day that has begun (today or earlier, in the day's own zone): a future day has no calls yet. */
export function pastOrToday(day: DateTime, now: DateTime, label: string): DateTime {
	const start = day.startOf('day');
	if (start > now.setZone(day.zone).startOf('day')) {
		throw new InvalidInput(
			`${label} ${start.toISODate() ?? ''} is in the future`,
			`Pick today or an earlier day for ${label}: VCC Live has no calls for days to come.`,
		);
	}
	return start;
}

/** A date-time field as the Database API's bodies take it: "2017-01-17 11:00:00", in the workflow's time zone. */
export function bodyDateTime(value: unknown, label: string, zone: string): string {
	return readDateTime(value, { label, zone }).toFormat('yyyy-MM-dd HH:mm:ss');
}
