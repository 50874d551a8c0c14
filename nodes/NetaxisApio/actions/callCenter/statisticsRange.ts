import type { DateTime } from 'luxon';

import { asEntered, readDateTime } from '../../../shared/dateInput';
import { InvalidInput } from '../../../shared/input';

/** As in APIO's example: 2021-01-01T00:00:00+01:00 (seconds, numeric offset, also for UTC). */
const APIO_DATE_TIME = "yyyy-MM-dd'T'HH:mm:ssZZ";

interface StatisticsRange {
	start: string;
	end: string;
	/** Whether the End picked was in the future and was replaced by the current time. */
	endClampedToNow: boolean;
	/** The End as picked, when it was replaced. */
	requestedEnd?: string;
}

/**
 * The period as APIO's statistics call wants it: ISO dates with the offset of the workflow's
 * timezone. APIO rejects dates in the future, so an End in the future becomes the current
 * time, rounded down to the minute to leave room for a small difference between the clocks
 * of n8n and APIO. A period that starts after that, or ends before it starts, is bad input.
 */
export function statisticsRange(startValue: unknown, endValue: unknown, zone: string, now: DateTime): StatisticsRange {
	const start = readDateTime(startValue, { label: 'Start', zone }).startOf('second');
	const end = readDateTime(endValue, { label: 'End', zone }).startOf('second');
	if (end < start) {
		throw new InvalidInput(
			`End "${asEntered(endValue)}" is before Start "${asEntered(startValue)}"`,
			'Pick an End after the Start.',
		);
	}
	const latest = now.setZone(zone).startOf('minute');
	if (start > latest) {
		throw new InvalidInput(
			`The period starts in the future (Start "${asEntered(startValue)}")`,
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
