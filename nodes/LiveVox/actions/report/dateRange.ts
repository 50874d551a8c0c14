import { DateTime, IANAZone } from 'luxon';

import { presetPeriod } from '../../../shared/calendarPeriod';
import type { TimeWindow } from '../../../shared/dayWindows';
import { asEntered, readDateTime } from '../../../shared/dateInput';
import { InvalidInput } from '../../../shared/input';

/** The periods people ask for every day; each is made of whole days before today. */
export const REPORT_PERIODS = ['yesterday', 'last7Days', 'last30Days', 'lastMonth'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number] | 'custom';

/** A reporting timezone: the one given, or the workflow's. */
export function readZone(given: unknown, workflowZone: string): string {
	const zone = typeof given === 'string' && given.trim() !== '' ? given.trim() : workflowZone;
	if (!IANAZone.isValidZone(zone)) {
		throw new InvalidInput(
			`Reporting Timezone "${zone.slice(0, 60)}" is not a timezone`,
			'Enter an IANA timezone name such as America/New_York, or leave it empty to use the workflow timezone.',
		);
	}
	return zone;
}

/**
 * The range a custom start and end stand for, as [start, end). An end at midnight means
 * that whole day (the day the user picked is included); an end with a time of day is
 * included to that time. The Reporting API holds history: a range wholly in the future is refused.
 */
export function customRange(startValue: unknown, endValue: unknown, zone: string, now: DateTime): TimeWindow {
	const alternative = 'choose one of the preset periods';
	const start = readDateTime(startValue, { label: 'Start Date', zone, alternative });
	const end = readDateTime(endValue, { label: 'End Date', zone, alternative });
	const endExclusive = end.equals(end.startOf('day')) ? end.plus({ days: 1 }) : end.plus({ milliseconds: 1 });
	if (end < start) {
		throw new InvalidInput(
			`End Date "${asEntered(endValue)}" is before Start Date "${asEntered(startValue)}"`,
			'Set End Date to the last day of the report, on or after Start Date. The end day is included.',
		);
	}
	if (start > now) {
		throw new InvalidInput(
			`The range starts in the future (Start Date "${asEntered(startValue)}")`,
			"LiveVox's Reporting API holds data before the current day only: pick a start date in the past.",
		);
	}
	return { start: start.toMillis(), end: endExclusive.toMillis() };
}

/** The range of a preset period: whole days in `zone`, relative to `now`. */
export function presetRange(period: (typeof REPORT_PERIODS)[number], now: DateTime): TimeWindow {
	const { first, last } = presetPeriod(period, now);
	return { start: first.toMillis(), end: last.plus({ days: 1 }).toMillis() };
}

/** Whether the range reaches into today, whose data the Reporting API may not hold yet. */
export function reachesToday(range: TimeWindow, now: DateTime): boolean {
	return range.end > now.startOf('day').toMillis();
}

/** The range as people read it, in the reporting timezone: the start and the last millisecond. */
export function describeWindow(window: TimeWindow, zone: string): { windowStart: string; windowEnd: string } {
	return {
		windowStart: DateTime.fromMillis(window.start, { zone }).toISO() ?? String(window.start),
		windowEnd: DateTime.fromMillis(window.end - 1, { zone }).toISO() ?? String(window.end - 1),
	};
}
