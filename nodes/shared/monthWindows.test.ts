import fc from 'fast-check';
import { DateTime } from 'luxon';

import { monthWindows } from './monthWindows';

const day = (iso: string, zone = 'UTC') => DateTime.fromISO(iso, { zone });
const asDates = (first: DateTime, last: DateTime) =>
	[...monthWindows(first, last)].map((window) => [window.first.toISODate(), window.last.toISODate()]);

describe('monthWindows', () => {
	it('keeps a period inside one month as a single window', () => {
		expect(asDates(day('2024-03-05'), day('2024-03-20'))).toEqual([['2024-03-05', '2024-03-20']]);
		expect(asDates(day('2024-03-07'), day('2024-03-07'))).toEqual([['2024-03-07', '2024-03-07']]);
	});

	it('splits across a year end at the month boundaries', () => {
		expect(asDates(day('2023-11-15'), day('2024-01-10'))).toEqual([
			['2023-11-15', '2023-11-30'],
			['2023-12-01', '2023-12-31'],
			['2024-01-01', '2024-01-10'],
		]);
	});

	it('ends February on the 29th in a leap year and on the 28th otherwise', () => {
		expect(asDates(day('2024-02-10'), day('2024-03-01'))).toEqual([
			['2024-02-10', '2024-02-29'],
			['2024-03-01', '2024-03-01'],
		]);
		expect(asDates(day('2023-02-10'), day('2023-03-01'))).toEqual([
			['2023-02-10', '2023-02-28'],
			['2023-03-01', '2023-03-01'],
		]);
	});

	it('reads calendar days in the zone of the dates, across a DST change', () => {
		const windows = [...monthWindows(day('2024-03-30', 'Europe/Budapest'), day('2024-04-02', 'Europe/Budapest'))];
		expect(windows.map((window) => [window.first.toISO(), window.last.toISO()])).toEqual([
			// Summer time starts at 02:00 on 31 March: that midnight is still +01:00, the next one +02:00.
			['2024-03-30T00:00:00.000+01:00', '2024-03-31T00:00:00.000+01:00'],
			['2024-04-01T00:00:00.000+02:00', '2024-04-02T00:00:00.000+02:00'],
		]);
	});

	it('refuses a first day after the last day, and invalid dates', () => {
		expect(() => [...monthWindows(day('2024-03-02'), day('2024-03-01'))]).toThrow(RangeError);
		expect(() => [...monthWindows(DateTime.invalid('test'), day('2024-03-01'))]).toThrow(RangeError);
	});
});

describe('monthWindows (properties)', () => {
	const zones = fc.constantFrom('UTC', 'Europe/Budapest', 'America/New_York', 'Pacific/Auckland', 'America/Santiago');
	const dayNumber = fc.integer({ min: 0, max: 365 * 30 });
	const epoch = DateTime.fromISO('2000-01-01', { zone: 'UTC' });

	it('covers the days exactly, contiguously, each window inside one calendar month', () => {
		fc.assert(
			fc.property(zones, dayNumber, fc.integer({ min: 0, max: 800 }), (zone, start, length) => {
				const firstIso = epoch.plus({ days: start }).toISODate() as string;
				const lastIso = epoch.plus({ days: start + length }).toISODate() as string;
				const windows = [...monthWindows(day(firstIso, zone), day(lastIso, zone))];

				expect(windows[0].first.toISODate()).toBe(firstIso);
				expect(windows[windows.length - 1].last.toISODate()).toBe(lastIso);
				let days = 0;
				windows.forEach((window, index) => {
					expect(window.first <= window.last).toBe(true);
					expect(window.first.toFormat('yyyy-MM')).toBe(window.last.toFormat('yyyy-MM'));
					expect(window.first.equals(window.first.startOf('day'))).toBe(true);
					if (index > 0) {
						expect(windows[index - 1].last.plus({ days: 1 }).toISODate()).toBe(window.first.toISODate());
						expect(window.first.day).toBe(1);
					}
					if (index < windows.length - 1) expect(window.last.day).toBe(window.last.daysInMonth);
					days += window.last.diff(window.first, 'days').days;
				});
				// Whole days only: each window adds its length plus its first day.
				expect(Math.round(days) + windows.length).toBe(length + 1);
				// One window per calendar month touched.
				const months = (day(lastIso).year - day(firstIso).year) * 12 + day(lastIso).month - day(firstIso).month + 1;
				expect(windows).toHaveLength(months);
			}),
		);
	});
});
