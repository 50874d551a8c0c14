import { nodeOutput } from '../../scripts/realN8n/n8nCli';
import { apioCredential, liveVoxCredential, reference, vccLiveCredential } from '../../scripts/realN8n/sandboxCredentials';
import type { RealN8n } from './realN8nSetup';
import { startRealN8n } from './realN8nSetup';
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
	expect(calls()).toEqual([
		'livevox POST /session/login',
		'livevox GET /configuration/services',
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
	expect(inbound.map((request) => [request.query.from, request.query.to])).toEqual([
		['20240115', '20240131'],
		['20240201', '20240210'],
	]);
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
