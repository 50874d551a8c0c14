import { DateTime } from 'luxon';

import { InvalidInput } from '../../../shared/input';

/** As in APIO's example: 2021-01-01T00:00:00+01:00 (seconds, numeric offset, also for UTC). */
const APIO_DATE_TIME = "yyyy-MM-dd'T'HH:mm:ssZZ";

export interface StatisticsRange {
	start: string;
	end: string;
	/** Whether the End picked was in the future and was replaced by the current time. */
	endClampedToNow: boolean;
	/** The End as picked, when it was replaced. */
	requestedEnd?: string;
}

/**
 * A date from a dateTime field: an ISO text (without offset it is read in the workflow's
 * timezone), a JavaScript Date, or a luxon DateTime from an expression such as {{ $now }}.
 */
export function readDateTime(value: unknown, label: string, zone: string): DateTime {
	let parsed: DateTime | undefined;
	if (value instanceof Date) {
		parsed = DateTime.fromJSDate(value, { zone });
	} else if (typeof (value as { toISO?: unknown })?.toISO === 'function') {
		parsed = DateTime.fromISO(String((value as { toISO: () => string }).toISO()), { zone });
	} else if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		parsed = DateTime.fromISO(text, { zone });
		if (!parsed.isValid) parsed = DateTime.fromSQL(text, { zone });
	} else {
		throw new InvalidInput(`${label} is missing`, `Pick the ${label} of the period, for example 2026-01-01 00:00.`);
	}
	if (!parsed.isValid) {
		throw new InvalidInput(
			`${label} "${String(value).slice(0, 40)}" is not a date`,
			`Pick the ${label} of the period, or give an ISO date such as 2026-01-01T00:00:00.`,
		);
	}
	return parsed;
}

/**
 * The period as APIO's statistics call wants it: ISO dates with the offset of the workflow's
 * timezone. APIO rejects dates in the future, so an End in the future becomes the current
 * time, rounded down to the minute to leave room for a small difference between the clocks
 * of n8n and APIO. A period that starts after that, or ends before it starts, is bad input.
 */
export function statisticsRange(startValue: unknown, endValue: unknown, zone: string, now: DateTime): StatisticsRange {
	const start = readDateTime(startValue, 'Start', zone).startOf('second');
	const end = readDateTime(endValue, 'End', zone).startOf('second');
	if (end < start) {
		throw new InvalidInput(
			`End (${end.toFormat(APIO_DATE_TIME)}) is before Start (${start.toFormat(APIO_DATE_TIME)})`,
			'Pick an End after the Start.',
		);
	}
	const latest = now.setZone(zone).startOf('minute');
	if (start > latest) {
		throw new InvalidInput(
			`The period starts in the future (${start.toFormat(APIO_DATE_TIME)})`,
			'APIO has statistics up to the current minute only: pick a Start in the past.',
		);
	}
	const endClampedToNow = end > latest;
	return {
		start: start.toFormat(APIO_DATE_TIME),
		end: (endClampedToNow ? latest : end).toFormat(APIO_DATE_TIME),
		endClampedToNow,
		...(endClampedToNow ? { requestedEnd: end.toFormat(APIO_DATE_TIME) } : {}),
	};
}
