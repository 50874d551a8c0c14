import { DateTime, IANAZone } from 'luxon';

import { presetPeriod } from '../../../shared/calendarPeriod';
import type { TimeWindow } from '../../../shared/dayWindows';
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
 * An instant from what a date-time field or an expression gives: an ISO text (without an
 * offset it is a wall-clock time in `zone`), "yyyy-MM-dd HH:mm:ss", epoch milliseconds, a JS
 * Date or a luxon DateTime.
 */
export function readDateTime(value: unknown, zone: string, label: string): DateTime {
	let parsed: DateTime | undefined;
	if (DateTime.isDateTime(value)) parsed = value.setZone(zone);
	else if (value instanceof Date) parsed = DateTime.fromJSDate(value, { zone });
	else if (typeof value === 'number') parsed = DateTime.fromMillis(value, { zone });
	else if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		parsed = /^\d{11,}$/.test(text)
			? DateTime.fromMillis(Number(text), { zone })
			: DateTime.fromISO(text, { zone, setZone: false });
		if (!parsed.isValid) parsed = DateTime.fromSQL(text, { zone });
	}
	if (parsed === undefined) {
		throw new InvalidInput(`${label} is missing`, `Pick a date for ${label}, or choose one of the preset periods.`);
	}
	if (!parsed.isValid) {
		throw new InvalidInput(
			`${label} "${String(value).slice(0, 40)}" is not a date`,
			`Enter ${label} as a date or date-time such as 2024-03-31 or 2024-03-31T08:00:00, or pick it in the date field.`,
		);
	}
	return parsed.setZone(zone);
}

/**
 * The range a custom start and end stand for, as [start, end). An end at midnight means
 * that whole day (the day the user picked is included); an end with a time of day is
 * included to that time.
 */
export function customRange(startValue: unknown, endValue: unknown, zone: string): TimeWindow {
	const start = readDateTime(startValue, zone, 'Start Date');
	const end = readDateTime(endValue, zone, 'End Date');
	const endExclusive = end.equals(end.startOf('day')) ? end.plus({ days: 1 }) : end.plus({ milliseconds: 1 });
	if (end < start) {
		throw new InvalidInput(
			`End Date (${end.toISO()}) is before Start Date (${start.toISO()})`,
			'Set End Date to the last day of the report, on or after Start Date. The end day is included.',
		);
	}
	return { start: start.toMillis(), end: endExclusive.toMillis() };
}

/** The range of a preset period: whole days in `zone`, relative to `now`. */
export function presetRange(period: (typeof REPORT_PERIODS)[number], now: DateTime): TimeWindow {
	const { first, last } = presetPeriod(period, now);
	return { start: first.toMillis(), end: last.plus({ days: 1 }).toMillis() };
}

/** Checks what the Reporting API can answer: history, so not a range wholly in the future. */
export function checkRange(range: TimeWindow, now: DateTime): { reachesToday: boolean } {
	if (range.start > now.toMillis()) {
		throw new InvalidInput(
			`The range starts in the future (${DateTime.fromMillis(range.start, { zone: now.zone }).toISO()})`,
			"LiveVox's Reporting API holds data before the current day only: pick a start date in the past.",
		);
	}
	return { reachesToday: range.end > now.startOf('day').toMillis() };
}

/** The range as people read it, in the reporting timezone: the start and the last millisecond. */
export function describeWindow(window: TimeWindow, zone: string): { windowStart: string; windowEnd: string } {
	return {
		windowStart: DateTime.fromMillis(window.start, { zone }).toISO() ?? String(window.start),
		windowEnd: DateTime.fromMillis(window.end - 1, { zone }).toISO() ?? String(window.end - 1),
	};
}
