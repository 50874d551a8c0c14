/**
 * The aggregate reports with a range maximum: Real Time Report (90 days) and Service
 * Efficiency (31 days). One result per window, labelled; "Combine Windows" sums counts and
 * minutes and recomputes ratios, which must match one unsplit request with the maxima lifted.
 */
import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { jsonOf } from './fixture';
import { at, custom, EASTERN, expectTiling, hintsOf, reportCalls, runReport, sentWindows } from './reportFixture';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.livevox.reset();
	sandbox.clearRequests();
	sandbox.faults.clear();
});

/** The report pulled in one request, the sandbox's range maxima lifted. */
async function unsplit(operation: string, parameters: IDataObject): Promise<IDataObject[]> {
	sandbox.livevox.reporting.configure({ liftRangeLimits: true });
	sandbox.clearRequests();
	const result = await runReport(sandbox, operation, {
		...parameters,
		options: { ...(parameters.options as IDataObject), maxDaysPerRequest: 10000 },
	});
	expect(reportCalls(sandbox)).toHaveLength(1);
	return jsonOf(result);
}

/**
 * Figures of combined and unsplit rows: counts equal, rounded figures within rounding (LiveVox
 * rounds each window's figures, to 0.01 or, for the RTR's display text, to 0.1).
 */
function expectSameFigures(combined: IDataObject, whole: IDataObject, exact: readonly string[], tolerance = 0.06) {
	for (const [key, value] of Object.entries(whole)) {
		if (key === 'windowStart' || key === 'windowEnd' || key === 'note') continue;
		if (exact.includes(key) || typeof value !== 'number') expect([key, combined[key]]).toEqual([key, value]);
		else expect([key, Math.abs((combined[key] as number) - value) <= tolerance]).toEqual([key, true]);
	}
}

describe('Real Time Report', () => {
	const parameters = custom('2024-01-01', '2024-04-09');

	test('100 days: two windows (90 + 10 days), one set of term-code rows per window, labelled', async () => {
		const result = await runReport(sandbox, 'realTimeReport', parameters);
		expect(result.error).toBeUndefined();
		const windows = sentWindows(sandbox);
		expectTiling(windows, { start: at('2024-01-01T00:00'), end: at('2024-04-10T00:00') }, 90);
		expect(windows).toHaveLength(2);
		expect(reportCalls(sandbox)[0].path).toBe('/reporting/standard/realTimeReport');
		const rows = jsonOf(result);
		expect(new Set(rows.map((row) => row.windowStart))).toEqual(
			new Set(['2024-01-01T00:00:00.000-05:00', '2024-03-31T00:00:00.000-04:00']),
		);
		expect(rows.every((row) => row.rowType === 'termCode')).toBe(true);
		expect(rows[0]).toMatchObject({
			windowEnd: '2024-03-30T23:59:59.999-04:00',
			category: 'Operator Transfer',
			termCode: 'AGENT - PTP Arranged',
			totalCalls: expect.any(Number),
			totalCallsInPercent: expect.any(Number),
			avgCallLengthSeconds: expect.any(Number),
		});
		const notMade = rows.find((row) => row.category === 'Not Made');
		expect(notMade).toMatchObject({ totalCallsInPercent: null, avgCallLengthSeconds: null });
	});

	test('Combine Windows: the rows and totals of the whole range, as one unsplit request gives them', async () => {
		const options = { combineWindows: true, includeTotals: true };
		const combined = jsonOf(await runReport(sandbox, 'realTimeReport', { ...parameters, options }));
		expect(sentWindows(sandbox)).toHaveLength(2);
		const whole = await unsplit('realTimeReport', { ...parameters, options });
		expect(combined.map((row) => [row.rowType, row.category, row.termCode])).toEqual(
			whole.map((row) => [row.rowType, row.category, row.termCode]),
		);
		expect(combined.every((row) => row.windowStart === '2024-01-01T00:00:00.000-05:00' && row.windowEnd === '2024-04-09T23:59:59.999-04:00')).toBe(true);
		combined.forEach((row, index) => expectSameFigures(row, whole[index], ['totalCalls', 'callsConnected', 'connectedCallsDurationSeconds', 'last15MinsConnected'], 0.11));
		const summary = combined.find((row) => row.rowType === 'summary') as IDataObject;
		expect(summary.callsConnected).toBe((summary.callsLiveAnswer as number) + (summary.callsAutomatedAnswer as number));
	});

	test('Simplify off: the raw answer per window; with Combine Windows one combined answer', async () => {
		const raw = jsonOf(await runReport(sandbox, 'realTimeReport', { ...parameters, simplify: false }));
		expect(raw).toHaveLength(2);
		expect(raw[0]).toMatchObject({ windowStart: '2024-01-01T00:00:00.000-05:00', summary: expect.any(Object), outcomes: expect.any(Array) });
		sandbox.clearRequests();
		const combined = jsonOf(await runReport(sandbox, 'realTimeReport', { ...parameters, simplify: false, options: { combineWindows: true } }));
		expect(combined).toHaveLength(1);
		expect(combined[0]).toMatchObject({ requests: 2, charges: { total: { charges: expect.stringMatching(/^\$\d*\.\d\d$/) } } });
		const calls = (answer: IDataObject) => ((answer.summary as IDataObject).totalCalls as { notConnected: number }).notConnected;
		expect(calls(combined[0])).toBe(calls(raw[0]) + calls(raw[1]));
	});
});

describe('a range that reaches into today', () => {
	test('the last window is marked, and a warning says today may be partial', async () => {
		const today = DateTime.now().setZone(EASTERN);
		const start = today.minus({ days: 40 }).toISODate() as string;
		const result = await runReport(sandbox, 'serviceEfficiency', custom(start, today.toISODate() as string));
		expect(result.error).toBeUndefined();
		const rows = jsonOf(result);
		expect(rows.length).toBeGreaterThan(1);
		expect(rows.slice(0, -1).every((row) => row.todayMayBePartial === undefined)).toBe(true);
		expect(rows[rows.length - 1]).toMatchObject({ todayMayBePartial: true, windowEnd: expect.stringContaining(today.toISODate() as string) });
		expect(hintsOf(result)).toEqual([expect.stringMatching(/today's figures may be partial/)]);
	});
});

describe('Service Efficiency', () => {
	const parameters = custom('2024-01-01', '2024-02-14');

	test('45 days: windows of 31 and 14 days, body with chart and groupBy, one result row per window', async () => {
		const result = await runReport(sandbox, 'serviceEfficiency', { ...parameters, chart: true, groupBy: '{"callCenter": true}' });
		expect(result.error).toBeUndefined();
		const windows = sentWindows(sandbox);
		expectTiling(windows, { start: at('2024-01-01T00:00'), end: at('2024-02-15T00:00') }, 31);
		expect(windows.map((window) => window.body)).toEqual([
			{ startDate: at('2024-01-01T00:00'), endDate: at('2024-02-01T00:00') - 1, chart: true, groupBy: { callCenter: true } },
			{ startDate: at('2024-02-01T00:00'), endDate: at('2024-02-15T00:00') - 1, chart: true, groupBy: { callCenter: true } },
		]);
		const rows = jsonOf(result);
		expect(rows.map((row) => [row.windowStart, row.callCenterId])).toEqual([
			['2024-01-01T00:00:00.000-05:00', 433],
			['2024-01-01T00:00:00.000-05:00', 429],
			['2024-01-01T00:00:00.000-05:00', 2829],
			['2024-02-01T00:00:00.000-05:00', 433],
			['2024-02-01T00:00:00.000-05:00', 429],
			['2024-02-01T00:00:00.000-05:00', 2829],
		]);
		expect(rows[0]).toMatchObject({
			rowType: 'result',
			dials: expect.any(Number),
			inCallTimeInPercent: expect.any(Number),
			connectionCallMinutes: expect.any(Number),
			costPerRpc: expect.any(Number),
			chart: expect.stringMatching(/^http/),
		});
		expect(Object.keys(rows[0])).not.toContain('details');
	});

	test('Combine Windows with results per service: the figures of one unsplit request', async () => {
		const setup = { ...parameters, groupBy: '{"service": true}', options: { combineWindows: true, includeTotals: true } };
		const combined = jsonOf(await runReport(sandbox, 'serviceEfficiency', setup));
		const whole = await unsplit('serviceEfficiency', setup);
		const key = (row: IDataObject) => `${row.rowType}|${row.callCenterId}|${row.serviceId}`;
		expect(combined.map(key).sort()).toEqual(whole.map(key).sort());
		const counts = ['dials', 'connects', 'liveConnects', 'totalRpcs', 'rpcPaymentPtp', 'successfulOperatorTransfers', 'ptpAmount', 'date', 'dateIso'];
		for (const row of combined) expectSameFigures(row, whole.find((other) => key(other) === key(row)) as IDataObject, counts);
		expect(combined.filter((row) => row.rowType === 'grandTotal')).toHaveLength(1);
	});
});
