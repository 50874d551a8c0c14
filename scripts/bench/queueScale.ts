/**
 * The benchmark's `queue` scenario (`npm run bench -- --only=queue`, or `npm run bench:queue`):
 * how n8n in queue mode scales this package's reporting jobs out. N concurrent 90-day Call
 * Event Recovery pulls and N Agent Summary reports, all started at once as the editor starts
 * them (offloaded to the workers), at a set sandbox latency and under a LiveVox tenant in-flight
 * limit and then with none, each on a cluster with 1 worker and then on one with 2 (each with
 * its own database and Bull prefix, removed after). Per cluster: executions per minute (first
 * startedAt to last stoppedAt, from n8n's own records), failed executions, the tenant's 429
 * count; then the ratio 2 workers / 1 worker for each limit, written as BENCHMARKS.md's
 * "Queue mode" section. The limit bounds the requests in flight of all workers together, so
 * under it a second worker can only wait its turn; without it, what the workers add shows.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

import { QueueCluster } from '../realN8n/queueCluster';
import { sandboxCredentials } from '../realN8n/sandboxCredentials';
import { startSandbox } from '../../test/sandbox/server';
import { agentSummaryWorkflow, callEventsWorkflow } from '../../e2e/queue/queueWorkflows';
import { parseRunData } from '../realN8n/executions';

/** The scenario's key for `--only`. */
export const QUEUE_SCENARIO = 'queue';

export interface QueueBenchSettings {
	/** Executions of each job started at once (`--queue-jobs`). */
	jobs: number;
	latencyMs: number;
	/** LiveVox answers 429 (Retry-After: 1) above this many requests in flight (`--queue-max-in-flight`). */
	maxInFlight: number;
	/** Jobs a worker runs at once (`--queue-concurrency`, `n8n worker --concurrency`). */
	workerConcurrency: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CALL_EVENTS = callEventsWorkflow('benchQueueCer9001', 90);

interface Figures {
	/** The n8n the cluster ran (its installed package.json). */
	n8nVersion: string;
	workers: number;
	/** The LiveVox tenant's limit of requests in flight; undefined: none. */
	maxInFlight?: number;
	executions: number;
	failed: number;
	/** The failed executions' error messages (n8n's record), with how many failed with each. */
	failures: Record<string, number>;
	seconds: number;
	perMinute: number;
	refusals429: number;
	perWorker: Record<string, number>;
	/** CPU time (user + system, seconds) during the measured executions: the workers, the main, this process (the sandbox). */
	workerCpuSeconds: number;
	mainCpuSeconds: number;
	sandboxCpuSeconds: number;
}

/** User + system CPU time of a process so far, in seconds (/proc/<pid>/stat, clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function measure(workers: number, maxInFlight: number | undefined, tarball: string, settings: QueueBenchSettings, log: (line: string) => void): Promise<Figures> {
	const sandbox = await startSandbox({ latencyMs: settings.latencyMs });
	const cluster = await QueueCluster.prepare({ tarball, workers, concurrency: settings.workerConcurrency, log });
	try {
		await cluster.cli.importCredentials(sandboxCredentials(sandbox));
		await cluster.cli.importWorkflow([CALL_EVENTS, agentSummaryWorkflow]);
		await cluster.start();
		const session = cluster.session as NonNullable<typeof cluster.session>;
		const run = async (workflow: typeof CALL_EVENTS) =>
			(await session.post<{ executionId: string }>(`workflows/${workflow.id}/run`, { workflowData: workflow, triggerToStartFrom: { name: 'Start' } })).executionId;
		const settle = async (ids: string[]) => {
			const deadline = Date.now() + 15 * 60_000;
			for (;;) {
				const rows = (await cluster.executions()).filter((row) => ids.includes(row.id));
				if (rows.length === ids.length && rows.every((row) => !['new', 'running', 'waiting'].includes(row.status))) return rows;
				if (Date.now() > deadline) throw new Error('The executions did not finish within 15 minutes');
				await pause(200);
			}
		};
		// A warm-up run of each on every worker's first use of the nodes.
		await settle(await Promise.all(Array.from({ length: workers }, () => [run(CALL_EVENTS), run(agentSummaryWorkflow)]).flat()));
		if (maxInFlight !== undefined) sandbox.setInFlightLimit({ vendor: 'livevox', maxInFlight });
		const workerPids = cluster.workers.map((worker) => worker.pid as number);
		const cpuBefore = workerPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
		const mainPid = cluster.main.pid as number;
		const mainBefore = cpuSeconds(mainPid);
		const sandboxBefore = process.cpuUsage();
		const ids = await Promise.all(Array.from({ length: settings.jobs }, () => [run(CALL_EVENTS), run(agentSummaryWorkflow)]).flat());
		const rows = await settle(ids);
		const workerCpuSeconds = workerPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - cpuBefore;
		const mainCpuSeconds = cpuSeconds(mainPid) - mainBefore;
		const sandboxUsage = process.cpuUsage(sandboxBefore);
		const sandboxCpuSeconds = (sandboxUsage.user + sandboxUsage.system) / 1e6;
		const times = await timesOf(cluster, ids);
		const seconds = (times.last - times.first) / 1000;
		const failures: Record<string, number> = {};
		for (const row of rows.filter((candidate) => candidate.status !== 'success')) {
			const runData = parseRunData((await session.get<{ data: string }>(`executions/${row.id}`)).data, cluster.installDir);
			const message = runData.resultData.error?.message ?? `no error recorded (status ${row.status})`;
			failures[message] = (failures[message] ?? 0) + 1;
		}
		const perWorker: Record<string, number> = {};
		for (const id of ids) {
			const worker = cluster.workerOf(id) ?? 'none';
			perWorker[worker] = (perWorker[worker] ?? 0) + 1;
		}
		return {
			n8nVersion: cluster.n8nVersion,
			workers,
			maxInFlight,
			executions: ids.length,
			failed: rows.filter((row) => row.status !== 'success').length,
			failures,
			seconds,
			perMinute: (ids.length / seconds) * 60,
			refusals429: sandbox.inFlightRefusals,
			perWorker,
			workerCpuSeconds,
			mainCpuSeconds,
			sandboxCpuSeconds,
		};
	} finally {
		await cluster.stop();
		await sandbox.close();
	}
}

/** First startedAt and last stoppedAt of the executions, from n8n's database. */
async function timesOf(cluster: QueueCluster, ids: string[]): Promise<{ first: number; last: number }> {
	const rows = await cluster.query<{ startedAt: Date; stoppedAt: Date }>('SELECT "startedAt", "stoppedAt" FROM execution_entity WHERE id = ANY($1::int[])', [ids.map(Number)]);
	return { first: Math.min(...rows.map((row) => row.startedAt.getTime())), last: Math.max(...rows.map((row) => row.stoppedAt.getTime())) };
}

/** Runs the scenario under the tenant limit and without, on 1 worker and on 2, with the packed package; BENCHMARKS.md's Queue mode section (markdown under its heading). */
export async function benchQueueScale(tarball: string, settings: QueueBenchSettings, log: (line: string) => void): Promise<string> {
	const load = () => loadavg().map((value) => value.toFixed(1)).join(' / ');
	const loadBefore = load();
	log(`\nQueue mode: ${settings.jobs} × 90-day Call Event Recovery + ${settings.jobs} × Agent Summary at once, ${settings.latencyMs} ms latency, LiveVox in-flight limit ${settings.maxInFlight} and none, worker concurrency ${settings.workerConcurrency}; load average ${loadBefore}`);
	const limitText = (maxInFlight: number | undefined) => (maxInFlight === undefined ? 'none' : `${maxInFlight} in flight`);
	const pairs: Array<[Figures, Figures]> = [];
	for (const maxInFlight of [settings.maxInFlight, undefined]) {
		const one = await measure(1, maxInFlight, tarball, settings, log);
		log(`  limit ${limitText(maxInFlight)}, 1 worker: ${JSON.stringify(one)}`);
		const two = await measure(2, maxInFlight, tarball, settings, log);
		log(`  limit ${limitText(maxInFlight)}, 2 workers: ${JSON.stringify(two)}`);
		pairs.push([one, two]);
	}
	const all = pairs.flat();
	const row = (figures: Figures) =>
		`| ${limitText(figures.maxInFlight)} | ${figures.workers} | ${figures.executions} | ${figures.failed} | ${figures.seconds.toFixed(1)} | ${figures.perMinute.toFixed(1)} | ${figures.refusals429} | ${Object.entries(figures.perWorker).map(([name, count]) => `${name} ${count}`).join(', ')} | ${figures.workerCpuSeconds.toFixed(1)} | ${figures.mainCpuSeconds.toFixed(1)} | ${figures.sandboxCpuSeconds.toFixed(1)} | ${(figures.seconds * cpus().length).toFixed(0)} |`;
	const failureLines = all.flatMap((figures) =>
		Object.entries(figures.failures).map(
			([message, count]) => `- limit ${limitText(figures.maxInFlight)}, ${figures.workers} worker${figures.workers > 1 ? 's' : ''}: ${count} failed with "${message.replace(/\s+/g, ' ').slice(0, 240)}"`,
		),
	);
	const ratios = pairs.map(([one, two]) => `${limitText(one.maxInFlight)}: **${(two.perMinute / one.perMinute).toFixed(2)}**`);
	return [
		`Generated by \`npm run bench -- --only=${QUEUE_SCENARIO}\` (the \`${QUEUE_SCENARIO}\` scenario, scripts/bench/queueScale.ts; \`npm run bench:queue\` for short), one run; kept as it is by a \`npm run bench\` whose \`--only\` leaves it out.`,
		'',
		`- Date: ${new Date().toISOString()}; n8n ${all[0].n8nVersion} in queue mode (one main, 1 or 2 workers, \`--concurrency=${settings.workerConcurrency}\` each), PostgreSQL and Redis on this machine; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; load average (1 / 5 / 15 min) at the start ${loadBefore}, at the end ${load()}.`,
		`- Jobs: ${settings.jobs} × 90-day Call Event Recovery (30 windows, one CSV file) and ${settings.jobs} × Agent Summary, all started at once as the editor starts them (offloaded to the workers), after a warm-up run of each per worker; sandbox latency ${settings.latencyMs} ms; LiveVox tenant limit: 429 (Retry-After: 1) above ${settings.maxInFlight} requests in flight, then no limit.`,
		'- Time: first `startedAt` to last `stoppedAt` of n8n\'s execution records.',
		'',
		'| LiveVox limit | workers | executions | failed | seconds (first start → last stop) | executions / min | LiveVox 429s | executions per worker | CPU s: workers | CPU s: main | CPU s: sandbox | core-seconds the machine had |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...all.map(row),
		'',
		...(failureLines.length > 0 ? ['Failed executions, with the error n8n recorded:', '', ...failureLines, ''] : []),
		`Ratio 2 workers / 1 worker, executions per minute, by LiveVox limit: ${ratios.join('; ')}. CPU seconds are user + system time during the measured executions (/proc for the n8n processes, the benchmark's own process for the sandbox); PostgreSQL and Redis are not counted.`,
	].join('\n');
}
