import fc from 'fast-check';
import { DateTime } from 'luxon';

import { asEntered, readDateTime } from './dateInput';
import { InvalidInput } from './input';

const zone = 'America/New_York';
const read = (value: unknown) => readDateTime(value, { label: 'Start Date', zone });
const iso = (value: unknown) => read(value).toISO();

describe('readDateTime: what every date field accepts', () => {
	test.each([
		['an ISO day, as a wall-clock midnight in the zone', '2024-03-31', '2024-03-31T00:00:00.000-04:00'],
		['an ISO date-time without offset, wall-clock in the zone', '2024-03-31T08:00:00', '2024-03-31T08:00:00.000-04:00'],
		['an ISO date-time with an offset, the same instant shown in the zone', '2024-03-31T08:00:00Z', '2024-03-31T04:00:00.000-04:00'],
		['with milliseconds', ' 2024-01-15T08:00:00.250 ', '2024-01-15T08:00:00.250-05:00'],
		['SQL style', '2024-03-31 08:00:00', '2024-03-31T08:00:00.000-04:00'],
		['SQL style without seconds', '2024-03-31 08:00', '2024-03-31T08:00:00.000-04:00'],
		['a compact day as text', '20240331', '2024-03-31T00:00:00.000-04:00'],
		['a compact day as a number', 20240331, '2024-03-31T00:00:00.000-04:00'],
		['epoch milliseconds (13 digits)', 1711872000000, '2024-03-31T04:00:00.000-04:00'],
		['epoch milliseconds as text', '1711872000000', '2024-03-31T04:00:00.000-04:00'],
		['epoch milliseconds (12 digits)', 200000000000, '1976-05-03T15:33:20.000-04:00'],
		['a JS Date', new Date(Date.UTC(2024, 2, 31, 12)), '2024-03-31T08:00:00.000-04:00'],
		['a luxon DateTime of another zone', DateTime.fromISO('2024-03-31T12:00:00', { zone: 'UTC' }), '2024-03-31T08:00:00.000-04:00'],
	])('%s', (_, value, expected) => {
		expect(iso(value)).toBe(expected);
		expect(read(value).zoneName).toBe(zone);
	});

	test.each([
		['missing', undefined, 'Start Date is missing'],
		['null', null, 'Start Date is missing'],
		['empty text', '  ', 'Start Date is missing'],
		['words', 'first of March', 'Start Date "first of March" is not a date'],
		['a number of no known length', 12345, 'Start Date "12345" is not a date'],
		['epoch seconds', 1711872000, 'Start Date "1711872000" is not a date'],
		['an 11-digit number', 17118720000, 'Start Date "17118720000" is not a date'],
		['a day that does not exist', '2024-02-30', 'Start Date "2024-02-30" is not a date'],
		['a compact day that does not exist', '20241340', 'Start Date "20241340" is not a date'],
		['an object', { date: '2024-01-01' }, 'Start Date "[object Object]" is not a date'],
		['an invalid DateTime', DateTime.invalid('bad'), 'Start Date "an invalid date" is not a date'],
	])('refuses %s, naming the field and the value as entered', (_, value, message) => {
		expect(() => read(value)).toThrow(InvalidInput);
		expect(() => read(value)).toThrow(message);
	});

	test('epoch seconds: the hint says to give milliseconds', () => {
		expect(() => read(1711872000)).toThrow(expect.objectContaining({ hint: expect.stringContaining('epoch seconds') }));
	});

	test('the hints offer the caller\'s alternative', () => {
		const options = { label: 'From', zone, alternative: 'choose a preset period' };
		expect(() => readDateTime('', options)).toThrow(expect.objectContaining({ message: 'From is missing', hint: 'Pick a date for From, or choose a preset period.' }));
		expect(() => readDateTime('soon', options)).toThrow(expect.objectContaining({ hint: expect.stringMatching(/pick it in the date field, or choose a preset period\.$/) }));
	});

	test('every instant, given as epoch milliseconds, as ISO with an offset or as a Date, reads back the same', () => {
		fc.assert(
			fc.property(fc.integer({ min: 100_000_000_000, max: 9_999_999_999_999 }), fc.constantFrom('UTC', zone, 'Australia/Lord_Howe', 'Asia/Kathmandu'), (ms, inZone) => {
				const options = { label: 'At', zone: inZone };
				const text = DateTime.fromMillis(ms, { zone: 'UTC' }).toISO() as string;
				expect(readDateTime(ms, options).toMillis()).toBe(ms);
				expect(readDateTime(String(ms), options).toMillis()).toBe(ms);
				expect(readDateTime(text, options).toMillis()).toBe(ms);
				expect(readDateTime(new Date(ms), options).toMillis()).toBe(ms);
				expect(readDateTime(ms, options).zoneName).toBe(inZone);
			}),
		);
	});
});

describe('asEntered', () => {
	test('text as typed, date objects without milliseconds noise, long text cut', () => {
		expect(asEntered(' 2024-03-01 ')).toBe('2024-03-01');
		expect(asEntered(DateTime.fromISO('2024-03-01T08:00:00', { zone: 'UTC' }))).toBe('2024-03-01T08:00:00Z');
		expect(asEntered(new Date(Date.UTC(2024, 2, 1)))).toMatch(/^2024-0[23]-\d\dT\d\d:00:00[+-Z]/);
		expect(asEntered('x'.repeat(50))).toBe(`${'x'.repeat(40)}…`);
	});
});
