/**
 * Queue mode with the package installed on the main only (the editor shows the nodes) and not
 * on the worker: the execution fails on the worker with n8n's "Unrecognized node type", and
 * nothing reaches LiveVox. README "Queue mode" says how to avoid it.
 *
 * The worker fails such a job within about 100 ms of its queueing, and n8n removes a failed
 * job from Redis at once (2.41.1: N8N_EXECUTIONS_QUEUE_KEEP_LAST_FAILED, default 0,
 * dist/scaling/scaling.service.js:286-290; 2.8.4 always, :198-199). The main learns that a
 * job ended only from Bull's job.finished(), called after the job is queued and n8n's
 * workflowExecuteBefore hooks have run (dist/workflow-runner.js:504-523; 2.8.4 :291-310): it
 * listens for the queue's `failed` event and looks for the job among the failed ones
 * (bull 4.16.4 lib/job.js:481-524). A job that failed and was removed before that is never
 * seen, and the execution stays "running" (until n8n's queue recovery, every 180 minutes by
 * default, marks it crashed): on 2.41.1 the first execution of a cluster did so in some runs.
 * So the worker is started only once the main listens; it then takes the queued job.
 */
import { runDataOf } from '../../scripts/realN8n/executions';
import type { QueueN8n } from './queueSetup';
import { startQueueN8n } from './queueSetup';
import { agentSummaryWorkflow } from './queueWorkflows';

let n8n: QueueN8n;

beforeAll(async () => {
	n8n = await startQueueN8n({ workflows: [agentSummaryWorkflow], workers: 1, packageOnWorkers: false, startWorkers: false });
});
afterAll(async () => {
	const cluster = n8n?.cluster;
	await n8n?.close();
	// Nothing left behind: no database, no key under the cluster's prefix, no process.
	if (cluster) expect(await cluster.leftovers()).toEqual({ database: false, redisKeys: [], processGroups: [] });
});

test('a worker without the package: the execution fails with "Unrecognized node type", nothing is sent', async () => {
	n8n.sandbox.clearRequests();
	const executionId = await n8n.runFromEditor(agentSummaryWorkflow);
	// The worker starts only after the main listens for the job's end (its boot takes seconds).
	await n8n.cluster.untilMainAwaitsJobs();
	await n8n.cluster.workers[0].start();
	expect(await n8n.waitForExecution(executionId)).toBe('error');
	expect(n8n.cluster.workerOf(executionId)).toBe('worker1');
	const session = n8n.cluster.session as NonNullable<typeof n8n.cluster.session>;
	const runData = await runDataOf(session, executionId, n8n.cluster.installDir);
	expect(runData.resultData.error?.message).toMatch(/Unrecognized node type: n8n-nodes-callcenter\.liveVox/);
	expect(n8n.sandbox.requests).toEqual([]);
});
