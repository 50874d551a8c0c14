/**
 * Queue mode, a worker SIGKILLed in the middle of an execution: in the middle of a 90-day Call
 * Event Recovery pull, and while Launch Manual Calls waits for LiveVox's answer (the launch
 * already accepted by LiveVox). What n8n 2.8.4 does with the execution, and whether any
 * process runs it again (a call dialed twice).
 *
 * n8n 2.8.4 cannot run such a job twice (README "Queue mode"): its Bull queue is created with
 * `maxStalledCount: 0` (n8n dist/scaling/scaling.service.js:89), so Bull's stalled-job check
 * fails a job whose worker died instead of putting it back in the queue
 * (bull 4.16.4 lib/commands/moveStalledJobsToWait-7.lua:79-89); the main then records the
 * execution as failed (dist/workflow-runner.js:311-327), and a worker never runs an execution
 * recorded as crashed (dist/scaling/job-processor.js:80). This test shows it end to end.
 */
import type { RecordedRequest } from '../../test/sandbox/server';
import { runDataOf } from '../../scripts/realN8n/executions';
import type { QueueN8n } from './queueSetup';
import { startQueueN8n } from './queueSetup';
import { callEventsWorkflow, launchWorkflow } from './queueWorkflows';

const CALL_EVENTS = callEventsWorkflow('qCallEvents90day', 90);
const LAUNCH = launchWorkflow('qLaunchKilled001', '4155550142');
const LAUNCH_PATH = '/callControl/supervisor/calls/21429/LaunchManualCalls';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let n8n: QueueN8n;

beforeAll(async () => {
	n8n = await startQueueN8n({
		workflows: [CALL_EVENTS, LAUNCH],
		// Bull notices a dead worker's job after the lock it held runs out (n8n's defaults: 60 s and a check every 30 s).
		env: { QUEUE_WORKER_LOCK_DURATION: '6000', QUEUE_WORKER_LOCK_RENEW_TIME: '3000', QUEUE_WORKER_STALLED_INTERVAL: '4000', N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1' },
	});
});
afterAll(async () => {
	const cluster = n8n?.cluster;
	await n8n?.close();
	// Nothing left behind: no database, no key under the cluster's prefix, no process.
	if (cluster) expect(await cluster.leftovers()).toEqual({ database: false, redisKeys: [], processGroups: [] });
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await pause(50);
	}
}

/**
 * Starts the workflow, waits for `midway` in the sandbox's log, SIGKILLs the worker that sent
 * that request, and follows the execution until n8n settles it; the killed worker is then
 * started again and given the time of several stalled-job checks, to see whether anything
 * picks the execution up again.
 */
async function killMidway(workflow: typeof LAUNCH, midway: (requests: RecordedRequest[]) => RecordedRequest | undefined) {
	n8n.sandbox.clearRequests();
	const executionId = await n8n.runFromEditor(workflow);
	let seen: RecordedRequest | undefined;
	await waitFor(() => (seen = midway(n8n.sandbox.requests)) !== undefined, 'the request to kill the worker after');
	const sender = n8n.senderOf(seen as RecordedRequest);
	const killed = n8n.cluster.workers.find((worker) => worker.name === sender);
	if (!killed) throw new Error(`The request came from ${sender}, not from a worker`);
	expect(n8n.cluster.workerOf(executionId)).toBe(killed.name);
	await killed.kill();
	const requestsAtKill = n8n.sandbox.requests.length;
	const status = await n8n.waitForExecution(executionId, 3 * 60_000);
	await killed.start();
	// Several stalled-job checks and a queue recovery pass with every worker up again.
	await pause(75_000);
	const survivors = n8n.cluster.workers.filter((worker) => worker !== killed);
	const [record] = (await n8n.cluster.executions()).filter((execution) => execution.id === executionId);
	const session = n8n.cluster.session as NonNullable<typeof n8n.cluster.session>;
	const error = (await runDataOf(session, executionId, n8n.cluster.installDir)).resultData.error?.message;
	return { executionId, status, record, killed, survivors, requestsAtKill, error };
}

test('a worker killed in the middle of a 90-day Call Event Recovery: the execution fails, no process runs it again', async () => {
	n8n.sandbox.setLatency(400);
	const windows = (requests: RecordedRequest[]) => requests.filter((request) => request.path === '/reporting/standard/callDetails');
	const outcome = await killMidway(CALL_EVENTS, (requests) => (windows(requests).length >= 4 ? windows(requests)[3] : undefined));
	n8n.sandbox.setLatency(0);
	process.stderr.write(`Killed mid Call Event Recovery: status ${outcome.status} (${outcome.error}), ${windows(n8n.sandbox.requests).length} of 30 windows asked\n`);
	expect(outcome.status).not.toBe('success');
	expect(outcome.record.status).toBe(outcome.status);
	expect(['error', 'crashed']).toContain(outcome.status);
	for (const worker of outcome.survivors) expect(worker.startedExecutions()).not.toContain(outcome.executionId);
	expect(outcome.killed.startedExecutions().filter((id) => id === outcome.executionId)).toHaveLength(1);
	// Nothing asked for the report after the kill: the 30 windows were never all asked.
	expect(n8n.sandbox.requests.slice(outcome.requestsAtKill)).toEqual([]);
	expect(windows(n8n.sandbox.requests).length).toBeLessThan(30);
});

test('a worker killed while Launch Manual Calls waits for LiveVox: the execution fails, the call is launched once', async () => {
	// LiveVox takes the launch at once and answers two minutes later: the worker dies with the call launched.
	n8n.sandbox.faults.add({ vendor: 'livevox', method: 'POST', path: LAUNCH_PATH, fault: { kind: 'delay', ms: 120_000 } });
	const launches = (requests: RecordedRequest[]) => requests.filter((request) => request.path === LAUNCH_PATH && request.handledStatus !== undefined);
	const outcome = await killMidway(LAUNCH, (requests) => launches(requests)[0]);
	process.stderr.write(`Killed mid Launch Manual Calls: status ${outcome.status} (${outcome.error}), launches ${launches(n8n.sandbox.requests).length}\n`);
	expect(['error', 'crashed']).toContain(outcome.status);
	for (const worker of outcome.survivors) expect(worker.startedExecutions()).not.toContain(outcome.executionId);
	expect(outcome.killed.startedExecutions().filter((id) => id === outcome.executionId)).toHaveLength(1);
	// The sandbox's count: LiveVox got the launch once, and the call is queued once.
	expect(launches(n8n.sandbox.requests)).toHaveLength(1);
	// LiveVox accepted it (204 No Content): the call was launched before the worker died.
	expect(launches(n8n.sandbox.requests)[0].handledStatus).toBe(204);
	expect(n8n.sandbox.livevox.supervisor.queuedCalls(21429).filter((call) => call.phoneNumber === '4155550142')).toHaveLength(1);
});
