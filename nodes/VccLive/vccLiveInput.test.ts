import { DateTime } from 'luxon';

import { InvalidInput } from '../shared/input';
import { callUuidOf, pastOrToday, pathDay, projectIdOf, recordIdOf } from './vccLiveInput';

describe('ids', () => {
	it('takes digits and numbers', () => {
		expect(projectIdOf('214')).toBe(214);
		expect(recordIdOf(8377)).toBe(8377);
	});

	it.each(['', '21a', '../records', '1/2', '-4'])('refuses %p before any request', (value) => {
		expect(() => projectIdOf(value)).toThrow(InvalidInput);
		expect(() => recordIdOf(value)).toThrow(/Record ID/);
	});
});

describe('callUuidOf', () => {
	it('keeps a UUID, lower-cased', () => {
		expect(callUuidOf(' F1340322-BC5B-11E6-BCA8-57DB46F903DA ')).toBe('f1340322-bc5b-11e6-bca8-57db46f903da');
	});

	it.each(['', 'f1340322', 'f1340322-bc5b-11e6-bca8-57db46f903da/../x', 'g1340322-bc5b-11e6-bca8-57db46f903da'])('refuses %p', (value) => {
		expect(() => callUuidOf(value)).toThrow(InvalidInput);
	});
});

describe('days', () => {
	const zone = 'Europe/Budapest';
	const now = DateTime.fromISO('2024-03-31T23:30:00', { zone });

	it('writes the path with two-digit month and day', () => {
		expect(pathDay(DateTime.fromISO('2024-03-05', { zone }))).toEqual({ year: '2024', month: '03', day: '05' });
	});

	it('takes today and earlier days', () => {
		expect(pastOrToday(DateTime.fromISO('2024-03-31T22:00:00', { zone }), now, 'Day').toISODate()).toBe('2024-03-31');
		expect(pastOrToday(DateTime.fromISO('2023-12-31', { zone }), now, 'Day').toISODate()).toBe('2023-12-31');
	});

	it('refuses tomorrow, in the day’s own zone', () => {
		expect(() => pastOrToday(DateTime.fromISO('2024-04-01T00:00:00', { zone }), now, 'Day')).toThrow(/2024-04-01 is in the future/);
		// 23:30 in Budapest is 21:30 UTC, still 31 March there too.
		expect(() => pastOrToday(DateTime.fromISO('2024-04-01', { zone: 'UTC' }), now, 'Day')).toThrow(InvalidInput);
	});
});
