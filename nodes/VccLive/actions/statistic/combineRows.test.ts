import { combineWindowRows } from './combineRows';

describe('combineWindowRows', () => {
	it('sums counts per project and queue, treating a count missing in a month as none', () => {
		const combined = combineWindowRows([
			[{ projectid: 4, queueid: -1, answered_before: 2, talk_time: 100 }],
			[
				{ projectid: 4, queueid: -1, answered_before: 3 },
				{ projectid: 9, queueid: -1, answered_before: 1 },
			],
		]);
		expect(combined).toEqual([
			{ row: { projectid: 4, queueid: -1, answered_before: 5, talk_time: 100 }, windows: 2, note: expect.any(String) },
			{ row: { projectid: 9, queueid: -1, answered_before: 1 }, windows: 1, note: undefined },
		]);
	});

	it('keeps projects with the same id but different queues apart', () => {
		const combined = combineWindowRows([[{ projectid: 4, queueid: 1, lab: 1 }], [{ projectid: 4, queueid: 2, lab: 1 }]]);
		expect(combined.map((entry) => entry.windows)).toEqual([1, 1]);
	});

	it('empties averages, unknown numbers and differing texts, and says which; equal texts stay', () => {
		const [entry] = combineWindowRows([
			[{ projectid: 4, queueid: -1, date: 20240101, time_before_queue: 10, new_counter: 3, name: 'Sales', region: 'EU' }],
			[{ projectid: 4, queueid: -1, date: 20240201, time_before_queue: 20, new_counter: 4, name: 'Sales', region: 'US' }],
		]);
		expect(entry.row).toEqual({
			projectid: 4,
			queueid: -1,
			date: null,
			time_before_queue: null,
			new_counter: null,
			name: 'Sales',
			region: null,
		});
		expect(entry.note).toBe(
			'Combined from 2 monthly requests: counts and times are sums over the period. time_before_queue is an average VCC Live does not define from other fields, so it is left empty. new_counter, region could not be combined and are left empty. For these, add the Date dimension or ask for one month at a time.',
		);
	});

	it('empties a field found in only some of the months', () => {
		const [entry] = combineWindowRows([[{ projectid: 1, queueid: -1, label: 'x' }], [{ projectid: 1, queueid: -1 }]]);
		expect(entry.row.label).toBeNull();
		expect(entry.note).toContain('label could not be combined');
	});

	it('says only what the sums are when nothing had to be emptied', () => {
		const [entry] = combineWindowRows([[{ projectid: 1, queueid: -1, lab: 1 }], [{ projectid: 1, queueid: -1, lab: 2 }]]);
		expect(entry).toEqual({
			row: { projectid: 1, queueid: -1, lab: 3 },
			windows: 2,
			note: 'Combined from 2 monthly requests: counts and times are sums over the period.',
		});
	});
});
