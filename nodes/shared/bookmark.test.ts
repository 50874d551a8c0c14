import { DateTime } from 'luxon';

import type { PullPlanInput } from './bookmark';
import { advance, BOOKMARK_FORMAT, describeRange, MAX_BOOKMARKS, planPull, readStore, settingsKey } from './bookmark';

const zone = 'America/New_York';
const day = (iso: string) => DateTime.fromISO(iso, { zone });

const input = (changes: Partial<PullPlanInput> = {}): PullPlanInput => ({
	otherSettingsHaveBookmarks: false,
	ignoreBookmark: false,
	firstRunStart: day('2024-06-09'),
	latestEnd: day('2024-06-10'),
	maxCatchUpDays: 92,
	...changes,
});

const saved = (end: string) => ({ end, savedAt: '2024-06-09T05:00:00Z' });

describe('planPull', () => {
	test('a first run pulls its look-back up to the latest complete period', () => {
		const plan = planPull(input());
		expect(plan.range && describeRange(plan.range)).toEqual({
			rangeStart: '2024-06-09T00:00:00-04:00',
			rangeEnd: '2024-06-10T00:00:00-04:00',
			caughtUpDays: 1,
		});
		expect(plan.status).toBe('firstRun');
	});

	test('later runs start where the bookmark is, so consecutive ranges meet exactly', () => {
		const plan = planPull(input({ stored: saved('2024-06-06T00:00:00-04:00') }));
		expect(plan.status).toBe('continued');
		expect(plan.range?.start.toISO()).toBe('2024-06-06T00:00:00.000-04:00');
		expect(plan.range && describeRange(plan.range).caughtUpDays).toBe(4);
	});

	test('no bookmark for these settings while others have one: started afresh', () => {
		expect(planPull(input({ otherSettingsHaveBookmarks: true })).status).toBe('startedAfresh');
	});

	test('nothing new when the bookmark is at the latest end; ahead of it (clock went back) nothing either, said so', () => {
		const atEnd = planPull(input({ stored: saved('2024-06-10T00:00:00-04:00') }));
		expect(atEnd).toMatchObject({ range: undefined, ahead: false });
		const ahead = planPull(input({ stored: saved('2024-06-12T00:00:00-04:00') }));
		expect(ahead).toMatchObject({ range: undefined, ahead: true, status: 'continued' });
	});

	test('Restart From applies once: a run that already applied it continues from its bookmark', () => {
		const restartFrom = { value: '2024-06-01', start: day('2024-06-01') };
		const first = planPull(input({ stored: saved('2024-06-09T00:00:00-04:00'), restartFrom }));
		expect(first).toMatchObject({ status: 'restarted', restartApplied: '2024-06-01' });
		expect(first.range?.start.toISODate()).toBe('2024-06-01');
		const later = planPull(input({ stored: { ...saved('2024-06-09T00:00:00-04:00'), restartApplied: '2024-06-01' }, restartFrom }));
		expect(later.status).toBe('continued');
		expect(later.range?.start.toISODate()).toBe('2024-06-09');
	});

	test('a manual run ignores the bookmark: the first run range', () => {
		const plan = planPull(input({ stored: saved('2024-06-01T00:00:00-04:00'), ignoreBookmark: true }));
		expect(plan).toMatchObject({ status: 'manualRun' });
		expect(plan.range?.start.toISODate()).toBe('2024-06-09');
	});

	test('a range longer than Max Catch-Up is refused with the days, both ends and the fix', () => {
		expect(() => planPull(input({ stored: saved('2024-01-01T00:00:00-05:00'), maxCatchUpDays: 30 }))).toThrow(
			/would pull 161 days \(from 2024-01-01T00:00:00-05:00, where the last successful run ended, to 2024-06-10T00:00:00-04:00\), more than Max Catch-Up \(30 days\)/,
		);
		expect(() => planPull(input({ firstRunStart: day('2024-05-01'), maxCatchUpDays: 30 }))).toThrow(/40 days \(from 2024-05-01/);
	});

	test('an unreadable bookmark date is refused, not read as a gap', () => {
		expect(() => planPull(input({ stored: saved('yesterday') }))).toThrow(/bookmark "yesterday" is not a date/);
	});
});

describe('readStore and advance', () => {
	test('no static data yet: an empty store', () => {
		expect(readStore(undefined)).toEqual({ format: BOOKMARK_FORMAT, bookmarks: {} });
	});

	test('a bookmark of a newer format is refused with what to do', () => {
		expect(() => readStore({ format: BOOKMARK_FORMAT + 1, bookmarks: {} })).toThrow(/saved by a newer version of this node \(bookmark format 2; this version reads 1\)/);
		expect(() => readStore({ bookmarks: 'x' })).toThrow(/not readable/);
	});

	test('advance writes this settings\' end and keeps the others, dropping the oldest beyond the limit', () => {
		let store = readStore(undefined);
		for (let index = 0; index < MAX_BOOKMARKS + 3; index++) {
			store = advance(store, `k${index}`, day('2024-06-10'), DateTime.fromMillis(Date.UTC(2024, 5, 1) + index * 1000));
		}
		expect(Object.keys(store.bookmarks)).toHaveLength(MAX_BOOKMARKS);
		expect(store.bookmarks.k0).toBeUndefined();
		expect(store.bookmarks[`k${MAX_BOOKMARKS + 2}`]).toEqual({ end: '2024-06-10T00:00:00-04:00', savedAt: expect.stringMatching(/Z$/) });
		const again = advance(store, 'k5', day('2024-06-11'), DateTime.fromMillis(Date.UTC(2024, 6, 1)), '2024-06-01');
		expect(again.bookmarks.k5).toMatchObject({ end: '2024-06-11T00:00:00-04:00', restartApplied: '2024-06-01' });
	});

	test('settingsKey: the same settings in any key order give the same key; another value another key', () => {
		expect(settingsKey({ a: 1, b: { d: [1, 2], c: 'x' } })).toBe(settingsKey({ b: { c: 'x', d: [1, 2] }, a: 1 }));
		expect(settingsKey({ a: 1, b: { d: [2, 1] } })).not.toBe(settingsKey({ a: 1, b: { d: [1, 2] } }));
	});
});
