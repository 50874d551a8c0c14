/**
 * The queue-alert example in a running n8n: `n8n execute` only starts from a Manual Trigger,
 * so the LiveVox Trigger is checked as users run it — the workflow published (active) in a
 * started n8n, the sandbox queue made to cross the threshold, and the execution n8n starts
 * seen to appear with the alert in it; then the editor's Execute workflow on it, which gives a
 * test item. n8n polls at most once a minute: this takes minutes.
 */
import type { ExecutionSummary } from '../../scripts/realN8n/executions';
import { executionsOf, runDataOf, waitForExecutions } from '../../scripts/realN8n/executions';
import type { N8nServer } from '../../scripts/realN8n/n8nServer';
import { RestSession } from '../../scripts/realN8n/n8nServer';
import { sandboxCredentials } from '../../scripts/realN8n/sandboxCredentials';
import { loadExample, testCopy } from './exampleWorkflows';
import type { RealN8n } from './realN8nSetup';
import { publishAndServe, startRealN8n } from './realN8nSetup';

const WORKFLOW_ID = 'exTestQueueAlert01';
const SERVICE_ID = 21429;

let n8n: RealN8n;
let server: N8nServer | undefined;

afterAll(async () => {
	await server?.stop();
	await n8n?.close();
});

test('queue alert: published in a running n8n, the sandbox crosses the threshold and comes back, and one execution for each appears', async () => {
	n8n = await startRealN8n();
	await n8n.cli.importCredentials(sandboxCredentials(n8n.sandbox));
	const workflow = testCopy(loadExample('livevox-queue-alert.json'), WORKFLOW_ID);
	// Publishing is what the editor's "Publish" (activate) does; a running n8n activates what is published at start.
	const published = await publishAndServe(n8n, workflow);
	server = published.server;
	const { session } = published;
	const active = await session.get<{ active: boolean; activeVersionId?: string | null }>(`workflows/${WORKFLOW_ID}`);
	expect(active.active).toBe(true);

	// The sandbox queue starts with 2 calls on hold, under the threshold of 5: polls find nothing.
	expect(n8n.sandbox.livevox.supervisor.stats(SERVICE_ID)?.callsOnHold).toBe(2);
	n8n.sandbox.livevox.supervisor.setQueueStats(SERVICE_ID, { callsOnHold: 7 });

	const [execution, ...others] = await waitForExecutions(session, WORKFLOW_ID, 1);
	expect(execution).toMatchObject({ workflowId: WORKFLOW_ID, mode: 'trigger', status: 'success' });
	expect(others).toEqual([]);
	const polls = n8n.sandbox.requests.filter((request) => request.path === `/callControl/supervisor/calls/queue/${SERVICE_ID}`);
	expect(polls.length).toBeGreaterThan(0);

	const runData = (await runDataOf(session, execution.id)).resultData.runData;
	const [crossing] = runData['Calls on Hold ≥ 5'][0].data?.main[0] ?? [];
	expect(crossing.json).toMatchObject({ event: 'thresholdCrossed', beyondThreshold: true, serviceId: SERVICE_ID, metric: 'callsOnHold', threshold: 5, value: 7 });
	expect(crossing.json.testEvent).toBeUndefined();
	const [alert] = runData['Alert Text'][0].data?.main[0] ?? [];
	expect(alert.json).toMatchObject({ event: 'thresholdCrossed', serviceId: SERVICE_ID });
	expect(alert.json.text).toMatch(/^:rotating_light: Queue alert: service 21429 has 7 calls on hold \(threshold 5\), 7 agents available, 8 calls in progress\. Checked \d{4}-/);
	// What Slack would have been sent (the test copy's local end node).
	expect(runData['Send to Slack'][0].data?.main[0][0].json).toEqual(alert.json);

	// Back under the threshold: one more execution (Notify on Recovery), and no repeat of the alert.
	n8n.sandbox.livevox.supervisor.setQueueStats(SERVICE_ID, { callsOnHold: 1 });
	const afterRecovery = await waitForExecutions(session, WORKFLOW_ID, 2);
	expect(afterRecovery).toHaveLength(2);
	const recovery = afterRecovery.find((candidate) => candidate.id !== execution.id) as ExecutionSummary;
	expect(recovery).toMatchObject({ mode: 'trigger', status: 'success' });
	const recoveryRun = (await runDataOf(session, recovery.id)).resultData.runData;
	const [recovered] = recoveryRun['Alert Text'][0].data?.main[0] ?? [];
	expect(recovered.json.event).toBe('thresholdRecovered');
	expect(recovered.json.text).toMatch(/^:white_check_mark: Queue back to normal: service 21429 has 1 calls on hold \(threshold 5\)/);
});

test('Execute workflow in the editor (a manual run from the trigger): the queue as it stands, written as a test, not an alert or a recovery', async () => {
	if (!server) throw new Error('the n8n of the test above did not start');
	const session = await RestSession.logIn(server.url);
	const workflow = await session.get<Record<string, unknown>>(`workflows/${WORKFLOW_ID}`);
	// What the editor's button sends: the workflow, started from its trigger.
	const { executionId } = await session.post<{ executionId: string }>(`workflows/${WORKFLOW_ID}/run`, {
		workflowData: workflow,
		triggerToStartFrom: { name: 'Calls on Hold ≥ 5' },
	});
	let manual: ExecutionSummary | undefined;
	for (let attempt = 0; attempt < 40 && !manual; attempt++) {
		manual = (await executionsOf(session, WORKFLOW_ID)).find(
			(execution) => execution.id === executionId && execution.status !== 'running' && execution.status !== 'new',
		);
		if (!manual) await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	expect(manual).toMatchObject({ mode: 'manual', status: 'success' });
	const runData = (await runDataOf(session, executionId)).resultData.runData;
	const [state] = runData['Calls on Hold ≥ 5'][0].data?.main[0] ?? [];
	// The test above left 1 call on hold: within the threshold, yet no recovery.
	expect(state.json).toMatchObject({ event: 'currentState', testEvent: true, beyondThreshold: false, serviceId: SERVICE_ID, value: 1 });
	const [text] = runData['Alert Text'][0].data?.main[0] ?? [];
	expect(text.json.text).toMatch(/^:test_tube: Test event, not an alert \(the threshold is not crossed now\): service 21429 has 1 calls on hold \(threshold 5\)/);
});
