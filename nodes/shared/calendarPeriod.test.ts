import { DateTime } from 'luxon';

import { calendarDay, customPeriod, isPeriodPreset, PERIOD_PRESETS, presetPeriod } from './calendarPeriod';
import { InvalidInput } from './input';

const zone = 'Europe/Budapest';
const now = DateTime.fromISO('2024-03-15T10:30:00', { zone });
const dates = (period: { first: DateTime; last: DateTime }) => [period.first.toISODate(), period.last.toISODate()];

describe('presetPeriod', () => {
	it.each([
		['today', '2024-03-15', '2024-03-15'],
		['yesterday', '2024-03-14', '2024-03-14'],
		['last7Days', '2024-03-08', '2024-03-14'],
		['last30Days', '2024-02-14', '2024-03-14'],
		['thisMonth', '2024-03-01', '2024-03-15'],
		['lastMonth', '2024-02-01', '2024-02-29'],
		['thisYear', '2024-01-01', '2024-03-15'],
		['lastYear', '2023-01-01', '2023-12-31'],
	] as const)('%s runs from %s to %s', (preset, first, last) => {
		expect(dates(presetPeriod(preset, now))).toEqual([first, last]);
	});

	it('takes last month across a year end, and days at their start in the zone', () => {
		const january = DateTime.fromISO('2025-01-02T00:10:00', { zone });
		const period = presetPeriod('lastMonth', january);
		expect(dates(period)).toEqual(['2024-12-01', '2024-12-31']);
		expect(period.last.toISO()).toBe('2024-12-31T00:00:00.000+01:00');
	});

	it('knows its presets', () => {
		expect(PERIOD_PRESETS.every(isPeriodPreset)).toBe(true);
		expect(isPeriodPreset('custom')).toBe(false);
	});
});

describe('calendarDay', () => {
	it('reads date-field texts, compact dates, Date and DateTime values in the zone', () => {
		expect(calendarDay('2024-02-29T00:00:00', zone, 'From').toISODate()).toBe('2024-02-29');
		expect(calendarDay('2024-02-29', zone, 'From').toISODate()).toBe('2024-02-29');
		expect(calendarDay(' 20240229 ', zone, 'From').toISODate()).toBe('2024-02-29');
		expect(calendarDay(20240229, zone, 'From').toISODate()).toBe('2024-02-29');
		// An instant is read in the workflow's zone: 23:30 UTC is already the next day in Budapest.
		expect(calendarDay('2024-02-28T23:30:00Z', zone, 'From').toISODate()).toBe('2024-02-29');
		expect(calendarDay(new Date('2024-02-28T23:30:00Z'), zone, 'From').toISODate()).toBe('2024-02-29');
		expect(calendarDay(DateTime.fromISO('2024-02-28T23:30:00Z'), zone, 'From').toISODate()).toBe('2024-02-29');
		// Epoch milliseconds, as every date field reads them: the day of that instant in the zone.
		expect(calendarDay(Date.UTC(2024, 1, 28, 23, 30), zone, 'From').toISODate()).toBe('2024-02-29');
	});

	it.each([['2023-02-29'], ['hello'], ['20241301'], [12345]])('refuses %j as not a date', (value) => {
		expect(() => calendarDay(value, zone, 'To')).toThrow(InvalidInput);
		expect(() => calendarDay(value, zone, 'To')).toThrow(/To .* is (not a date|missing)/);
	});

	it('says a missing date is missing', () => {
		expect(() => calendarDay('', zone, 'From')).toThrow('From is missing');
		expect(() => calendarDay(undefined, zone, 'From')).toThrow('From is missing');
	});
});

describe('customPeriod', () => {
	it('accepts one day and refuses From after To', () => {
		expect(dates(customPeriod('2024-01-05', '2024-01-05', zone))).toEqual(['2024-01-05', '2024-01-05']);
		expect(() => customPeriod('2024-01-06', '2024-01-05', zone)).toThrow('From "2024-01-06" is after To "2024-01-05"');
	});
});
