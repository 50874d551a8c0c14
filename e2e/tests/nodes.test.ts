import { nodeItems, nodeOutput } from '../../scripts/realN8n/n8nCli';
import { apioCredential, liveVoxCredential, reference, vccLiveCredential } from '../../scripts/realN8n/sandboxCredentials';
import type { RealN8n } from './realN8nSetup';
import { startRealN8n } from './realN8nSetup';
import { agentSummary } from '../../test/sandbox/livevox/reportingAgents';
import { parseReportQuery } from '../../test/sandbox/livevox/reportingRequest';
import type { SandboxRequest } from '../../test/sandbox/types';
import { chainWorkflow, PACKAGE_PREFIX } from './workflowBuilder';

let n8n: RealN8n;
let liveVox: { id: string; name: string };
let vccLive: { id: string; name: string };
let apio: { id: string; name: string };

beforeAll(async () => {
	n8n = await startRealN8n();
	const credentials = [liveVoxCredential(n8n.sandbox), vccLiveCredential(n8n.sandbox), apioCredential(n8n.sandbox)];
	[liveVox, vccLive, apio] = credentials.map(reference);
	await n8n.cli.importCredentials(credentials);
});
afterAll(async () => n8n?.close());
beforeEach(() => n8n.sandbox.clearRequests());

const calls = () => n8n.sandbox.requests.map((request) => `${request.vendor} ${request.method} ${request.path}`);

async function runWorkflow(workflow: ReturnType<typeof chainWorkflow>) {
	await n8n.cli.importWorkflow(workflow);
	const output = await n8n.cli.execute(workflow.id);
	expect(output.data.resultData.error).toBeUndefined();
	return output;
}

test('LiveVox Services: list a call center, then read each service found', async () => {
	const output = await runWorkflow(
		chainWorkflow('lvServicesWf0001', 'LiveVox services', [
			{
				name: 'List Services',
				type: `${PACKAGE_PREFIX}.liveVox`,
				parameters: { resource: 'service', operation: 'list', callCenterId: 2829, returnAll: true },
				credentials: { liveVoxApi: liveVox },
			},
			{
				name: 'Get General',
				type: `${PACKAGE_PREFIX}.liveVox`,
				parameters: { resource: 'service', operation: 'getGeneral', serviceId: { __rl: true, mode: 'id', value: '={{ $json.serviceId }}' } },
				credentials: { liveVoxApi: liveVox },
			},
		]),
	);
	expect(nodeOutput(output, 'List Services')).toEqual([{ serviceId: 40790, name: 'California_QC', callCenterId: 2829 }]);
	expect(nodeOutput(output, 'Get General')[0]).toMatchObject({ serviceId: 40790, name: 'California_QC' });
	// Return All asks the list's size (Service List Info) with the first page; this list fits in one.
	expect(calls()).toEqual([
		'livevox POST /session/login',
		'livevox GET /configuration/services',
		'livevox GET /configuration/services/info',
		'livevox GET /configuration/services/40790',
	]);
});

test('LiveVox Supervisor Call: queue stats of a service', async () => {
	const output = await runWorkflow(
		chainWorkflow('lvQueueStatsWf01', 'LiveVox queue stats', [
			{
				name: 'Queue Stats',
				type: `${PACKAGE_PREFIX}.liveVox`,
				parameters: { resource: 'supervisorCall', operation: 'getQueueStats', serviceIds: '21429' },
				credentials: { liveVoxApi: liveVox },
			},
		]),
	);
	expect(nodeOutput(output, 'Queue Stats')).toEqual([
		{ serviceId: 21429, availableAgents: 7, callsOnHold: 2, callsToBeLaunched: 14, callsInProgress: 8, maxAgents: 26 },
	]);
	expect(calls()).toContain('livevox GET /callControl/supervisor/calls/queue/21429');
});

test('VCC Live: inbound statistics of two months by project, combined', async () => {
	const output = await runWorkflow(
		chainWorkflow('vccInboundWf0001', 'VCC Live inbound', [
			{
				name: 'Inbound',
				type: `${PACKAGE_PREFIX}.vccLive`,
				parameters: {
					resource: 'statistic',
					operation: 'getInbound',
					period: 'custom',
					from: '2024-01-15T00:00:00',
					to: '2024-02-10T00:00:00',
					dimensions: ['project'],
					outputFormat: 'csv',
					options: { combineMonths: true },
				},
				credentials: { vccLiveApi: vccLive },
			},
		]),
	);
	const rows = nodeOutput(output, 'Inbound');
	expect(rows.length).toBeGreaterThan(0);
	expect(rows[0]).toMatchObject({ combined_windows: 2 });
	const inbound = n8n.sandbox.requests.filter((request) => request.vendor === 'vcclive');
	// The months are fetched concurrently, so they arrive in any order.
	expect(inbound.map((request) => [request.query.from, request.query.to]).sort()).toEqual([
		['20240115', '20240131'],
		['20240201', '20240210'],
	]);
});

test('VCC Live: a record with its CDRs (version 1.1, the project picked from the list), then the CDR log of its first call\'s day, page by page', async () => {
	const output = await runWorkflow(
		chainWorkflow('vccRecordWf00001', 'VCC Live record and CDRs', [
			{
				name: 'Record',
				type: `${PACKAGE_PREFIX}.vccLive`,
				typeVersion: 1.1,
				parameters: {
					resource: 'record',
					operation: 'get',
					projectId: { __rl: true, mode: 'list', value: '214', cachedResultName: 'Sales - Budapest (214)' },
					recordId: '21402',
				},
				credentials: { vccLiveApi: vccLive },
			},
			{
				name: 'CDR Log',
				type: `${PACKAGE_PREFIX}.vccLive`,
				parameters: { resource: 'statistic', operation: 'getCdrLog', day: '2024-04-01T00:00:00', returnAll: true },
				credentials: { vccLiveApi: vccLive },
			},
		]),
	);
	const [record] = nodeOutput(output, 'Record');
	expect(record).toMatchObject({ projectid: 214, numberid: 21402 });
	expect((record.cdrs as unknown[]).length).toBeGreaterThan(0);
	expect(nodeOutput(output, 'CDR Log').length).toBeGreaterThan(10);
	const sent = n8n.sandbox.requests.filter((request) => request.vendor === 'vcclive').map((request) => `${request.method} ${request.path}`);
	expect(sent[0]).toBe('GET /v2/projects/214/records/21402');
	expect(sent.slice(1).every((line) => line === 'GET /v2/cdrs/2024/04/01')).toBe(true);
	expect(sent.length).toBeGreaterThan(2);
});

test('Netaxis APIO: call-center statistics with the range in the body of a GET', async () => {
	const output = await runWorkflow(
		chainWorkflow('apioStatsWf00001', 'APIO statistics', [
			{
				name: 'Statistics',
				type: `${PACKAGE_PREFIX}.netaxisApio`,
				parameters: {
					resource: 'callCenter',
					operation: 'getStatistics',
					tenantId: { __rl: true, mode: 'id', value: 'footenant' },
					groupId: { __rl: true, mode: 'id', value: 'foogroup' },
					callCenter: { __rl: true, mode: 'name', value: 'APIOTestCallCenterP@sip.netaxis.be' },
					start: '2021-01-01T00:00:00+01:00',
					end: '2021-03-01T00:00:00+01:00',
				},
				credentials: { netaxisApioApi: apio },
			},
		]),
	);
	const items = nodeOutput(output, 'Statistics');
	expect(items[0]).toMatchObject({ level: 'queue' });
	expect(items.slice(1).every((item) => item.level === 'agent')).toBe(true);
	const statistics = n8n.sandbox.requests.find((request) => request.path.endsWith('/statistics/'));
	expect(statistics?.method).toBe('GET');
	expect(statistics?.path).toBe('/api/v1/tenants/footenant/groups/foogroup/services/call_centers/APIOTestCallCenterP%40sip.netaxis.be/statistics/');
	// The same instants, written in the workflow's time zone (this n8n runs in America/New_York).
	expect(statistics?.body).toEqual({
		statisticsRange: { start: '2020-12-31T18:00:00-05:00', end: '2021-02-28T18:00:00-05:00' },
	});
});

test('LiveVox Report: Agent Summary of yesterday, one item per agent', async () => {
	const output = await runWorkflow(
		chainWorkflow('lvAgentSummary01', 'LiveVox agent summary', [
			{
				name: 'Agent Summary',
				type: `${PACKAGE_PREFIX}.liveVox`,
				parameters: { resource: 'report', operation: 'agentSummary', period: 'yesterday', showPtpAmount: true, options: { includeTotals: true } },
				credentials: { liveVoxApi: liveVox },
			},
		]),
	);
	const rows = nodeOutput(output, 'Agent Summary');
	const [report] = n8n.sandbox.requests.filter((request) => request.path.startsWith('/reporting/'));
	expect(report).toMatchObject({ method: 'POST', path: '/reporting/standard/agent/summary' });
	expect(report.body).toMatchObject({ options: { showTermCodes: false, showPtpAmount: true, showDetailed: false } });
	// The sandbox's agents of a day depend on the day: the expected ones are its answer to the request sent.
	const { livevox } = n8n.sandbox;
	const query = parseReportQuery('agentSummary', { body: report.body } as SandboxRequest, livevox.reporting.settings, livevox.services);
	if (!query.ok) throw new Error('the Agent Summary request sent is not a valid report request');
	const agents = (agentSummary(query.query, livevox.reporting.settings).body as { results: Array<{ loginId: string }> }).results;
	expect(agents.length).toBeGreaterThan(1);
	expect(rows.map((row) => row.rowType)).toEqual([...agents.map(() => 'agent'), 'total']);
	expect(rows.map((row) => row.loginId).slice(0, -1)).toEqual(agents.map((agent) => agent.loginId));
	expect(rows[0]).toMatchObject({ firstName: expect.any(String), lastName: expect.any(String), ptpAmount: expect.any(Number) });
	const totals = rows[rows.length - 1];
	expect(totals.totalRpcs).toBe(rows.slice(0, -1).reduce((sum, row) => sum + (row.totalRpcs as number), 0));
});

test('LiveVox Report: Call Event Recovery over 5 days, windows of 3 days, as one CSV file', async () => {
	const output = await runWorkflow(
		chainWorkflow('lvCallEvents0001', 'LiveVox call events', [
			{
				name: 'Call Events',
				type: `${PACKAGE_PREFIX}.liveVox`,
				parameters: {
					resource: 'report',
					operation: 'callDetails',
					period: 'custom',
					startDate: '2024-03-01T00:00:00',
					endDate: '2024-03-05T00:00:00',
					output: 'file',
				},
				credentials: { liveVoxApi: liveVox },
			},
		]),
	);
	const [file] = nodeItems(output, 'Call Events');
	expect(file.json).toEqual({
		fileName: 'livevox-call-events_2024-03-01_2024-03-05.csv',
		rowCount: 120,
		windowStart: '2024-03-01T00:00:00.000-05:00',
		windowEnd: '2024-03-05T23:59:59.999-05:00',
	});
	expect(file.binary?.data).toMatchObject({ mimeType: 'text/csv', fileName: 'livevox-call-events_2024-03-01_2024-03-05.csv' });
	const windows = n8n.sandbox.requests.filter((request) => request.path === '/reporting/standard/callDetails');
	expect(windows).toHaveLength(2);
	expect(windows.every((request) => request.headers['accept-encoding'] === 'gzip')).toBe(true);
});

test('LiveVox Services: a write — Update General sends only the fields set', async () => {
	const output = await runWorkflow(
		chainWorkflow('lvServiceUpdate1', 'LiveVox service update', [
			{
				name: 'Update General',
				type: `${PACKAGE_PREFIX}.liveVox`,
				parameters: { resource: 'service', operation: 'updateGeneral', serviceId: { __rl: true, mode: 'id', value: '53661' }, updateFields: { name: 'Renamed By n8n' } },
				credentials: { liveVoxApi: liveVox },
			},
		]),
	);
	expect(nodeOutput(output, 'Update General')).toEqual([{ success: true, serviceId: 53661, name: 'Renamed By n8n' }]);
	const update = n8n.sandbox.requests.find((request) => request.path === '/configuration/services/53661');
	expect(update).toMatchObject({ method: 'POST', body: { name: 'Renamed By n8n' } });
});

test('LiveVox Supervisor Call: launch, schedule a callback, list the calls not dialed', async () => {
	n8n.sandbox.livevox.reset();
	const output = await runWorkflow(
		chainWorkflow('lvSupervisor0001', 'LiveVox supervisor calls', [
			{
				name: 'Launch',
				type: `${PACKAGE_PREFIX}.liveVox`,
				parameters: { resource: 'supervisorCall', operation: 'launchManualCalls', serviceId: { __rl: true, mode: 'id', value: '21429' }, phoneNumber: '(415) 555-0199', callFields: { account: 'A-1' } },
				credentials: { liveVoxApi: liveVox },
			},
			{
				name: 'Callback',
				type: `${PACKAGE_PREFIX}.liveVox`,
				parameters: { resource: 'supervisorCall', operation: 'scheduleCallback', serviceId: { __rl: true, mode: 'id', value: '112231' }, phoneNumber: '4158149720', when: 'asap' },
				credentials: { liveVoxApi: liveVox },
			},
			{
				name: 'Not Dialed',
				type: `${PACKAGE_PREFIX}.liveVox`,
				parameters: { resource: 'supervisorCall', operation: 'getNonAttemptedCalls', serviceIds: '21429, 50123' },
				credentials: { liveVoxApi: liveVox },
			},
		]),
	);
	expect(nodeOutput(output, 'Launch')).toEqual([{ serviceId: 21429, status: 'submitted', batch: 1, callEntry: { phoneNumber: '4155550199', account: 'A-1' } }]);
	const notDialed = nodeOutput(output, 'Not Dialed');
	// The number launched is on the sandbox's Do Not Call list (code 1000); 50123 holds the documentation's example.
	expect(notDialed.map((call) => [call.serviceId, call.phoneNumber, call.errorCode])).toEqual([
		[21429, '4155550199', 1000],
		[50123, expect.any(String), expect.any(Number)],
	]);
	expect(nodeOutput(output, 'Callback')).toEqual([
		{ serviceId: 112231, scheduled: true, scheduledFor: 'as soon as possible', callback: { phoneNumber: '4158149720' } },
	]);
	expect(n8n.sandbox.livevox.supervisor.callbacks).toEqual([expect.objectContaining({ serviceId: 112231, phoneNumber: '4158149720' })]);
	// reset() ended the session stored in the credential: requests sent with it get 401 (nothing
	// launched) and n8n logs in again. What LiveVox accepted, in order:
	const accepted = n8n.sandbox.requests.filter((request) => request.status < 400).map((request) => `${request.vendor} ${request.method} ${request.path}`);
	expect(n8n.sandbox.livevox.supervisor.queuedCalls(21429)).toEqual([]);
	expect(accepted.filter((call) => call.includes('/callControl/'))).toEqual([
		'livevox POST /callControl/supervisor/calls/21429/LaunchManualCalls',
		'livevox POST /callControl/supervisor/calls/112231/ScheduleCallback',
		'livevox GET /callControl/supervisor/calls/21429/GetNonAttemptedManualCalls',
		'livevox GET /callControl/supervisor/calls/50123/GetNonAttemptedManualCalls',
	]);
});

test('Netaxis APIO: statistics reporting settings, read then updated (read, merged, PUT)', async () => {
	const callCenter = {
		tenantId: { __rl: true, mode: 'id', value: 'foo' },
		groupId: { __rl: true, mode: 'id', value: 'foogroup' },
		callCenter: { __rl: true, mode: 'name', value: 'APIOTestCCPremium@sip.netaxis.be' },
	};
	const output = await runWorkflow(
		chainWorkflow('apioSettings0001', 'APIO reporting settings', [
			{ name: 'Get Settings', type: `${PACKAGE_PREFIX}.netaxisApio`, parameters: { resource: 'callCenter', operation: 'getReportingSettings', ...callCenter }, credentials: { netaxisApioApi: apio } },
			{
				name: 'Update Settings',
				type: `${PACKAGE_PREFIX}.netaxisApio`,
				parameters: { resource: 'callCenter', operation: 'updateReportingSettings', ...callCenter, updateFields: { collectionPeriodMinutes: 60 } },
				credentials: { netaxisApioApi: apio },
			},
		]),
	);
	const [before] = nodeOutput(output, 'Get Settings');
	const [after] = nodeOutput(output, 'Update Settings');
	expect(before.callCenter).toBe('APIOTestCCPremium@sip.netaxis.be');
	expect(after).toEqual({ ...before, collectionPeriodMinutes: 60 });
	const settingsPath = '/api/v1/tenants/foo/groups/foogroup/services/call_centers/APIOTestCCPremium%40sip.netaxis.be/instance_statistics_reporting/';
	const apioCalls = n8n.sandbox.requests.filter((request) => request.path === settingsPath).map((request) => request.method);
	expect(apioCalls).toEqual(['GET', 'GET', 'PUT']);
	const put = n8n.sandbox.requests.find((request) => request.method === 'PUT');
	expect(put?.body).toMatchObject({ collectionPeriodMinutes: 60 });
});
