/**
 * Property-based fuzzing (fast-check) of every operation's parameters: the node answers with a
 * NodeOperationError/NodeApiError or a valid request, never a TypeError or an unhandled
 * rejection, never a request outside its endpoint, never a canary in what it leaves behind.
 * Seeded, so a failure replays; `npm run reliability` runs more cases with a random seed.
 */
import type { RecordedRequest, Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { acceptCanaries, canaryCredentials } from './canaries';
import { escapedEndpoint, fuzzOperations, runFuzz, runTargetedFuzz, VCC_DATABASE_CALLS } from './fuzz';
import { runNode } from '../engine/harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());

test('the fuzzer covers every operation of the three nodes', () => {
	const names = fuzzOperations().map((operation) => `${operation.type}.${operation.resource}.${operation.operation}`);
	expect(names.length).toBeGreaterThanOrEqual(37);
	expect(names).toEqual(
		expect.arrayContaining([
			'liveVox.report.callDetails',
			'liveVox.service.updateGeneral',
			'liveVox.supervisorCall.launchManualCalls',
			'vccLive.statistic.getInbound',
			'vccLive.project.modifyQuotas',
			'netaxisApio.callCenter.updateReportingSettings',
		]),
	);
});

test('random and hostile parameters for every operation: no crash, no escape, no leak', async () => {
	const summary = await runFuzz(sandbox, { runsPerOperation: 25, seed: 20261122 });
	expect(summary.findings).toEqual([]);
	// The fuzz reached the nodes and their requests, not only n8n's parameter checks.
	expect(summary.reachedNode).toBeGreaterThan(summary.runs / 4);
	expect(summary.sentRequests).toBeGreaterThan(0);
}, 180_000);

test.each(VCC_DATABASE_CALLS.map(({ id, call }) => [id, call] as const))('the targeted fuzz\'s valid call %s succeeds and is sent (so its hostile variants test real requests)', async (_id, call) => {
	sandbox.vcclive.reset();
	sandbox.clearRequests();
	acceptCanaries(sandbox);
	const result = await runNode({
		type: call.type,
		typeVersion: call.typeVersion,
		parameters: call.parameters,
		credentials: { vccLiveApi: canaryCredentials(sandbox).vccLiveApi },
	});
	expect(result.error).toBeUndefined();
	expect(sandbox.requests.filter((request) => request.vendor === 'vcclive').map((request) => escapedEndpoint(request))).toEqual([undefined]);
});

test('hostile ids and names in otherwise valid calls: requests stay on their endpoint', async () => {
	const summary = await runTargetedFuzz(sandbox, { runsPerField: 20, seed: 9 });
	expect(summary.findings).toEqual([]);
	expect(summary.sentRequests).toBeGreaterThan(summary.runs / 4);
}, 180_000);

test('hostile and ID-shaped ids in valid VCC Live Database API calls: no crash, no escape, no leak (all but digits refused before any request)', async () => {
	const summary = await runTargetedFuzz(sandbox, { runsPerField: 20, seed: 9, calls: VCC_DATABASE_CALLS });
	expect(summary.findings).toEqual([]);
	expect(summary.operations).toBe(VCC_DATABASE_CALLS.length);
	// The hostile values reached the node (n8n's own parameter checks did not stop them first).
	expect(summary.reachedNode).toBeGreaterThan(summary.runs / 2);
	// The padded and zero-led ids are ids: their requests reached VCC Live and were checked.
	expect(summary.sentRequests).toBeGreaterThan(summary.runs / 10);
}, 180_000);

describe('the endpoint check can fail', () => {
	const request = (vendor: string, path: string, query: RecordedRequest['query'] = {}): RecordedRequest => ({
		vendor,
		method: 'GET',
		path,
		query,
		headers: {},
		body: undefined,
		status: 200,
		receivedAt: 0,
		doneAt: 0,
	});
	test.each([
		['livevox', '/configuration/services/20575'],
		['livevox', '/callControl/supervisor/calls/21429/LaunchManualCalls'],
		['apio', '/api/v1/tenants/a%2F..%2Fb/groups/g/services/call_centers/c%40d/statistics/'],
		['vcclive', '/v2/statistics/inbound'],
		['vcclive', '/v2/projects'],
		['vcclive', '/v2/projects/214/quotas'],
	])('%s %s is an endpoint', (vendor, path) => {
		expect(escapedEndpoint(request(vendor, path))).toBeUndefined();
	});
	test.each([
		['livevox', '/configuration/services/..', {}],
		['livevox', '/configuration/services/%2E%2E/x', {}],
		['livevox', '/configuration/inj', {}],
		['apio', '/api/v1/tenants/groups/g/services/call_centers/c/statistics/', {}],
		['livevox', '/configuration/services/20575', { inj: '1' }],
		['vcclive', '/v2/projects/inj/quotas', {}],
		['', '/inj', {}],
	])('%s %s %j is caught', (vendor, path, query) => {
		expect(escapedEndpoint(request(vendor, path, query))).toBeDefined();
	});
});

describe('defects the fuzzing found, kept as regressions', () => {
	beforeEach(() => {
		sandbox.livevox.reset();
		sandbox.apio.reset();
		sandbox.clearRequests();
		acceptCanaries(sandbox);
	});

	test.each(['.', '..'])('an APIO tenant of "%s" is refused before any request (it would change the path)', async (tenant) => {
		const result = await runNode({
			type: 'netaxisApio',
			parameters: {
				resource: 'callCenter',
				operation: 'getReportingSettings',
				tenantId: { __rl: true, mode: 'id', value: tenant },
				groupId: { __rl: true, mode: 'id', value: 'foogroup' },
				callCenter: { __rl: true, mode: 'name', value: 'APIOTestCCPremium@sip.netaxis.be' },
			},
			credentials: { netaxisApioApi: canaryCredentials(sandbox).netaxisApioApi },
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(`Tenant "${tenant}" is not a valid ID`);
		expect(sandbox.requests).toEqual([]);
	});

	test('a Max Days per Request too large for a date is refused as bad input, not a RangeError', async () => {
		const result = await runNode({
			type: 'liveVox',
			parameters: {
				resource: 'report',
				operation: 'accountLookup',
				account: '1234',
				period: 'last7Days',
				options: { maxDaysPerRequest: 1.7976931348623131e308 },
			},
			credentials: { liveVoxApi: canaryCredentials(sandbox).liveVoxApi },
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/^Max Days per Request must be a whole number of at least 1/);
		expect(sandbox.requests).toEqual([]);
	});

	test.each([-5, -0.005, 0, 'soon'])('a Timeout option of %p falls back to the default instead of a RangeError', async (timeout) => {
		const result = await runNode({
			type: 'liveVox',
			parameters: {
				resource: 'service',
				operation: 'getGeneral',
				serviceId: { __rl: true, mode: 'id', value: '20575' },
				requestOptions: { timeout },
			},
			credentials: { liveVoxApi: canaryCredentials(sandbox).liveVoxApi },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.serviceId).toBe(20575);
	});
});
