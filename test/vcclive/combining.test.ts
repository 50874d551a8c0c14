/**
 * Rows of several months: concatenated (with the Date dimension, or when not asked to
 * combine), or combined per project and queue with counts and total times summed and
 * averages left empty. The check for sums is independent of the node: the sandbox computes
 * the whole period in one go, past the one-month limit the API enforces.
 */
import type { IDataObject } from 'n8n-workflow';

import { expectedMonthRows, jsonOf, periodsSent, runInbound, sandboxRows, useSandbox, withReadable } from './kit';

const sandbox = useSandbox();

const AVERAGES = ['abort_case_queue_time', 'queue_time_without_talktime', 'time_before_queue'];
const SUMMED = [
	'answered_before',
	'answered_after',
	'abort_before_queue',
	'abort_in_queue_before',
	'abort_in_queue_after',
	'talk_time',
	'queue_time',
	'lab',
	'laa',
	'laiqb',
	'laiqa',
	'laiqe',
	'bqr',
	'aqr',
	'aiqe',
	'lqt',
];

describe('combining months', () => {
	it('sums counts and times per project and queue over the whole period, across a year end', async () => {
		const result = await runInbound(sandbox(), {
			from: '2023-12-10',
			to: '2024-02-05',
			dimensions: ['project', 'queue'],
			options: { combineMonths: true },
		});
		expect(result.error).toBeUndefined();
		expect(periodsSent(sandbox())).toEqual(['20231210-20231231', '20240101-20240131', '20240201-20240205']);

		const whole = sandboxRows({ from: '2023-12-10', to: '2024-02-05', dimensions: ['project', 'queue'] });
		const rows = jsonOf(result);
		expect(rows.map((row) => [row.projectid, row.queueid])).toEqual(whole.map((row) => [row.projectid, row.queueid]));
		rows.forEach((row, index) => {
			const expected: IDataObject = withReadable(whole[index]);
			for (const field of SUMMED) expect({ field, value: row[field] }).toEqual({ field, value: expected[field] });
			expect(row.last_answered_before).toBe(expected.lab);
			expect(row.last_queue_time).toBe(expected.lqt);
			for (const field of AVERAGES) expect({ field, value: row[field] }).toEqual({ field, value: null });
			expect(row).toMatchObject({ date: null, combined_windows: 3, period_from: '2023-12-10', period_to: '2024-02-05' });
			expect(row.combine_note).toContain('Combined from 3 monthly requests');
			for (const field of AVERAGES) expect(row.combine_note).toContain(field);
		});
	});

	it('does not sum averages: the combined value would differ from the period average', async () => {
		const result = await runInbound(sandbox(), { from: '2024-01-01', to: '2024-02-29', options: { combineMonths: true } });
		const months = [
			...sandboxRows({ from: '2024-01-01', to: '2024-01-31', dimensions: ['project'] }),
			...sandboxRows({ from: '2024-02-01', to: '2024-02-29', dimensions: ['project'] }),
		];
		const whole = sandboxRows({ from: '2024-01-01', to: '2024-02-29', dimensions: ['project'] });
		const summed = months.filter((row) => row.projectid === 4).reduce((sum, row) => sum + Number(row.time_before_queue), 0);
		// Proof that summing would be wrong here, and that the node left the field empty instead.
		expect(summed).not.toBe(whole[0].time_before_queue);
		expect(jsonOf(result)[0].time_before_queue).toBeNull();
	});

	it('keeps a row from one month as it was, with no note', async () => {
		const result = await runInbound(sandbox(), { from: '2024-03-02', to: '2024-03-20', options: { combineMonths: true } });
		const expected = expectedMonthRows({ from: '2024-03-02', to: '2024-03-20', dimensions: ['project'] });
		expect(jsonOf(result)).toEqual(expected.map((row) => ({ ...row, combined_windows: 1 })));
	});

	it('ignores Combine Months with the Date dimension: every day is its own row', async () => {
		const result = await runInbound(sandbox(), {
			from: '2024-02-27',
			to: '2024-03-02',
			dimensions: ['project', 'date'],
			options: { combineMonths: true },
		});
		expect(jsonOf(result)).toEqual([
			...expectedMonthRows({ from: '2024-02-27', to: '2024-02-29', dimensions: ['project', 'date'] }),
			...expectedMonthRows({ from: '2024-03-01', to: '2024-03-02', dimensions: ['project', 'date'] }),
		]);
	});
});

describe('concatenating months', () => {
	it('puts out each month’s rows with its own days when not asked to combine', async () => {
		const result = await runInbound(sandbox(), { from: '2024-01-20', to: '2024-02-10', dimensions: ['queue'] });
		const rows = jsonOf(result);
		expect(rows).toEqual([
			...expectedMonthRows({ from: '2024-01-20', to: '2024-01-31', dimensions: ['queue'] }),
			...expectedMonthRows({ from: '2024-02-01', to: '2024-02-10', dimensions: ['queue'] }),
		]);
		expect(rows.some((row) => 'combined_windows' in row || 'combine_note' in row)).toBe(false);
	});

	it('combines the same way from CSV, since CSV numbers are read as numbers', async () => {
		const options = { from: '2024-01-20', to: '2024-02-10', dimensions: ['project'], options: { combineMonths: true } };
		const fromJson = jsonOf(await runInbound(sandbox(), options));
		const fromCsv = jsonOf(await runInbound(sandbox(), { ...options, outputFormat: 'csv' }));
		expect(fromCsv).toEqual(fromJson);
		expect(typeof fromCsv[0].talk_time).toBe('number');
	});
});
