/**
 * Agent Activity and Agent Summary: no documented range maximum, so never split by date; a
 * service filter over 150 services is split into chunks of 150 and the results merged (the
 * same agent across chunks combined by the same rules as date windows).
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { LiveVoxTestClient } from '../sandbox/livevoxTestClient';
import { jsonOf } from './fixture';
import { at, custom, reportCalls, runReport, sentWindows } from './reportFixture';

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

/** 200 services in call center 5000, their ids in order. */
function twoHundredServices(): number[] {
	sandbox.livevox.seedCallCenter(5000, 200);
	return [...(sandbox.livevox.services.serviceIdsOf(5000) ?? [])];
}

describe('Agent Activity', () => {
	test('60 days in one request; one item per agent per day, totals as marked items on request', async () => {
		const result = await runReport(sandbox, 'agentActivity', {
			...custom('2024-01-01', '2024-02-29'),
			showTermCodes: true,
			filters: { callCenterIds: '433' },
			options: { includeTotals: true },
		});
		expect(result.error).toBeUndefined();
		const [call] = reportCalls(sandbox);
		expect(reportCalls(sandbox)).toHaveLength(1);
		expect(call).toMatchObject({ method: 'POST', path: '/reporting/standard/agent/activity' });
		expect(call.body).toEqual({
			startDate: at('2024-01-01T00:00'),
			endDate: at('2024-03-01T00:00') - 1,
			showTermCodes: true,
			filter: { callCenter: [{ id: 433 }] },
		});
		const rows = jsonOf(result);
		const days = rows.filter((row) => row.rowType === 'agentDay');
		expect(days.length).toBeGreaterThan(60);
		expect(days[0]).toMatchObject({
			date: expect.stringMatching(/^2024-0[12]-\d\d$/),
			callCenterId: 433,
			agent: expect.stringMatching(/,AGENT\d$/),
			loginTimeIso: expect.stringMatching(/-05:00$/),
			termCodes: expect.arrayContaining([expect.objectContaining({ name: expect.any(String), count: expect.any(Number) })]),
		});
		// Each agent's days add up to the agent's total, and the agents to the service's.
		for (const total of rows.filter((row) => row.rowType === 'agentTotal')) {
			const own = days.filter((row) => row.serviceId === total.serviceId && row.agent === total.agent);
			expect(own.reduce((sum, row) => sum + (row.onlineTime as number), 0)).toBe(total.onlineTime);
		}
		expect(rows.filter((row) => row.rowType === 'serviceTotal').map((row) => row.serviceId)).toEqual(
			[...new Set(days.map((row) => row.serviceId))],
		);
	});

	test('200 services: two requests of 150 and 50 services, the services of both side by side', async () => {
		const ids = twoHundredServices();
		sandbox.livevox.reporting.configure({ callsPerDay: 400 });
		const result = await runReport(sandbox, 'agentActivity', {
			...custom('2024-01-01', '2024-01-03'),
			filters: { serviceIds: ids.join(', ') },
		});
		expect(result.error).toBeUndefined();
		const bodies = sentWindows(sandbox).map((window) => window.body);
		expect(bodies).toHaveLength(2);
		const sentIds = bodies.map((body) => ((body.filter as IDataObject).service as Array<{ id: number }>).map((entry) => entry.id));
		expect(sentIds.map((list) => list.length).sort()).toEqual([150, 50]);
		expect(new Set(sentIds.flat())).toEqual(new Set(ids));
		const services = new Set(jsonOf(result).map((row) => row.serviceId));
		expect(services.size).toBeGreaterThan(150);
		expect([...services].every((id) => ids.includes(id as number))).toBe(true);
	});
});

describe('Agent Summary', () => {
	test('one request with all three documented options; one item per agent, the total on request', async () => {
		const result = await runReport(sandbox, 'agentSummary', {
			...custom('2024-01-01', '2024-03-31'),
			showPtpAmount: true,
			options: { includeTotals: true },
		});
		expect(result.error).toBeUndefined();
		expect(reportCalls(sandbox)).toHaveLength(1);
		expect(reportCalls(sandbox)[0].body).toEqual({
			startDate: at('2024-01-01T00:00'),
			endDate: at('2024-04-01T00:00') - 1,
			options: { showTermCodes: false, showPtpAmount: true, showDetailed: false },
		});
		const rows = jsonOf(result);
		expect(rows.map((row) => [row.rowType, row.loginId])).toEqual([
			['agent', 'AGENT1'],
			['agent', 'AGENT2'],
			['agent', 'AGENT3'],
			['agent', 'AGENT4'],
			['total', undefined],
		]);
		expect(rows[0]).toMatchObject({ firstName: 'AGUSTIN', lastName: 'CONDE', ptpAmount: expect.any(Number), rpcsPerHour: null });
		const agents = rows.slice(0, 4);
		expect(rows[4].totalRpcs).toBe(agents.reduce((sum, row) => sum + (row.totalRpcs as number), 0));
	});

	test('an agent across service chunks is combined: sums, documented ratios recomputed, the rest empty with a note', async () => {
		const ids = twoHundredServices();
		sandbox.livevox.reporting.configure({ callsPerDay: 300 });
		const parameters = { ...custom('2024-01-01', '2024-01-05'), showDetailed: true, options: { includeTotals: true } };
		const result = await runReport(sandbox, 'agentSummary', { ...parameters, filters: { serviceIds: ids.join(',') } });
		expect(result.error).toBeUndefined();
		expect(reportCalls(sandbox)).toHaveLength(2);

		// The truth: one request for all 200 services, which only a sandbox without the limit answers.
		sandbox.livevox.reporting.configure({ serviceLimit: 1000 });
		const client = new LiveVoxTestClient(sandbox);
		await client.login();
		const answer = await client.call('POST', '/reporting/standard/agent/summary', {
			body: {
				startDate: at('2024-01-01T00:00'),
				endDate: at('2024-01-06T00:00') - 1,
				filter: { service: ids.map((id) => ({ id })) },
				options: { showTermCodes: false, showPtpAmount: false, showDetailed: true },
			},
		});
		const truth = answer.body as { results: Array<{ loginId: string; details: IDataObject }>; total: { details: IDataObject } };
		const rows = jsonOf(result);
		expect(rows.map((row) => row.loginId ?? 'total')).toEqual([...truth.results.map((entry) => entry.loginId), 'total']);
		const compare = (row: IDataObject, details: IDataObject) => {
			for (const key of ['successfulOpTransfer', 'totalRpcs', 'rpcPaymentPtp', 'wpc', 'nonConnects']) expect(row[key]).toBe(details[key]);
			for (const key of ['inCallTimeInMinutes', 'readyTimeInMinutes', 'inCallTimeInPercent', 'notReadyTimeInPercent', 'agentProductiveTimeInMinutes', 'rpcsPerHour', 'rpcRateInPercent', 'conversionRateInPercent']) {
				expect([key, Math.abs((row[key] as number) - (details[key] as number)) <= 0.06]).toEqual([key, true]);
			}
			for (const key of ['avgCallsHandleInHours', 'avgCallsHandledTimeInHours', 'avgCallLengthInMinutes']) expect(row[key]).toBeNull();
			expect(row.note).toMatch(/Left empty when combining requests: .*avgCallLengthInMinutes/);
		};
		truth.results.forEach((entry, index) => compare(rows[index], entry.details));
		compare(rows[rows.length - 1], truth.total.details);
	});
});
