/**
 * Queue mode, the LiveVox Trigger on the main (n8n polls active workflows there; each poll that
 * finds something starts an execution a worker runs): each threshold crossing and each new
 * non-attempted call is announced exactly once across a restart of the main in the middle of
 * a poll (the main stopped while LiveVox has not answered the poll yet).
 *
 * What n8n 2.8.4 keeps of the trigger's memory (the workflow's static data) is what it saved
 * when a poll emitted (dist/active-workflow-manager.js:220, before the execution starts); a
 * poll that emits nothing is not saved, nor is anything at shutdown. Durable poll cursors
 * (N8N_POLLER_DURABLE_CURSORS_ENABLED) only exist from 2.36, and there act only with n8n's
 * scheduler on (N8N_SCHEDULER_ENABLED, N8N_SCHEDULER_POLL_TRIGGERS_ENABLED, both off by
 * default), so 2.41.1 polls here as 2.8.4 does. README "Queue mode" says what follows for the
 * first poll after a restart.
 */
import type { RecordedRequest } from '../../test/sandbox/server';
import type { QueueN8n } from './queueSetup';
import { startQueueN8n } from './queueSetup';
import { LIVEVOX, parseRunData } from './queueWorkflows';

const SERVICE_ID = 21429;
const QUEUE_PATH = `/callControl/supervisor/calls/queue/${SERVICE_ID}`;
const NOT_DIALED_PATH = `/callControl/supervisor/calls/${SERVICE_ID}/GetNonAttemptedManualCalls`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function triggerWorkflow(id: string, parameters: Record<string, unknown>) {
	return {
		id,
		name: `Queue trigger ${id}`,
		active: false,
		nodes: [
			// Both workflows poll at second 0 of each minute: 'everyMinute' gives each workflow a random
			// second (n8n-workflow's toCronExpression), so the two one-shot 30 s delays below would
			// hold both polls at once only when those seconds fell less than 30 s apart.
			{ id: `${id}-t`, name: 'Trigger', type: 'n8n-nodes-callcenter.liveVoxTrigger', typeVersion: 1, position: [0, 0], parameters: { pollTimes: { item: [{ mode: 'custom', cronExpression: '0 * * * * *' }] }, serviceIds: String(SERVICE_ID), ...parameters }, credentials: LIVEVOX },
			{ id: `${id}-n`, name: 'Announced', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { Trigger: { main: [[{ node: 'Announced', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

const THRESHOLD = triggerWorkflow('qTriggerQueue001', {
	event: 'queueThreshold',
	thresholds: { threshold: [{ metric: 'callsOnHold', condition: 'atOrAbove', value: 5 }] },
	notifyOnRecovery: true,
});
const NOT_DIALED = triggerWorkflow('qTriggerCalls001', { event: 'nonAttemptedCall', options: {} });

let n8n: QueueN8n;

beforeAll(async () => {
	n8n = await startQueueN8n({
		workflows: [THRESHOLD, NOT_DIALED],
		publish: [THRESHOLD.id, NOT_DIALED.id],
		// Durable poll cursors where the n8n has them (from 2.36, with its scheduler on); 2.8.4 does not know the variable.
		env: { N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true' },
	});
});
afterAll(async () => {
	const cluster = n8n?.cluster;
	await n8n?.close();
	// Nothing left behind: no database, no key under the cluster's prefix, no process.
	if (cluster) expect(await cluster.leftovers()).toEqual({ database: false, redisKeys: [], processGroups: [] });
});

const polls = (path: string) => n8n.sandbox.requests.filter((request) => request.path === path);

/** Waits (bounded: n8n polls once a minute) until `count` more polls of `path` have been answered. */
async function waitForPolls(path: string, count: number): Promise<RecordedRequest[]> {
	const before = polls(path).filter((request) => request.status > 0).length;
	for (let attempt = 0; attempt < 200; attempt++) {
		const answered = polls(path).filter((request) => request.status > 0);
		if (answered.length >= before + count) return answered;
		await pause(1000);
	}
	throw new Error(`n8n did not poll ${path} ${count} more times within 200 s`);
}

/** What each finished execution of a workflow announced (the trigger's items), in order. */
async function announcements(workflowId: string): Promise<Array<Record<string, unknown>>> {
	const executions = (await n8n.cluster.executions()).filter((execution) => execution.workflowId === workflowId);
	const items: Array<Record<string, unknown>> = [];
	for (const execution of executions) {
		expect(await n8n.waitForExecution(execution.id)).toBe('success');
		expect(execution.mode).toBe('trigger');
		expect(n8n.cluster.workerOf(execution.id)).toMatch(/^worker\d$/);
		const session = n8n.cluster.session;
		if (!session) throw new Error('n8n is not running');
		const runData = parseRunData((await session.get<{ data: string }>(`executions/${execution.id}`)).data, n8n.cluster.installDir);
		items.push(...(runData.resultData.runData.Trigger?.[0]?.data?.main[0]?.map((item) => item.json) ?? []));
	}
	return items;
}

function failedCall(transactionId: number, phoneNumber: string) {
	n8n.sandbox.livevox.supervisor.addNonAttempted(SERVICE_ID, { transactionId, phoneNumber, errorCode: 1000, failedAt: Date.now() });
}

test('threshold crossings and new non-attempted calls: each announced once across a restart of the main in the middle of a poll', async () => {
	const { supervisor } = n8n.sandbox.livevox;
	// First polls: the queue under the threshold, the calls LiveVox already lists taken as the baseline.
	await Promise.all([waitForPolls(QUEUE_PATH, 1), waitForPolls(NOT_DIALED_PATH, 1)]);
	supervisor.setQueueStats(SERVICE_ID, { callsOnHold: 7 });
	failedCall(900001, '4155550101');
	await Promise.all([waitForPolls(QUEUE_PATH, 1), waitForPolls(NOT_DIALED_PATH, 1)]);
	await pause(3000);

	// The next poll finds new events, and the main stops before LiveVox answers it.
	supervisor.setQueueStats(SERVICE_ID, { callsOnHold: 1 });
	failedCall(900002, '4155550102');
	n8n.sandbox.faults.add({ vendor: 'livevox', method: 'GET', path: QUEUE_PATH, fault: { kind: 'delay', ms: 30_000 } });
	n8n.sandbox.faults.add({ vendor: 'livevox', method: 'GET', path: NOT_DIALED_PATH, fault: { kind: 'delay', ms: 30_000 } });
	const inFlight = (path: string) => polls(path).some((request) => request.status === 0 && n8n.senderOf(request) === 'main');
	for (let attempt = 0; attempt < 200 && !(inFlight(QUEUE_PATH) && inFlight(NOT_DIALED_PATH)); attempt++) await pause(500);
	expect(inFlight(QUEUE_PATH) && inFlight(NOT_DIALED_PATH)).toBe(true);
	await n8n.cluster.restartMain();

	// After the restart: the poll that was cut is made again, then one more with nothing new.
	await Promise.all([waitForPolls(QUEUE_PATH, 2), waitForPolls(NOT_DIALED_PATH, 2)]);
	await pause(5000);
	const sentBy = new Set([...polls(QUEUE_PATH), ...polls(NOT_DIALED_PATH)].map((request) => n8n.senderOf(request)));
	expect(sentBy).toEqual(new Set(['main']));

	const queueEvents = await announcements(THRESHOLD.id);
	expect(queueEvents.map((event) => [event.event, event.value])).toEqual([
		['thresholdCrossed', 7],
		['thresholdRecovered', 1],
	]);
	const calls = await announcements(NOT_DIALED.id);
	expect(calls.map((call) => call.phoneNumber)).toEqual(['4155550101', '4155550102']);
});
