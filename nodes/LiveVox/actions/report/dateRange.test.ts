import { DateTime } from 'luxon';

import { customRange, presetRange } from './dateRange';

describe('dates', () => {
	const zone = 'America/New_York';

	test('an end at midnight takes in that whole day; an end with a time ends there', () => {
		const now = DateTime.fromISO('2024-04-01', { zone });
		expect(customRange('2024-03-01', '2024-03-01', zone, now)).toEqual({
			start: DateTime.fromISO('2024-03-01', { zone }).toMillis(),
			end: DateTime.fromISO('2024-03-02', { zone }).toMillis(),
		});
		expect(customRange('2024-03-01', '2024-03-01T12:00:00', zone, now).end).toBe(DateTime.fromISO('2024-03-01T12:00:00', { zone }).toMillis() + 1);
		expect(customRange(DateTime.fromISO('2024-03-01', { zone: 'UTC' }), 1709337600000, zone, now).start).toBe(Date.UTC(2024, 2, 1));
	});

	test('presets are whole days before today', () => {
		const now = DateTime.fromISO('2024-03-15T10:00', { zone });
		const day = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
		expect(presetRange('yesterday', now)).toEqual({ start: day('2024-03-14'), end: day('2024-03-15') });
		expect(presetRange('last7Days', now)).toEqual({ start: day('2024-03-08'), end: day('2024-03-15') });
		expect(presetRange('lastMonth', now)).toEqual({ start: day('2024-02-01'), end: day('2024-03-01') });
	});
});
