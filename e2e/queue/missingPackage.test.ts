/**
 * Queue mode with the package installed on the main only (the editor shows the nodes) and not
 * on the worker: the execution fails on the worker with n8n's "Unrecognized node type", and
 * nothing reaches LiveVox. README "Queue mode" says how to avoid it.
 */
import { runDataOf } from '../../scripts/realN8n/executions';
import type { QueueN8n } from './queueSetup';
import { startQueueN8n } from './queueSetup';
import { agentSummaryWorkflow } from './queueWorkflows';

let n8n: QueueN8n;

// Once on n8n 2.41.1 (one of four runs of this file there) the execution was still "running"
// after five minutes instead of failing at once; the cause is not known. The test is tried a
// second time on the same cluster, its first failure printed, so that a recurrence is seen.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

beforeAll(async () => {
	n8n = await startQueueN8n({ workflows: [agentSummaryWorkflow], workers: 1, packageOnWorkers: false });
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
	expect(await n8n.waitForExecution(executionId)).toBe('error');
	expect(n8n.cluster.workerOf(executionId)).toBe('worker1');
	const session = n8n.cluster.session as NonNullable<typeof n8n.cluster.session>;
	const runData = await runDataOf(session, executionId, n8n.cluster.installDir);
	expect(runData.resultData.error?.message).toMatch(/Unrecognized node type: n8n-nodes-callcenter\.liveVox/);
	expect(n8n.sandbox.requests).toEqual([]);
});
