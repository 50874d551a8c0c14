/**
 * Since Last Run on the LiveVox reports, driven as a Schedule Trigger drives them: each run
 * starts where the last successful one ended, up to the end of yesterday in the reporting
 * timezone; the bookmark lives in the workflow's static data and moves only after a whole pull.
 */
import { DateTime, Settings } from 'luxon';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { description as callDetailsFields } from '../../nodes/LiveVox/actions/report/callDetails.operation';
import { reportOperations } from '../../nodes/LiveVox/actions/report';
import { ScheduledRuns } from '../engine/scheduledRuns';
import { useSandbox } from '../sandbox/useSandbox';
import { jsonOf } from './fixture';
import { at, custom, expectTiling, hintsOf, reportCalls, runReport, sentWindows } from './reportFixture';

const sandbox = useSandbox();

const FILTERS = { callCenterIds: '433' };
const sinceLastRun = (options: IDataObject = {}, filters: IDataObject = FILTERS): INodeParameters =>
	({ period: 'sinceLastRun', filters, sinceLastRun: options }) as INodeParameters;

/** Call Event Recovery, scheduled; each run's parameters override these. */
function callEvents(defaults: INodeParameters = sinceLastRun()) {
	return new ScheduledRuns(
		async (parameters, options) => await runReport(sandbox(), 'callDetails', { ...defaults, ...parameters }, options),
	);
}

const transactionIds = (rows: IDataObject[]) => rows.map((row) => `${String(row.sessionId)}/${String(row.transactionId)}`);
const rangeOf = (rows: IDataObject[]) => ({ rangeStart: rows[0]?.rangeStart, rangeEnd: rows[0]?.rangeEnd, caughtUpDays: rows[0]?.caughtUpDays });
// 8:00 in New York: the morning run of the day.
const morningOf = (day: string) => `${day}T12:00:00Z`;

describe('Since Last Run: Call Event Recovery', () => {
	test('consecutive daily runs pull contiguous days, together exactly the rows of one pull of the whole period', async () => {
		const runs = callEvents();
		const pulled: IDataObject[] = [];
		const ranges: IDataObject[] = [];
		for (const day of ['2024-06-10', '2024-06-11', '2024-06-12']) {
			sandbox().clearRequests();
			const result = await runs.at(morningOf(day));
			expect(result.error).toBeUndefined();
			const rows = jsonOf(result);
			expect(rows.length).toBeGreaterThan(0);
			ranges.push({ ...rangeOf(rows), bookmark: rows[0].bookmark });
			const dayStart = DateTime.fromISO(day, { zone: 'America/New_York' });
			expectTiling(sentWindows(sandbox()), { start: dayStart.minus({ days: 1 }).toMillis(), end: dayStart.toMillis() }, 3);
			pulled.push(...rows);
		}
		expect(ranges).toEqual([
			{ rangeStart: '2024-06-09T00:00:00-04:00', rangeEnd: '2024-06-10T00:00:00-04:00', caughtUpDays: 1, bookmark: 'firstRun' },
			{ rangeStart: '2024-06-10T00:00:00-04:00', rangeEnd: '2024-06-11T00:00:00-04:00', caughtUpDays: 1, bookmark: 'continued' },
			{ rangeStart: '2024-06-11T00:00:00-04:00', rangeEnd: '2024-06-12T00:00:00-04:00', caughtUpDays: 1, bookmark: 'continued' },
		]);

		const whole = await runReport(sandbox(), 'callDetails', { ...custom('2024-06-09', '2024-06-11'), filters: FILTERS });
		const all = transactionIds(jsonOf(whole));
		expect(new Set(transactionIds(pulled)).size).toBe(pulled.length);
		expect(transactionIds(pulled).sort()).toEqual(all.sort());
	});

	test('three missed days are caught up in one run, in windows of the report\'s maximum', async () => {
		const runs = callEvents();
		await runs.at(morningOf('2024-06-10'));
		sandbox().clearRequests();
		const result = await runs.at(morningOf('2024-06-14'));
		expect(result.error).toBeUndefined();
		expect(rangeOf(jsonOf(result))).toEqual({ rangeStart: '2024-06-10T00:00:00-04:00', rangeEnd: '2024-06-14T00:00:00-04:00', caughtUpDays: 4 });
		expectTiling(sentWindows(sandbox()), { start: at('2024-06-10T00:00'), end: at('2024-06-14T00:00') }, 3);
		expect(sentWindows(sandbox())).toHaveLength(2);
	});

	test('a failed window leaves the bookmark where it was: the next run pulls those days again', async () => {
		const runs = callEvents();
		await runs.at(morningOf('2024-06-10'));
		const before = JSON.stringify(runs.staticData);
		sandbox().faults.add({ vendor: 'livevox', path: '/reporting/standard/callDetails', fault: { kind: 'status', status: 400, body: { code: 400, message: 'bad' } } });
		const failed = await runs.at(morningOf('2024-06-12'));
		expect(failed.error?.message).toBeDefined();
		expect(JSON.stringify(runs.staticData)).toBe(before);

		sandbox().clearRequests();
		const next = await runs.at(morningOf('2024-06-13'));
		expect(next.error).toBeUndefined();
		expect(rangeOf(jsonOf(next))).toEqual({ rangeStart: '2024-06-10T00:00:00-04:00', rangeEnd: '2024-06-13T00:00:00-04:00', caughtUpDays: 3 });
	});

	test('a second run on the same day finds nothing new: no items and no report request, or one item saying so', async () => {
		const runs = callEvents();
		await runs.at(morningOf('2024-06-10'));
		sandbox().clearRequests();
		const again = await runs.at('2024-06-10T20:00:00Z');
		expect(again.error).toBeUndefined();
		expect(again.items).toEqual([]);
		expect(reportCalls(sandbox())).toEqual([]);

		const said = await runs.at('2024-06-10T21:00:00Z', sinceLastRun({ whenNothingNew: 'oneItem' }));
		expect(jsonOf(said)).toEqual([
			{ nothingNew: true, reason: 'noNewPeriod', rangeStart: '2024-06-10T00:00:00-04:00', rangeEnd: '2024-06-10T00:00:00-04:00', caughtUpDays: 0, bookmark: 'continued' },
		]);
	});

	test('a manual run pulls the first run\'s range and leaves the bookmark; with the option it pulls what the schedule would', async () => {
		const runs = callEvents();
		await runs.at(morningOf('2024-06-10'));
		const saved = JSON.stringify(runs.staticData);

		const manual = await runs.at(morningOf('2024-06-13'), {}, 'manual');
		expect(manual.savedStaticData).toBeUndefined();
		expect(rangeOf(jsonOf(manual))).toEqual({ rangeStart: '2024-06-12T00:00:00-04:00', rangeEnd: '2024-06-13T00:00:00-04:00', caughtUpDays: 1 });
		expect(jsonOf(manual)[0].bookmark).toBe('manualRun');
		expect(hintsOf(manual).join(' ')).toMatch(/Manual run: pulled the first run's range; the bookmark was not read and does not move/);

		const withBookmark = await runs.at(morningOf('2024-06-13'), sinceLastRun({ useInManualRuns: true }), 'manual');
		expect(rangeOf(jsonOf(withBookmark))).toEqual({ rangeStart: '2024-06-10T00:00:00-04:00', rangeEnd: '2024-06-13T00:00:00-04:00', caughtUpDays: 3 });
		expect(JSON.stringify(runs.staticData)).toBe(saved);

		const scheduled = await runs.at(morningOf('2024-06-13'));
		expect(rangeOf(jsonOf(scheduled)).rangeStart).toBe('2024-06-10T00:00:00-04:00');
	});

	test('changing the filters starts afresh, said in the output; going back continues the old bookmark', async () => {
		const runs = callEvents();
		await runs.at(morningOf('2024-06-10'));
		const changed = await runs.at(morningOf('2024-06-12'), sinceLastRun({}, { callCenterIds: '429' }));
		expect(jsonOf(changed)[0]).toMatchObject({ bookmark: 'startedAfresh', rangeStart: '2024-06-11T00:00:00-04:00' });
		expect(hintsOf(changed).join(' ')).toMatch(/started afresh: the credential, report, filters or timezone changed/);
		const back = await runs.at(morningOf('2024-06-12'));
		expect(rangeOf(jsonOf(back))).toMatchObject({ rangeStart: '2024-06-10T00:00:00-04:00', caughtUpDays: 2 });
	});

	test('the reporting timezone sets the days; changing it starts afresh', async () => {
		const runs = callEvents(sinceLastRun());
		const result = await runs.at(morningOf('2024-06-10'), { options: { reportingTimezone: 'Europe/Berlin' } });
		expect(rangeOf(jsonOf(result))).toEqual({ rangeStart: '2024-06-09T00:00:00+02:00', rangeEnd: '2024-06-10T00:00:00+02:00', caughtUpDays: 1 });
		expect(jsonOf(result)[0].bookmark).toBe('firstRun');
		expect(jsonOf(await runs.at(morningOf('2024-06-11')))[0].bookmark).toBe('startedAfresh');
	});

	test('Restart From pulls again from a date, once; then the bookmark goes on', async () => {
		const runs = callEvents();
		await runs.at(morningOf('2024-06-10'));
		const restart = sinceLastRun({ restartFrom: '2024-06-05' });
		const restarted = await runs.at(morningOf('2024-06-11'), restart);
		expect(jsonOf(restarted)[0]).toMatchObject({ bookmark: 'restarted', rangeStart: '2024-06-05T00:00:00-04:00', rangeEnd: '2024-06-11T00:00:00-04:00' });
		const next = await runs.at(morningOf('2024-06-12'), restart);
		expect(jsonOf(next)[0]).toMatchObject({ bookmark: 'continued', rangeStart: '2024-06-11T00:00:00-04:00' });
	});

	test('bad input is refused before any request, the bookmark kept', async () => {
		const runs = callEvents();
		const tooLong = await runs.at(morningOf('2024-06-10'), sinceLastRun({ firstRunFrom: 'lastMonth', maxCatchUpDays: 20 }));
		expect(tooLong.error?.message).toMatch(/would pull 40 days \(from 2024-05-01T00:00:00-04:00 to 2024-06-10T00:00:00-04:00\), more than Max Catch-Up \(20 days\)/);
		expect((tooLong.error as { description?: string }).description).toMatch(/raise Since Last Run > Max Catch-Up \(Days\) to 40/);

		const future = await runs.at(morningOf('2024-06-10'), sinceLastRun({ restartFrom: '2024-06-20' }));
		expect(future.error?.message).toMatch(/Restart From "2024-06-20" is after the latest complete period/);

		runs.staticData = { 'node:Node': { sinceLastRun: { format: 2, bookmarks: {} } } };
		const newer = await runs.at(morningOf('2024-06-10'));
		expect(newer.error?.message).toMatch(/saved by a newer version of this node/);
		expect(runs.staticData).toEqual({ 'node:Node': { sinceLastRun: { format: 2, bookmarks: {} } } });
		expect(reportCalls(sandbox())).toEqual([]);
	});

	test('a bookmark ahead of the clock (the clock went back): nothing pulled, a warning; runs go on once the clock passes it', async () => {
		const runs = callEvents();
		await runs.at(morningOf('2024-06-12'));
		sandbox().clearRequests();
		const behind = await runs.at(morningOf('2024-06-10'));
		expect(behind.items).toEqual([]);
		expect(hintsOf(behind).join(' ')).toMatch(/bookmark \(2024-06-12T00:00:00-04:00\) is ahead of the latest complete period \(2024-06-10T00:00:00-04:00\)/);
		expect(reportCalls(sandbox())).toEqual([]);
		const later = await runs.at(morningOf('2024-06-13'));
		expect(rangeOf(jsonOf(later))).toMatchObject({ rangeStart: '2024-06-12T00:00:00-04:00', caughtUpDays: 1 });
	});

	test('two overlapping executions in one n8n: one pulls, the other pulls nothing and says why', async () => {
		const runs = callEvents(sinceLastRun({ whenNothingNew: 'oneItem' }));
		sandbox().setLatency(300);
		const realNow = Settings.now;
		Settings.now = () => Date.parse(morningOf('2024-06-12'));
		try {
			const options = { mode: 'trigger' as const, staticData: {}, workflowId: runs.workflowId };
			const first = runReport(sandbox(), 'callDetails', sinceLastRun({ whenNothingNew: 'oneItem' }), options);
			// The second starts once the first has sent its request.
			while (reportCalls(sandbox()).length === 0) await new Promise((resolve) => setImmediate(resolve));
			const second = await runReport(sandbox(), 'callDetails', sinceLastRun({ whenNothingNew: 'oneItem' }), options);
			const pulled = await first;
			expect(jsonOf(pulled).length).toBeGreaterThan(1);
			expect(jsonOf(second)).toEqual([expect.objectContaining({ nothingNew: true, reason: 'anotherRunPulling' })]);
			expect(reportCalls(sandbox())).toHaveLength(1);
		} finally {
			Settings.now = realNow;
		}
	});
});

describe('Since Last Run: the other reports', () => {
	test('every report with a period offers it, with its options', () => {
		for (const [operation, { description }] of Object.entries(reportOperations)) {
			const period = description.find((field) => field.name === 'period');
			if (!period) continue;
			expect([operation, (period.options as Array<{ value: string }>).map((option) => option.value)]).toEqual([operation, expect.arrayContaining(['sinceLastRun'])]);
			expect(description.find((field) => field.name === 'sinceLastRun')).toBeDefined();
		}
		expect(callDetailsFields.find((field) => field.name === 'sinceLastRun')?.displayOptions?.show).toMatchObject({ period: ['sinceLastRun'] });
	});

	test('Agent Summary: days in a row, each row saying its range', async () => {
		const runs = new ScheduledRuns(async (parameters, options) => await runReport(sandbox(), 'agentSummary', { ...sinceLastRun(), ...parameters }, options));
		await runs.at(morningOf('2024-06-10'));
		sandbox().clearRequests();
		const result = await runs.at(morningOf('2024-06-12'));
		expect(result.error).toBeUndefined();
		expect(reportCalls(sandbox()).map((request) => [(request.body as IDataObject).startDate, (request.body as IDataObject).endDate])).toEqual([
			[at('2024-06-10T00:00'), at('2024-06-12T00:00') - 1],
		]);
		expect(jsonOf(result).every((row) => row.rangeStart === '2024-06-10T00:00:00-04:00' && row.caughtUpDays === 2)).toBe(true);
	});
});
