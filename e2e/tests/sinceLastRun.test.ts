/**
 * Since Last Run in a running n8n: a published workflow, a Schedule Trigger every minute, APIO
 * statistics since the last run with the sandbox call center collecting every minute (the one
 * API of the three whose latest complete period is not a whole day, so that consecutive runs
 * can be seen within minutes). n8n itself loads the bookmark at each start and saves it after
 * each run: the ranges must meet exactly, a failed run be pulled again by the next, runs
 * missed while n8n was down be caught up in one, a manual run leave the bookmark alone, and
 * the counts of all runs equal one pull of the whole period. About seven minutes.
 */
import type { ExecutionSummary } from '../../scripts/realN8n/executions';
import { outputOf, runDataOf, waitForExecutions } from '../../scripts/realN8n/executions';
import type { RestSession } from '../../scripts/realN8n/n8nServer';
import { apioCredential, reference } from '../../scripts/realN8n/sandboxCredentials';
import { SEED } from '../../test/sandbox/apio';
import type { RealN8n, ServedN8n } from './realN8nSetup';
import { publishAndServe, startRealN8n } from './realN8nSetup';
import { PACKAGE_PREFIX } from './workflowBuilder';

const WORKFLOW_ID = 'sinceLastRunApio1';
const TRIGGER = 'Every Minute';
const STATISTICS = 'Statistics Since Last Run';

let n8n: RealN8n;
let served: ServedN8n | undefined;

afterAll(async () => {
	await served?.server.stop();
	await n8n?.close();
});

function scheduledWorkflow(credential: { id: string; name: string }) {
	return {
		id: WORKFLOW_ID,
		name: 'APIO statistics since last run, every minute',
		active: false,
		nodes: [
			{
				id: `${WORKFLOW_ID}-0`,
				name: TRIGGER,
				type: 'n8n-nodes-base.scheduleTrigger',
				typeVersion: 1.2,
				position: [0, 0],
				// At second 0 of every minute.
				parameters: { rule: { interval: [{ field: 'cronExpression', expression: '0 * * * * *' }] } },
			},
			{
				id: `${WORKFLOW_ID}-1`,
				name: STATISTICS,
				type: `${PACKAGE_PREFIX}.netaxisApio`,
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'callCenter',
					operation: 'getStatistics',
					tenantId: { __rl: true, mode: 'id', value: SEED.statistics.tenantId },
					groupId: { __rl: true, mode: 'id', value: SEED.statistics.groupId },
					callCenter: { __rl: true, mode: 'name', value: SEED.statistics.callCenter },
					period: 'sinceLastRun',
					sinceLastRun: {},
				},
				credentials: { netaxisApioApi: reference(credential) },
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: STATISTICS, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

interface PulledRange {
	execution: ExecutionSummary;
	queue?: Record<string, unknown>;
}

async function pulled(session: RestSession, executions: ExecutionSummary[]): Promise<PulledRange[]> {
	return await Promise.all(
		executions.map(async (execution) => ({
			execution,
			queue: outputOf(await runDataOf(session, execution.id), STATISTICS).find((row) => row.level === 'queue'),
		})),
	);
}

const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
const statisticsRequests = () => n8n.sandbox.requests.filter((request) => request.vendor === 'apio' && request.path.endsWith('/statistics/'));

test('every minute in a running n8n: contiguous ranges, a failed run pulled again, runs missed while n8n was down caught up, a manual run leaving the bookmark', async () => {
	n8n = await startRealN8n();
	n8n.sandbox.apio.callCenters.setSettings(SEED.statistics, { ...n8n.sandbox.apio.callCenters.settingsOf(SEED.statistics), collectionPeriodMinutes: 1 });
	const credential = apioCredential(n8n.sandbox);
	await n8n.cli.importCredentials([credential]);
	served = await publishAndServe(n8n, scheduledWorkflow(credential));
	let { session } = served;

	// The first run, then a run whose statistics request APIO refuses (nothing retries a 400), then one more.
	await waitForExecutions(session, WORKFLOW_ID, 1);
	n8n.sandbox.faults.add({ vendor: 'apio', path: /\/statistics\/$/, fault: { kind: 'status', status: 400, body: { message: 'Refused for the test' } } });
	await waitForExecutions(session, WORKFLOW_ID, 3);

	// The editor's Execute workflow: the first run's range, and the bookmark stays.
	const workflow = await session.get<Record<string, unknown>>(`workflows/${WORKFLOW_ID}`);
	const { executionId: manualId } = await session.post<{ executionId: string }>(`workflows/${WORKFLOW_ID}/run`, {
		workflowData: workflow,
		triggerToStartFrom: { name: TRIGGER },
	});

	// n8n down for two whole minutes: nothing runs; the run after the restart catches up.
	await waitForExecutions(session, WORKFLOW_ID, 4);
	await served.server.stop();
	await pause(125_000);
	served = await served.restart();
	({ session } = served);
	const executions = await waitForExecutions(session, WORKFLOW_ID, 5);

	const manual = executions.find((execution) => execution.id === manualId);
	expect(manual).toMatchObject({ mode: 'manual', status: 'success' });
	const scheduled = await pulled(session, executions.filter((execution) => execution.mode === 'trigger'));
	expect(scheduled.map(({ execution }) => execution.status).slice(0, 4)).toEqual(['success', 'error', 'success', 'success']);
	const succeeded = scheduled.filter(({ execution }) => execution.status === 'success').map(({ queue }) => queue as Record<string, unknown>);

	// Each successful run starts where the one before ended: nothing missed, nothing twice.
	for (let index = 1; index < succeeded.length; index++) {
		expect(succeeded[index].rangeStart).toBe(succeeded[index - 1].rangeEnd);
		expect(succeeded[index].bookmark).toBe('continued');
	}
	expect(succeeded[0].bookmark).toBe('firstRun');
	const minutes = (row: Record<string, unknown>) => (Date.parse(String(row.rangeEnd)) - Date.parse(String(row.rangeStart))) / 60_000;
	// The run after the failed one covers the failed run's minute too; the one after the restart the minutes n8n was down.
	expect(minutes(succeeded[1])).toBeGreaterThanOrEqual(2);
	expect(minutes(succeeded[2])).toBeGreaterThanOrEqual(3);
	const refused = statisticsRequests().filter((request) => request.status === 400);
	expect(refused).toHaveLength(1);
	expect((refused[0].body as { statisticsRange: { start: string } }).statisticsRange.start).toBe(succeeded[1].start);

	// The manual run pulled the first run's range (from the start of yesterday); that the bookmark
	// did not move shows in the run after it starting where the run before it ended (above).
	const [manualRow] = (await pulled(session, [manual as ExecutionSummary])).map(({ queue }) => queue as Record<string, unknown>);
	expect(manualRow.bookmark).toBe('manualRun');
	expect(manualRow.rangeStart).toMatch(/T00:00:00[-+]\d{2}:\d{2}$/);
	expect(Number(manualRow.caughtUpDays)).toBeGreaterThanOrEqual(1);
	expect(Number(manualRow.caughtUpDays)).toBeLessThan(2);

	// The counts of all runs are those of one pull of the whole period.
	const whole = n8n.sandbox.apio.callCenters.statistics(SEED.statistics, String(succeeded[0].start), String(succeeded[succeeded.length - 1].end)) as {
		queueStatistics: Record<string, number>;
	};
	for (const figure of ['callsAnswered', 'callsAbandoned', 'callsTransferred']) {
		const total = succeeded.reduce((sum, row) => sum + Number(row[figure]), 0);
		expect([figure, total]).toEqual([figure, whole.queueStatistics[figure]]);
	}
});
