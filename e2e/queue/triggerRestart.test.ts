/**
 * Queue mode, the LiveVox Trigger on the main (n8n polls active workflows there; each poll that
 * finds something starts an execution a worker runs): each threshold crossing and each new
 * non-attempted call is announced exactly once across a restart of the main in the middle of
 * a poll (the main stopped while LiveVox has not answered the poll yet).
 *
 * Where the trigger's memory is kept depends on the n8n. With durable poll cursors (n8n 2.36
 * and later, turned on by the harness: scripts/realN8n/queueCluster.ts), n8n's durable
 * scheduler runs the polls and keeps the memory in its poller_state table, committed with the
 * execution a poll starts and after a poll that finds nothing. Without them (n8n 2.8.4), it is
 * the workflow's static data, saved after the workflow's activation (and the first poll it
 * makes then) and when a poll emits, not after a scheduled poll that finds nothing. The test
 * reads it where each keeps it, and a threshold workflow without Notify on Recovery shows what
 * a restart then loses. README "Queue mode" says more.
 */
import type { RecordedRequest } from '../../test/sandbox/server';
import { runDataOf } from '../../scripts/realN8n/executions';
import type { QueueN8n } from './queueSetup';
import { startQueueN8n } from './queueSetup';
import { LIVEVOX } from './queueWorkflows';

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

const thresholdWorkflow = (id: string, notifyOnRecovery: boolean) =>
	triggerWorkflow(id, { event: 'queueThreshold', thresholds: { threshold: [{ metric: 'callsOnHold', condition: 'atOrAbove', value: 5 }] }, notifyOnRecovery });
const THRESHOLD = thresholdWorkflow('qTriggerQueue001', true);
/** The same threshold without Notify on Recovery: its return under the threshold is a poll that announces nothing. */
const QUIET_RECOVERY = thresholdWorkflow('qTriggerQuiet001', false);
const NOT_DIALED = triggerWorkflow('qTriggerCalls001', { event: 'nonAttemptedCall', options: {} });

let n8n: QueueN8n;

beforeAll(async () => {
	n8n = await startQueueN8n({
		workflows: [THRESHOLD, QUIET_RECOVERY, NOT_DIALED],
		publish: [THRESHOLD.id, QUIET_RECOVERY.id, NOT_DIALED.id],
		durablePollCursors: true,
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
		const runData = await runDataOf(session, execution.id, n8n.cluster.installDir);
		items.push(...(runData.resultData.runData.Trigger?.[0]?.data?.main[0]?.map((item) => item.json) ?? []));
	}
	return items;
}

/**
 * The trigger's memory of a workflow as n8n keeps it: its poller_state cursor with durable poll
 * cursors, the node's static data (saved with the workflow) without.
 */
async function triggerMemory(workflow: typeof THRESHOLD): Promise<Record<string, unknown> | undefined> {
	const [trigger] = workflow.nodes;
	const parse = (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : (value as Record<string, unknown> | null));
	if (n8n.cluster.durablePollCursors) {
		const rows = await n8n.cluster.query<{ cursor: unknown }>('SELECT "cursor" FROM poller_state WHERE "workflowId" = $1 AND "nodeId" = $2', [workflow.id, trigger.id]);
		return rows.length === 1 ? (parse(rows[0].cursor) ?? undefined) : undefined;
	}
	const [row] = await n8n.cluster.query<{ staticData: unknown }>('SELECT "staticData" FROM workflow_entity WHERE id = $1', [workflow.id]);
	return (parse(row?.staticData) ?? {})[`node:${trigger.name}`] as Record<string, unknown> | undefined;
}

function failedCall(transactionId: number, phoneNumber: string) {
	n8n.sandbox.livevox.supervisor.addNonAttempted(SERVICE_ID, { transactionId, phoneNumber, errorCode: 1000, failedAt: Date.now() });
}

/** The trigger's memory of the queue for the threshold of both threshold workflows. */
const sides = (side: 'within' | 'beyond') => ({ queueSides: { [`${SERVICE_ID}:callsOnHold:atOrAbove:5`]: side } });

test('threshold crossings and new non-attempted calls: each announced once across a restart of the main in the middle of a poll', async () => {
	const { supervisor } = n8n.sandbox.livevox;
	// First polls (one per threshold workflow): the queue under the threshold, the calls LiveVox
	// already lists taken as the baseline. Both n8n keep that memory: the durable cursors commit
	// it; 2.8.4 saves the static data once the workflow is activated, after its first poll.
	await Promise.all([waitForPolls(QUEUE_PATH, 2), waitForPolls(NOT_DIALED_PATH, 1)]);
	for (let attempt = 0; attempt < 60 && (await triggerMemory(THRESHOLD)) === undefined; attempt++) await pause(500);
	expect(await triggerMemory(THRESHOLD)).toEqual(sides('within'));

	supervisor.setQueueStats(SERVICE_ID, { callsOnHold: 7 });
	failedCall(900001, '4155550101');
	await Promise.all([waitForPolls(QUEUE_PATH, 2), waitForPolls(NOT_DIALED_PATH, 1)]);
	await pause(3000);

	// Back under the threshold: announced by THRESHOLD; QUIET_RECOVERY's poll announces nothing,
	// and only the durable cursors keep what it learned (2.8.4 saves static data when a poll emits).
	supervisor.setQueueStats(SERVICE_ID, { callsOnHold: 1 });
	await waitForPolls(QUEUE_PATH, 2);
	await pause(3000);
	expect(await triggerMemory(QUIET_RECOVERY)).toEqual(sides(n8n.cluster.durablePollCursors ? 'within' : 'beyond'));

	// The next polls find new events, and the main stops before LiveVox answers them.
	supervisor.setQueueStats(SERVICE_ID, { callsOnHold: 8 });
	failedCall(900002, '4155550102');
	n8n.sandbox.faults.add({ vendor: 'livevox', method: 'GET', path: QUEUE_PATH, fault: { kind: 'delay', ms: 30_000 }, times: 2 });
	n8n.sandbox.faults.add({ vendor: 'livevox', method: 'GET', path: NOT_DIALED_PATH, fault: { kind: 'delay', ms: 30_000 } });
	const inFlight = (path: string) => polls(path).filter((request) => request.status === 0 && n8n.senderOf(request) === 'main').length;
	const allHeld = () => inFlight(QUEUE_PATH) === 2 && inFlight(NOT_DIALED_PATH) === 1;
	for (let attempt = 0; attempt < 200 && !allHeld(); attempt++) await pause(500);
	expect([inFlight(QUEUE_PATH), inFlight(NOT_DIALED_PATH)]).toEqual([2, 1]);
	await n8n.cluster.restartMain();

	// After the restart: the polls that were cut are made again, then one more with nothing new.
	await Promise.all([waitForPolls(QUEUE_PATH, 4), waitForPolls(NOT_DIALED_PATH, 2)]);
	await pause(5000);
	const sentBy = new Set([...polls(QUEUE_PATH), ...polls(NOT_DIALED_PATH)].map((request) => n8n.senderOf(request)));
	expect(sentBy).toEqual(new Set(['main']));

	const queueEvents = await announcements(THRESHOLD.id);
	expect(queueEvents.map((event) => [event.event, event.value])).toEqual([
		['thresholdCrossed', 7],
		['thresholdRecovered', 1],
		['thresholdCrossed', 8],
	]);
	const calls = await announcements(NOT_DIALED.id);
	expect(calls.map((call) => call.phoneNumber)).toEqual(['4155550101', '4155550102']);
	// Without Notify on Recovery, the second crossing is announced only where the quiet return
	// under the threshold was kept: 2.8.4 restarts from the memory of the first crossing.
	const quietEvents = await announcements(QUIET_RECOVERY.id);
	expect(quietEvents.map((event) => [event.event, event.value])).toEqual(n8n.cluster.durablePollCursors ? [['thresholdCrossed', 7], ['thresholdCrossed', 8]] : [['thresholdCrossed', 7]]);

	// The memory the next poll starts from, where this n8n keeps it: the queue over the
	// threshold, both calls handled.
	expect(await triggerMemory(THRESHOLD)).toEqual(sides('beyond'));
	const handled = Object.keys(((await triggerMemory(NOT_DIALED))?.failures ?? {}) as Record<string, number>);
	expect(handled.map((key) => key.split('|').slice(0, 3).join('|'))).toEqual(expect.arrayContaining([`${SERVICE_ID}|900001|4155550101`, `${SERVICE_ID}|900002|4155550102`]));
	if (n8n.cluster.durablePollCursors) {
		// n8n took the polls over with its durable scheduler, and did not turn the cursors off.
		const messages = n8n.cluster.main.logRecords().map((record) => record.message);
		expect(messages.filter((message) => /durable poll cursors stay disabled|cannot take over poll triggers/.test(message))).toEqual([]);
	}
});
