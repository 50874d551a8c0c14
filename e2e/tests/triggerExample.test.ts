/**
 * The trigger examples in a running n8n: `n8n execute` only starts from a Manual Trigger, so
 * the triggers are checked as users run them — the workflows published (active) in one started
 * n8n. The queue alert: the sandbox queue made to cross the threshold, and the execution n8n
 * starts seen to appear with the alert in it; then the editor's Execute workflow on it, which
 * gives a test item (n8n polls at most once a minute: this takes minutes). The ordered
 * disposition: the sandbox's webhook sender posts two dispositions of a sandbox call, and only
 * the ordered one starts an execution, which reads the record and the CDR.
 */
import type { ExecutionSummary } from '../../scripts/realN8n/executions';
import { executionsOf, runDataOf, waitForExecutions } from '../../scripts/realN8n/executions';
import type { N8nServer } from '../../scripts/realN8n/n8nServer';
import { RestSession } from '../../scripts/realN8n/n8nServer';
import { sandboxCredentials } from '../../scripts/realN8n/sandboxCredentials';
import { sandboxIds } from '../../test/sandbox/guide';
import { sandboxCallDisposition } from '../../test/sandbox/vcclive/webhookPayloads';
import { VccLiveWebhookSender } from '../../test/sandbox/vcclive/webhookSender';
import type { Workflow } from './exampleWorkflows';
import { loadExample, testCopy } from './exampleWorkflows';
import type { RealN8n } from './realN8nSetup';
import { publishAndServe, startRealN8n } from './realN8nSetup';

const WORKFLOW_ID = 'exTestQueueAlert01';
const SERVICE_ID = 21429;
const DISPOSITION_ID = 'exTestVccOrdered01';

let n8n: RealN8n;
let server: N8nServer | undefined;
let disposition: Workflow;

afterAll(async () => {
	await server?.stop();
	await n8n?.close();
});

test('queue alert: published in a running n8n, the sandbox crosses the threshold and comes back, and one execution for each appears', async () => {
	n8n = await startRealN8n();
	await n8n.cli.importCredentials(sandboxCredentials(n8n.sandbox));
	const workflow = testCopy(loadExample('livevox-queue-alert.json'), WORKFLOW_ID);
	disposition = testCopy(loadExample('vcclive-ordered-disposition-to-slack-and-sheet.json'), DISPOSITION_ID);
	// Publishing is what the editor's "Publish" (activate) does; a running n8n activates what is published at start.
	const published = await publishAndServe(n8n, workflow, disposition);
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

test('ordered disposition: of two dispositions of a sandbox call, the ordered one starts the workflow; the record and the CDR reach Slack and the sheet', async () => {
	if (!server) throw new Error('the n8n of the first test did not start');
	const session = await RestSession.logIn(server.url);
	const { exampleCall } = sandboxIds(n8n.sandbox).vcclive;
	const [trigger] = disposition.nodes.filter((node) => node.type === 'n8n-nodes-callcenter.vccLiveTrigger');
	const sender = new VccLiveWebhookSender(`${server.url}/webhook/${String(trigger.webhookId)}/webhook`);
	n8n.sandbox.clearRequests();

	// VCC Live is answered 200 either way; the trigger's Assessment filter keeps only "ordered".
	const success = await sender.send('callDisposition', {}, sandboxCallDisposition(exampleCall.uuid, 'success'));
	const ordered = await sender.send('callDisposition', {}, sandboxCallDisposition(exampleCall.uuid, 'ordered'));
	expect([success.status, success.body, ordered.status, ordered.body]).toEqual([200, '', 200, '']);

	const executions = await waitForExecutions(session, DISPOSITION_ID, 1);
	expect(executions).toEqual([expect.objectContaining({ mode: 'webhook', status: 'success' })]);
	// The Record Get and CDR Get requests of that one execution, nothing for the filtered-out disposition.
	const asked = n8n.sandbox.requests.filter((request) => request.vendor === 'vcclive').map((request) => [request.method, request.path, request.status]);
	expect(asked).toEqual([
		['GET', `/v2/projects/${exampleCall.projectId}/records/${exampleCall.recordId}`, 200],
		['GET', `/v2/cdr/2024/04/${exampleCall.uuid}`, 200],
	]);

	const runData = (await runDataOf(session, executions[0].id)).resultData.runData;
	const only = (node: string) => (runData[node]?.[0].data?.main[0] ?? []).map((item) => item.json);
	const [event] = only('Ordered Disposition');
	expect(event).toMatchObject({ event: 'callDisposition', assessment: 'ordered', callId: exampleCall.uuid, recordId: exampleCall.recordId });
	const [record] = only('Record Details');
	const [cdr] = only('Call CDR');
	expect(cdr).toMatchObject({ uuid: exampleCall.uuid, numberid: exampleCall.recordId });
	const contact = (record.contacts as Record<string, Record<string, string>>).phone1;
	expect(contact).toMatchObject({ name: `Customer ${exampleCall.recordId}` });

	// What the sheet would have been given (the test copy's local end node): one row, these columns.
	expect(only('Append to Sheet')).toEqual([
		{
			'Ordered At': event.dispositionTime,
			Project: exampleCall.projectId,
			Record: exampleCall.recordId,
			Customer: contact.name,
			Phone: contact.phone,
			Email: contact.email,
			Agent: event.agentName,
			'Agent Comment': event.agentComment,
			'Call UUID': exampleCall.uuid,
			'Call Time': cdr.billing_ts,
			Direction: cdr.direction,
			'Billed Time (s)': cdr.billingtime,
		},
	]);
	// And what Slack would have been sent: the record's contact, the agent, the call.
	expect(only('Send to Slack')).toEqual([
		{
			text:
				':tada: Order: Customer 21403 (36200021403), record 21403 of project 214, set by Anna Agent at 2024-04-01 13:06:59. ' +
				'Call 20240401-0214-4000-8000-000000000005: outbound, 2024-04-01 13:05:00, 119 s billed. Comment: Customer asked for a callback',
		},
	]);
});
