import type { DateTime } from 'luxon';

import { asEntered, readDateTime } from './dateInput';
import { InvalidInput } from './input';

/** Named periods of whole calendar days, relative to today in the workflow's time zone. */
export const PERIOD_PRESETS = [
	'today',
	'yesterday',
	'last7Days',
	'last30Days',
	'thisMonth',
	'lastMonth',
	'thisYear',
	'lastYear',
] as const;

export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The first and last calendar day of a period, both included, each at the start of its day. */
export interface CalendarPeriod {
	first: DateTime;
	last: DateTime;
}

/**
 * The days a preset stands for. "Last 7 Days" and "Last 30 Days" are the complete days
 * before today (today's figures are still growing); "This Month" and "This Year" run up to
 * and including today.
 */
export function presetPeriod(preset: PeriodPreset, now: DateTime): CalendarPeriod {
	const today = now.startOf('day');
	const yesterday = today.minus({ days: 1 });
	switch (preset) {
		case 'today':
			return { first: today, last: today };
		case 'yesterday':
			return { first: yesterday, last: yesterday };
		case 'last7Days':
			return { first: today.minus({ days: 7 }), last: yesterday };
		case 'last30Days':
			return { first: today.minus({ days: 30 }), last: yesterday };
		case 'thisMonth':
			return { first: today.startOf('month'), last: today };
		case 'lastMonth': {
			const first = today.startOf('month').minus({ months: 1 });
			return { first, last: first.endOf('month').startOf('day') };
		}
		case 'thisYear':
			return { first: today.startOf('year'), last: today };
		case 'lastYear': {
			const first = today.startOf('year').minus({ years: 1 });
			return { first, last: first.endOf('year').startOf('day') };
		}
	}
}

export function isPeriodPreset(value: unknown): value is PeriodPreset {
	return (PERIOD_PRESETS as readonly unknown[]).includes(value);
}

/** The calendar day a date field means, in `zone` (read as every date field is, see readDateTime). */
export function calendarDay(value: unknown, zone: string, label: string): DateTime {
	return readDateTime(value, { label, zone, alternative: 'choose a preset period' }).startOf('day');
}

/** A period from two date fields, checked: the first day may not come after the last. */
export function customPeriod(from: unknown, to: unknown, zone: string): CalendarPeriod {
	const first = calendarDay(from, zone, 'From');
	const last = calendarDay(to, zone, 'To');
	if (first > last) {
		throw new InvalidInput(
			`From "${asEntered(from)}" is after To "${asEntered(to)}"`,
			'Both days are included: set From to the first day of the period and To to the last, or to the same day for one day.',
		);
	}
	return { first, last };
}
