/**
 * Queue mode, one LiveVox credential and one APIO credential shared by many executions at once
 * over two workers, with the LiveVox session and the APIO token ended in the middle of the run:
 * no execution fails, and the logins are counted per worker, before and after the expiry
 * (printed): at most one per worker for its first session and one per worker per expiry.
 */
import type { RecordedRequest } from '../../test/sandbox/server';
import type { QueueN8n } from './queueSetup';
import { startQueueN8n } from './queueSetup';
import { apioWorkflow, servicesWorkflow } from './queueWorkflows';

const RUNS_PER_VENDOR = 24;
const LIVEVOX_CALLS_PER_RUN = 3; // services list, its size, one service's General settings
const APIO_CALLS_PER_RUN = 2; // reporting settings, statistics
const apio = apioWorkflow('qApioSessions001');

let n8n: QueueN8n;

beforeAll(async () => {
	n8n = await startQueueN8n({ workflows: [servicesWorkflow, apio], concurrency: 8 });
});
afterAll(async () => {
	const cluster = n8n?.cluster;
	await n8n?.close();
	// Nothing left behind: no database, no key under the cluster's prefix, no process.
	if (cluster) expect(await cluster.leftovers()).toEqual({ database: false, redisKeys: [], processGroups: [] });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isLogin = (request: RecordedRequest) =>
	(request.vendor === 'livevox' && request.path === '/session/login') || (request.vendor === 'apio' && request.path === '/api/v01/auth/login');
const isWork = (vendor: string) => (request: RecordedRequest) => request.vendor === vendor && !isLogin(request);

function loginsBySender(requests: RecordedRequest[], vendor: string): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const request of requests.filter((candidate) => candidate.vendor === vendor && isLogin(candidate) && candidate.status === 200)) {
		const sender = n8n.senderOf(request);
		counts[sender] = (counts[sender] ?? 0) + 1;
	}
	return counts;
}

test(`${RUNS_PER_VENDOR} LiveVox and ${RUNS_PER_VENDOR} APIO executions at once over two workers, session and token expired mid-run: none fails`, async () => {
	n8n.sandbox.setLatency(100);
	n8n.sandbox.clearRequests();
	const starts = Array.from({ length: RUNS_PER_VENDOR }, () => [n8n.runFromEditor(servicesWorkflow), n8n.runFromEditor(apio)]).flat();
	const executionIds = await Promise.all(starts);

	// Ended once half of each vendor's work has been answered: executions are in flight on both workers.
	const half = (vendor: string, perRun: number) => n8n.sandbox.requests.filter(isWork(vendor)).filter((request) => request.status > 0).length >= (RUNS_PER_VENDOR * perRun) / 2;
	let expiredAt: number | undefined;
	for (let attempt = 0; attempt < 1200 && expiredAt === undefined; attempt++) {
		if (half('livevox', LIVEVOX_CALLS_PER_RUN) && half('apio', APIO_CALLS_PER_RUN)) {
			n8n.sandbox.livevox.expireSessions();
			n8n.sandbox.apio.expireTokens();
			expiredAt = n8n.sandbox.requests.length;
		}
		await pause(25);
	}
	expect(expiredAt).toBeDefined();

	const statuses = await Promise.all(executionIds.map(async (id) => await n8n.waitForExecution(id)));
	expect(statuses.filter((status) => status !== 'success')).toEqual([]);
	const workers = executionIds.map((id) => n8n.cluster.workerOf(id));
	expect(workers.filter((worker) => worker === undefined)).toEqual([]);
	expect(new Set(workers)).toEqual(new Set(['worker1', 'worker2']));
	// Every vendor request came from a worker, none from the main.
	expect(new Set(n8n.sandbox.requests.map((request) => n8n.senderOf(request)))).toEqual(new Set(['worker1', 'worker2']));

	const before = n8n.sandbox.requests.slice(0, expiredAt);
	const after = n8n.sandbox.requests.slice(expiredAt);
	// The expiry was felt: requests refused with 401 after it, and logins after it.
	const refusedAfter = (vendor: string) => after.filter((request) => request.vendor === vendor && request.status === 401).length;
	expect(refusedAfter('livevox')).toBeGreaterThan(0);
	expect(refusedAfter('apio')).toBeGreaterThan(0);
	const figures = {
		executions: executionIds.length,
		perWorker: { worker1: workers.filter((worker) => worker === 'worker1').length, worker2: workers.filter((worker) => worker === 'worker2').length },
		livevox: { loginsBeforeExpiry: loginsBySender(before, 'livevox'), loginsAfterExpiry: loginsBySender(after, 'livevox'), refusedAfterExpiry: refusedAfter('livevox') },
		apio: { loginsBeforeExpiry: loginsBySender(before, 'apio'), loginsAfterExpiry: loginsBySender(after, 'apio'), refusedAfterExpiry: refusedAfter('apio') },
	};
	process.stderr.write(`Queue-mode logins: ${JSON.stringify(figures, null, 2)}\n`);
	for (const vendor of ['livevox', 'apio'] as const) {
		expect(Object.values(figures[vendor].loginsAfterExpiry).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
		// One login per worker for its first session and one per expiry: the executions of a
		// worker share its session (no login storm).
		for (const logins of [figures[vendor].loginsBeforeExpiry, figures[vendor].loginsAfterExpiry]) {
			expect(Object.values(logins).filter((count) => count > 1)).toEqual([]);
		}
	}
});
