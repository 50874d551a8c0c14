/**
 * Since Last Run on VCC Live's inbound statistics: whole days in the workflow's timezone, from
 * the bookmark to yesterday, one request per calendar month, the bookmark moved only after
 * every month answered.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ScheduledRuns } from '../engine/scheduledRuns';
import { jsonOf, periodsSent, runInbound, useSandbox } from './kit';

const sandbox = useSandbox();

const SINCE_LAST_RUN: INodeParameters = { period: 'sinceLastRun', dimensions: ['project', 'date'] };
const scheduled = () =>
	new ScheduledRuns(async (parameters, options) => await runInbound(sandbox(), { ...SINCE_LAST_RUN, ...parameters }, options));
// 7:00 in Budapest.
const morningOf = (day: string) => `${day}T05:00:00Z`;
const rowKeys = (rows: IDataObject[]) => rows.map((row) => `${String(row.projectid)}/${String(row.date)}`);

test('daily runs pull whole days from the bookmark to yesterday; a missed week is caught up across a month end', async () => {
	const runs = scheduled();
	const first = await runs.at(morningOf('2024-05-25'));
	expect(first.error).toBeUndefined();
	expect(periodsSent(sandbox())).toEqual(['20240524-20240524']);
	expect(jsonOf(first)[0]).toMatchObject({ rangeStart: '2024-05-24T00:00:00+02:00', rangeEnd: '2024-05-25T00:00:00+02:00', caughtUpDays: 1, bookmark: 'firstRun' });

	sandbox().clearRequests();
	const caughtUp = await runs.at(morningOf('2024-06-03'));
	expect(periodsSent(sandbox())).toEqual(['20240525-20240531', '20240601-20240602']);
	expect(jsonOf(caughtUp)[0]).toMatchObject({ rangeStart: '2024-05-25T00:00:00+02:00', rangeEnd: '2024-06-03T00:00:00+02:00', caughtUpDays: 9, bookmark: 'continued' });

	// The rows of both runs are those of one pull of the whole period, none twice.
	const pulled = rowKeys([...jsonOf(first), ...jsonOf(caughtUp)]);
	const whole = await runInbound(sandbox(), { from: '2024-05-24', to: '2024-06-02', dimensions: ['project', 'date'] });
	expect(new Set(pulled).size).toBe(pulled.length);
	expect(pulled.sort()).toEqual(rowKeys(jsonOf(whole)).sort());
});

test('a failed month keeps the bookmark: the next run asks for the whole range again', async () => {
	const runs = scheduled();
	await runs.at(morningOf('2024-05-25'));
	sandbox().faults.add({ vendor: 'vcclive', fault: { kind: 'status', status: 400, body: { error: 'error.argument_format' } } });
	const failed = await runs.at(morningOf('2024-05-28'));
	expect(failed.error).toBeDefined();
	sandbox().clearRequests();
	const next = await runs.at(morningOf('2024-05-29'));
	expect(next.error).toBeUndefined();
	expect(periodsSent(sandbox())).toEqual(['20240525-20240528']);
});

test('nothing new on the same day; another set of projects starts afresh', async () => {
	const runs = scheduled();
	await runs.at(morningOf('2024-05-25'));
	sandbox().clearRequests();
	const again = await runs.at('2024-05-25T18:00:00Z');
	expect(again.items).toEqual([]);
	expect(periodsSent(sandbox())).toEqual([]);
	const other = await runs.at('2024-05-25T18:00:00Z', { projects: '214' });
	expect(jsonOf(other)[0]).toMatchObject({ bookmark: 'startedAfresh', rangeStart: '2024-05-24T00:00:00+02:00' });
});
