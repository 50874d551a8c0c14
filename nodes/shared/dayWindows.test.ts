import fc from 'fast-check';
import { DateTime } from 'luxon';

import type { TimeWindow } from './dayWindows';
import { DAY_MS, HOUR_MS, nextMidnight, splitIntoDayWindows } from './dayWindows';

const ZONES = [
	'UTC',
	'America/New_York',
	'Europe/London',
	'Australia/Lord_Howe', // a 30-minute DST shift
	'America/Sao_Paulo',
	'Asia/Kolkata',
	'Pacific/Chatham',
	'America/St_Johns',
];

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const show = (windows: TimeWindow[], zone: string) =>
	windows.map(({ start, end }) => [
		DateTime.fromMillis(start, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"),
		DateTime.fromMillis(end, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"),
		(end - start) / HOUR_MS,
	]);
const isMidnight = (ms: number, zone: string) => {
	const local = DateTime.fromMillis(ms, { zone });
	return local.toMillis() === local.startOf('day').toMillis();
};

describe('splitIntoDayWindows: examples', () => {
	const zone = 'America/New_York';

	it('gives a 3-day window 2 days where it would hold the 25-hour day of the autumn change', () => {
		const windows = splitIntoDayWindows(
			{ start: at('2024-11-01T00:00', zone), end: at('2024-11-07T00:00', zone) },
			{ zone, maxMs: 3 * DAY_MS },
		);
		expect(show(windows, zone)).toEqual([
			['2024-11-01T00:00', '2024-11-03T00:00', 48],
			['2024-11-03T00:00', '2024-11-05T00:00', 49],
			['2024-11-05T00:00', '2024-11-07T00:00', 48],
		]);
	});

	it('keeps 3 whole days when they hold the 23-hour day of the spring change', () => {
		const windows = splitIntoDayWindows(
			{ start: at('2024-03-09T00:00', zone), end: at('2024-03-15T00:00', zone) },
			{ zone, maxMs: 3 * DAY_MS },
		);
		expect(show(windows, zone)).toEqual([
			['2024-03-09T00:00', '2024-03-12T00:00', 71],
			['2024-03-12T00:00', '2024-03-15T00:00', 72],
		]);
	});

	it('cuts 31-day windows across month ends, the last one shorter', () => {
		const windows = splitIntoDayWindows(
			{ start: at('2024-01-01T00:00', 'UTC'), end: at('2024-04-01T00:00', 'UTC') },
			{ zone: 'UTC', maxMs: 31 * DAY_MS },
		);
		expect(show(windows, 'UTC').map(([start, end]) => [start, end])).toEqual([
			['2024-01-01T00:00', '2024-02-01T00:00'],
			['2024-02-01T00:00', '2024-03-03T00:00'],
			['2024-03-03T00:00', '2024-04-01T00:00'],
		]);
	});

	it('starts and ends where the range does, cutting only at midnights in between', () => {
		const windows = splitIntoDayWindows(
			{ start: at('2024-05-01T13:30', zone), end: at('2024-05-04T08:00', zone) },
			{ zone, maxMs: 1 * DAY_MS },
		);
		expect(show(windows, zone)).toEqual([
			['2024-05-01T13:30', '2024-05-02T00:00', 10.5],
			['2024-05-02T00:00', '2024-05-03T00:00', 24],
			['2024-05-03T00:00', '2024-05-04T00:00', 24],
			['2024-05-04T00:00', '2024-05-04T08:00', 8],
		]);
	});

	it('cuts a 25-hour day inside itself only when the maximum is shorter than that day', () => {
		const windows = splitIntoDayWindows(
			{ start: at('2024-11-03T00:00', zone), end: at('2024-11-04T00:00', zone) },
			{ zone, maxMs: DAY_MS },
		);
		expect(windows.map((w) => (w.end - w.start) / HOUR_MS)).toEqual([24, 1]);
	});

	it('gives one window for a range within the maximum, and none for an empty range', () => {
		const start = at('2024-05-01T00:00', zone);
		expect(splitIntoDayWindows({ start, end: start + 2 * DAY_MS }, { zone, maxMs: 3 * DAY_MS })).toEqual([
			{ start, end: start + 2 * DAY_MS },
		]);
		expect(splitIntoDayWindows({ start, end: start }, { zone, maxMs: DAY_MS })).toEqual([]);
	});

	it('refuses an end before the start, a non-positive maximum and an unknown zone', () => {
		expect(() => splitIntoDayWindows({ start: 10, end: 5 }, { zone, maxMs: DAY_MS })).toThrow(RangeError);
		expect(() => splitIntoDayWindows({ start: 0, end: 5 }, { zone, maxMs: 0 })).toThrow(RangeError);
		expect(() => splitIntoDayWindows({ start: 0, end: 5 }, { zone: 'Mars/Olympus', maxMs: DAY_MS })).toThrow(
			/not a timezone/,
		);
	});
});

describe('splitIntoDayWindows: properties', () => {
	const from = Date.UTC(2019, 0, 1);
	const to = Date.UTC(2027, 0, 1);
	const scenario = fc.record({
		zone: fc.constantFrom(...ZONES),
		start: fc.integer({ min: from, max: to }),
		lengthMs: fc.integer({ min: 1, max: 400 * DAY_MS }),
		maxDays: fc.oneof(fc.constantFrom(1, 3, 31, 90, 365), fc.integer({ min: 1, max: 400 })),
		// Start at a midnight half of the time, as the node's ranges do.
		alignStart: fc.boolean(),
	});

	it('covers the range exactly, without gaps or overlaps, no window longer than the maximum', () => {
		fc.assert(
			fc.property(scenario, ({ zone, start: rawStart, lengthMs, maxDays, alignStart }) => {
				const start = alignStart ? DateTime.fromMillis(rawStart, { zone }).startOf('day').toMillis() : rawStart;
				const end = start + lengthMs;
				const maxMs = maxDays * DAY_MS;
				const windows = splitIntoDayWindows({ start, end }, { zone, maxMs });
				expect(windows.length).toBeGreaterThan(0);
				expect(windows[0].start).toBe(start);
				expect(windows[windows.length - 1].end).toBe(end);
				windows.forEach((window, index) => {
					expect(window.end).toBeGreaterThan(window.start);
					expect(window.end - window.start).toBeLessThanOrEqual(maxMs);
					if (index > 0) expect(window.start).toBe(windows[index - 1].end);
				});
			}),
			{ numRuns: 300 },
		);
	});

	it('cuts at midnights and takes as many whole days as fit, whenever a day fits in the maximum', () => {
		fc.assert(
			fc.property(scenario, ({ zone, start, lengthMs, maxDays }) => {
				const end = start + lengthMs;
				// 26 hours: every day of every zone fits, so no window is cut inside a day.
				const maxMs = Math.max(maxDays * DAY_MS, 26 * HOUR_MS);
				const windows = splitIntoDayWindows({ start, end }, { zone, maxMs });
				for (const window of windows.slice(0, -1)) {
					expect(isMidnight(window.end, zone)).toBe(true);
					// Greedy: one more day would have made the window too long.
					expect(Math.min(nextMidnight(window.end, zone), end) - window.start).toBeGreaterThan(maxMs);
				}
			}),
			{ numRuns: 300 },
		);
	});
});
