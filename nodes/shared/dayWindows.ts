import { DateTime, IANAZone } from 'luxon';

/** A span of time as epoch milliseconds, start included and end excluded: [start, end). */
export interface TimeWindow {
	start: number;
	end: number;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface DayWindowOptions {
	/** The IANA timezone whose midnights the windows are cut at (the reporting timezone). */
	zone: string;
	/** The longest a window may be, in elapsed milliseconds (a 25-hour DST day counts as 25 hours). */
	maxMs: number;
}

/** The first midnight in `zone` strictly after `ms`. */
export function nextMidnight(ms: number, zone: string): number {
	return DateTime.fromMillis(ms, { zone }).startOf('day').plus({ days: 1 }).toMillis();
}

function checkOptions(range: TimeWindow, options: DayWindowOptions): void {
	if (!Number.isFinite(range.start) || !Number.isFinite(range.end) || range.end < range.start) {
		throw new RangeError(`A range needs a start before its end, got ${range.start} to ${range.end}`);
	}
	if (!Number.isFinite(options.maxMs) || options.maxMs <= 0) {
		throw new RangeError(`The longest window must be a positive duration, got ${options.maxMs} ms`);
	}
	if (!IANAZone.isValidZone(options.zone)) {
		throw new RangeError(`"${options.zone}" is not a timezone`);
	}
}

/**
 * Splits [start, end) into contiguous, non-overlapping windows whose inner boundaries fall
 * on midnights in `zone`, taking as many whole days into each window as fit in `maxMs` of
 * elapsed time. Because days are measured in elapsed time, a window of "3 days" across the
 * autumn DST change (a 25-hour day) would be 73 hours long: it gets 2 days instead.
 *
 * Only a single day longer than the maximum itself (a maximum under 25 hours meeting a
 * 25-hour day) is cut inside the day, at the maximum, since no whole-day window fits.
 * An empty range gives no windows.
 */
export function* dayWindows(range: TimeWindow, options: DayWindowOptions): Generator<TimeWindow> {
	checkOptions(range, options);
	const { zone, maxMs } = options;
	// The midnights after the start, one day after another: a day added to a midnight is the
	// next midnight (luxon's calendar arithmetic), a third of the zone lookups of nextMidnight.
	let midnight = DateTime.fromMillis(range.start, { zone }).startOf('day').plus({ days: 1 });
	let cursor = range.start;
	while (cursor < range.end) {
		let windowEnd: number | undefined;
		while (midnight.toMillis() <= cursor) midnight = midnight.plus({ days: 1 });
		for (;;) {
			const candidate = Math.min(midnight.toMillis(), range.end);
			if (candidate - cursor > maxMs) break;
			windowEnd = candidate;
			if (candidate === range.end) break;
			midnight = midnight.plus({ days: 1 });
		}
		windowEnd ??= cursor + maxMs;
		yield { start: cursor, end: windowEnd };
		cursor = windowEnd;
	}
}

/** All windows of a range, in time order. */
export function splitIntoDayWindows(range: TimeWindow, options: DayWindowOptions): TimeWindow[] {
	return [...dayWindows(range, options)];
}
