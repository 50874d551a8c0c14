import { DateTime } from 'luxon';

import { InvalidInput } from '../../../shared/input';
import { statisticsRange } from './statisticsRange';

const NOW = DateTime.fromISO('2026-03-10T14:37:42.500Z');

describe('statisticsRange', () => {
	test('dates without offset are read in the zone and sent with its offset, to the second', () => {
		expect(statisticsRange('2026-01-01T00:00:00', '2026-01-31T23:59:59.900', 'Europe/Brussels', NOW)).toEqual({
			start: '2026-01-01T00:00:00+01:00',
			end: '2026-01-31T23:59:59+01:00',
			endClampedToNow: false,
		});
	});

	test('UTC gets +00:00, as in the example, not Z', () => {
		expect(statisticsRange('2026-01-01T00:00:00', '2026-01-02T00:00:00', 'UTC', NOW).start).toBe('2026-01-01T00:00:00+00:00');
	});

	test('an End after now becomes the current minute in the zone; the End picked is kept', () => {
		expect(statisticsRange('2026-03-01T00:00:00', '2026-04-01T00:00:00', 'Europe/Brussels', NOW)).toEqual({
			start: '2026-03-01T00:00:00+01:00',
			end: '2026-03-10T15:37:00+01:00',
			endClampedToNow: true,
			requestedEnd: '2026-04-01T00:00:00+02:00',
		});
	});

	test('an End within the current minute is already "in the future" for a slightly late APIO clock', () => {
		expect(statisticsRange('2026-03-10T00:00:00Z', '2026-03-10T14:37:30Z', 'UTC', NOW).end).toBe('2026-03-10T14:37:00+00:00');
	});

	test('epoch milliseconds, as every date field reads them', () => {
		expect(statisticsRange(Date.UTC(2026, 1, 1), String(Date.UTC(2026, 1, 2)), 'UTC', NOW)).toMatchObject({ start: '2026-02-01T00:00:00+00:00', end: '2026-02-02T00:00:00+00:00' });
	});

	test('luxon DateTimes and JavaScript Dates from expressions', () => {
		const range = statisticsRange(
			DateTime.fromISO('2026-02-01T10:00:00', { zone: 'America/New_York' }),
			new Date('2026-02-02T00:00:00Z'),
			'Europe/Brussels',
			NOW,
		);
		expect(range).toMatchObject({ start: '2026-02-01T16:00:00+01:00', end: '2026-02-02T01:00:00+01:00' });
	});

	test.each([
		['2026-03-10T14:38:00Z', '2026-03-11T00:00:00Z', 'The period starts in the future (Start "2026-03-10T14:38:00Z")'],
		['2026-02-02 08:00', '2026-02-01', 'End "2026-02-01" is before Start "2026-02-02 08:00"'],
		[1769904000, '2026-02-01', 'Start "1769904000" is not a date'],
		[undefined, '2026-02-01T00:00:00Z', 'Start is missing'],
		['2026-02-01', 'not a date', 'End "not a date" is not a date'],
	])('bad input %s .. %s', (start, end, message) => {
		expect(() => statisticsRange(start, end, 'UTC', NOW)).toThrow(InvalidInput);
		expect(() => statisticsRange(start, end, 'UTC', NOW)).toThrow(message);
	});
});
