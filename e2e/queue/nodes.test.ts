/**
 * Queue mode: every node and resource of the package runs on a worker. Each workflow is
 * started as the editor starts it (POST /rest/workflows/:id/run, offloaded to the workers) or
 * by its production webhook on the main; n8n's record says which worker ran it ("Worker started
 * execution"), and every request the sandbox got for it came from that worker's process.
 */
import { outputOf, runDataOf } from '../../scripts/realN8n/executions';
import type { QueueN8n } from './queueSetup';
import { startQueueN8n } from './queueSetup';
import {
	agentSummaryWorkflow,
	apioWorkflow,
	callEventsWorkflow,
	servicesWorkflow,
	supervisorWorkflow,
	vccLiveWorkflow,
	webhookWorkflow,
} from './queueWorkflows';

const WEBHOOK = webhookWorkflow('qWebhookStats001', 'callcenter-queue-stats');
const callEvents = callEventsWorkflow('qCallEvents00001', 5);
const EDITOR_RUNS = [
	{ workflow: servicesWorkflow, node: 'Get General', vendor: 'livevox' },
	{ workflow: agentSummaryWorkflow, node: 'Agent Summary', vendor: 'livevox' },
	{ workflow: callEvents, node: 'Call Events', vendor: 'livevox' },
	{ workflow: supervisorWorkflow, node: 'Not Dialed', vendor: 'livevox' },
	{ workflow: vccLiveWorkflow, node: 'Inbound', vendor: 'vcclive' },
	{ workflow: apioWorkflow(), node: 'Statistics', vendor: 'apio' },
];

let n8n: QueueN8n;

beforeAll(async () => {
	n8n = await startQueueN8n({ workflows: [...EDITOR_RUNS.map((run) => run.workflow), WEBHOOK], publish: [WEBHOOK.id] });
});
afterAll(async () => {
	const cluster = n8n?.cluster;
	await n8n?.close();
	// Nothing left behind: no database, no key under the cluster's prefix, no process.
	if (cluster) expect(await cluster.leftovers()).toEqual({ database: false, redisKeys: [], processGroups: [] });
});

async function executionData(executionId: string) {
	const session = n8n.cluster.session;
	if (!session) throw new Error('n8n is not running');
	return await runDataOf(session, executionId, n8n.cluster.installDir);
}

test.each(EDITOR_RUNS)('$workflow.name: started from the editor, run by a worker, every request from that worker', async ({ workflow, node, vendor }) => {
	n8n.sandbox.clearRequests();
	const executionId = await n8n.runFromEditor(workflow);
	expect(await n8n.waitForExecution(executionId)).toBe('success');
	const worker = n8n.cluster.workerOf(executionId);
	expect(worker).toMatch(/^worker\d$/);
	const requests = n8n.sandbox.requests.filter((request) => request.vendor === vendor);
	expect(requests.length).toBeGreaterThan(0);
	expect(new Set(n8n.sandbox.requests.map((request) => n8n.senderOf(request)))).toEqual(new Set([worker]));
	const runData = await executionData(executionId);
	expect(runData.resultData.error).toBeUndefined();
	expect(outputOf(runData, node).length).toBeGreaterThan(0);
	const [record] = (await n8n.cluster.executions()).filter((execution) => execution.id === executionId);
	expect(record).toMatchObject({ workflowId: workflow.id, mode: 'manual', status: 'success', finished: true });
});

test('a production webhook on the main: the execution runs on a worker, its answer comes back through the main', async () => {
	n8n.sandbox.clearRequests();
	const before = new Set((await n8n.cluster.executions()).map((execution) => execution.id));
	const answer = await fetch(`${n8n.cluster.url}/webhook/callcenter-queue-stats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
	expect(answer.status).toBe(200);
	expect(await answer.json()).toEqual({ serviceId: 21429, availableAgents: 7, callsOnHold: 2, callsToBeLaunched: 14, callsInProgress: 8, maxAgents: 26 });
	const [execution] = (await n8n.cluster.executions()).filter((candidate) => !before.has(candidate.id));
	expect(execution).toMatchObject({ workflowId: WEBHOOK.id, mode: 'webhook' });
	expect(await n8n.waitForExecution(execution.id)).toBe('success');
	const worker = n8n.cluster.workerOf(execution.id);
	expect(worker).toMatch(/^worker\d$/);
	const polls = n8n.sandbox.requests.filter((request) => request.path === '/callControl/supervisor/calls/queue/21429');
	expect(polls).toHaveLength(1);
	expect(new Set(n8n.sandbox.requests.map((request) => n8n.senderOf(request)))).toEqual(new Set([worker]));
});
