/**
 * The 150-service rule: LiveVox's "202 error" (as the HTTP status, or as `code` in a body)
 * becomes a clear error that says to filter by call center; a service filter of more than
 * 150 is split into chunks of 150 (or refused before any request when splitting is off).
 */
import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { buildTestWorkflow, nodeTypes } from '../engine/harness';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apiCalls, jsonOf, liveVoxCredentials } from './fixture';
import { custom, expectRefusedBeforeAnyRequest, reportCalls, runReport } from './reportFixture';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.livevox.reset();
	sandbox.clearRequests();
	sandbox.faults.clear();
	// 219 services in all: more than 150 visible to the user.
	sandbox.livevox.seedCallCenter(5000, 200);
});

const range = custom('2024-03-01', '2024-03-02');

function expectTooManyServices(error: unknown) {
	expect(error).toMatchObject({
		name: 'NodeApiError',
		message: 'LiveVox refused the report: it would cover more than 150 services (202)',
		description: expect.stringMatching(/Filter by call center \(Filters > Call Center IDs\)/),
	});
}

describe('the "202 error"', () => {
	test.each(['callRecording', 'callDetails', 'serviceEfficiency', 'agentSummary'])(
		'%s without a filter while the user sees 219 services: HTTP 202 becomes the clear error, sent once',
		async (operation) => {
			const result = await runReport(sandbox, operation, range);
			expectTooManyServices(result.error);
			expect(reportCalls(sandbox)).toHaveLength(1);
			expect(reportCalls(sandbox)[0].status).toBe(202);
		},
	);

	test('as code 202 in a 400 error body', async () => {
		sandbox.livevox.reporting.configure({ tooManyServicesAnswer: 'bodyCode' });
		const result = await runReport(sandbox, 'callRecording', range);
		expectTooManyServices(result.error);
		expect(reportCalls(sandbox)[0].status).toBe(400);
	});

	test('as code 202 in the body of a 200 answer', async () => {
		sandbox.faults.add({ path: '/reporting/standard/realTimeReport', fault: { kind: 'status', status: 200, body: { code: 202, message: 'Too many services' } } });
		const result = await runReport(sandbox, 'realTimeReport', range);
		expectTooManyServices(result.error);
	});

	test('filtering by the call center works for all its 200 services, in one request', async () => {
		const result = await runReport(sandbox, 'callRecording', { ...range, filters: { callCenterIds: '5000' } });
		expect(result.error).toBeUndefined();
		expect(reportCalls(sandbox)).toHaveLength(1);
		expect(reportCalls(sandbox)[0].body).toMatchObject({ filter: { callCenter: [{ id: 5000 }] } });
		expect(jsonOf(result).every((row) => row.callCenterId === 5000)).toBe(true);
	});
});

describe('service filters over 150', () => {
	const ids = () => [...(sandbox.livevox.services.serviceIdsOf(5000) ?? [])];

	test('split off: refused before any request', async () => {
		const result = await runReport(sandbox, 'callRecording', {
			...range,
			filters: { serviceIds: ids().join(',') },
			options: { splitServiceLists: false },
		});
		expectRefusedBeforeAnyRequest(result, sandbox, /lists 200 services; LiveVox accepts at most 150/);
	});

	test('chosen and typed services together, each once: chunks of 150 per window, rows merged and unique', async () => {
		const all = ids();
		const result = await runReport(sandbox, 'callRecording', {
			...custom('2024-03-01', '2024-04-09'),
			filters: { services: all.slice(0, 120), serviceIds: all.slice(100).join(' ') },
		});
		expect(result.error).toBeUndefined();
		const calls = reportCalls(sandbox);
		expect(calls).toHaveLength(4);
		const chunks = calls.map((call) => ((call.body as IDataObject).filter as { service: Array<{ id: number }> }).service.length);
		expect(chunks.sort()).toEqual([150, 150, 50, 50].sort());
		const rows = jsonOf(result);
		expect(new Set(rows.map((row) => row.recordingId)).size).toBe(rows.length);
		expect(rows.every((row) => all.includes(row.serviceId as number))).toBe(true);
		const times = rows.map((row) => row.transferConnect as number);
		// Concatenated window by window: the first window's rows all come before the second's.
		const firstOfApril = times.findIndex((time) => time >= Date.UTC(2024, 3, 1, 8));
		expect(times.slice(firstOfApril).every((time) => time >= Date.UTC(2024, 3, 1, 4))).toBe(true);
	});

	test('Service Efficiency: the chunks of a window are one result, equal to an unchunked request', async () => {
		const all = ids();
		const chunked = jsonOf(
			await runReport(sandbox, 'serviceEfficiency', { ...range, filters: { serviceIds: all.join(',') }, options: { includeTotals: true } }),
		);
		expect(reportCalls(sandbox)).toHaveLength(2);
		sandbox.clearRequests();
		const whole = jsonOf(
			await runReport(sandbox, 'serviceEfficiency', { ...range, filters: { callCenterIds: '5000' }, options: { includeTotals: true } }),
		);
		expect(chunked.map((row) => row.rowType)).toEqual(['result', 'grandTotal']);
		for (const key of ['dials', 'connects', 'totalRpcs', 'successfulOperatorTransfers']) expect(chunked[0][key]).toBe(whole[0][key]);
		for (const key of ['inCallTimeInMinutes', 'rpcsPerHour', 'liveConnectRateInPercent', 'costPerRpc']) {
			expect(Math.abs((chunked[1][key] as number) - (whole[1][key] as number))).toBeLessThanOrEqual(0.02);
		}
	});
});

describe('the Services list of the filters', () => {
	async function serviceOptions(filters: IDataObject): Promise<INodePropertyOptions[]> {
		const { workflow, additionalData, node } = buildTestWorkflow({
			type: 'liveVox',
			parameters: { resource: 'report', operation: 'callRecording', filters: filters as INodeParameters },
			credentials: { liveVoxApi: liveVoxCredentials(sandbox) },
		});
		additionalData.currentNodeParameters = node.parameters;
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
		const method = nodeTypes.getByNameAndVersion(node.type, node.typeVersion).methods?.loadOptions?.getServicesOfCallCenters;
		if (!method) throw new Error('getServicesOfCallCenters is not a loadOptions method of the node');
		return await method.call(context);
	}

	test('lists the services of every call center typed, by name, with their ids as values', async () => {
		const options = await serviceOptions({ callCenterIds: '2829, 5000' });
		const pages = apiCalls(sandbox).filter((call) => call.path === '/configuration/services');
		expect(pages.map((call) => call.query)).toEqual([
			{ callCenter: '2829', count: '1000', offset: '0' },
			{ callCenter: '5000', count: '1000', offset: '0' },
		]);
		expect(options).toHaveLength(201);
		expect(options).toContainEqual({ name: 'California_QC (40790)', value: 40790, description: 'Call center 2829' });
		const names = options.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	test('lists nothing, quietly, while no call center ID is typed', async () => {
		await expect(serviceOptions({})).resolves.toEqual([]);
		expect(sandbox.requests).toEqual([]);
	});
});
