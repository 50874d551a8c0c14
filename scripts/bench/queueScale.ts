/**
 * `npm run bench:queue`: how n8n in queue mode scales this package's reporting jobs out.
 * N concurrent 90-day Call Event Recovery pulls and N Agent Summary reports, all started at
 * once as the editor starts them (offloaded to the workers), at a set sandbox latency and under
 * a LiveVox tenant in-flight limit, on a cluster with 1 worker and then on one with 2 (each
 * with its own database and Bull prefix, removed after). Per cluster: executions per minute
 * (first startedAt to last stoppedAt, from n8n's own records), failed executions, the
 * tenant's 429 count; then the ratio 2 workers / 1 worker.
 *
 *   npm run bench:queue -- [--runs=20] [--latency=100] [--max-in-flight=4] [--concurrency=10]
 *
 * Prints the table and writes it as BENCHMARKS.md's "Queue mode" section.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';

import { ensureN8nInstalled } from '../realN8n/installN8n';
import { packPackage } from '../realN8n/installPackage';
import { N8N_VERSION, REPO_ROOT } from '../realN8n/paths';
import { QueueCluster } from '../realN8n/queueCluster';
import { sandboxCredentials } from '../realN8n/sandboxCredentials';
import { startSandbox } from '../../test/sandbox/server';
import { agentSummaryWorkflow, callEventsWorkflow } from '../../e2e/queue/queueWorkflows';
import { writeQueueSection } from './queueSection';

const log = (line: string) => process.stderr.write(`${line}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function option(name: string, fallback: number): number {
	const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
	const value = found ? Number(found.split('=')[1]) : fallback;
	if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number, got ${found}`);
	return value;
}

const RUNS = option('runs', 20);
const LATENCY = option('latency', 100);
const MAX_IN_FLIGHT = option('max-in-flight', 4);
const CONCURRENCY = option('concurrency', 10);
const CALL_EVENTS = callEventsWorkflow('benchQueueCer9001', 90);

interface Figures {
	workers: number;
	executions: number;
	failed: number;
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

async function measure(workers: number, tarball: string): Promise<Figures> {
	const sandbox = await startSandbox({ latencyMs: LATENCY });
	const cluster = await QueueCluster.prepare({ tarball, workers, concurrency: CONCURRENCY, log });
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
		sandbox.setInFlightLimit({ vendor: 'livevox', maxInFlight: MAX_IN_FLIGHT });
		const workerPids = cluster.workers.map((worker) => worker.pid as number);
		const cpuBefore = workerPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
		const mainPid = cluster.main.pid as number;
		const mainBefore = cpuSeconds(mainPid);
		const sandboxBefore = process.cpuUsage();
		const ids = await Promise.all(Array.from({ length: RUNS }, () => [run(CALL_EVENTS), run(agentSummaryWorkflow)]).flat());
		const rows = await settle(ids);
		const workerCpuSeconds = workerPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - cpuBefore;
		const mainCpuSeconds = cpuSeconds(mainPid) - mainBefore;
		const sandboxUsage = process.cpuUsage(sandboxBefore);
		const sandboxCpuSeconds = (sandboxUsage.user + sandboxUsage.system) / 1e6;
		const times = await timesOf(cluster, ids);
		const seconds = (times.last - times.first) / 1000;
		const perWorker: Record<string, number> = {};
		for (const id of ids) {
			const worker = cluster.workerOf(id) ?? 'none';
			perWorker[worker] = (perWorker[worker] ?? 0) + 1;
		}
		return {
			workers,
			executions: ids.length,
			failed: rows.filter((row) => row.status !== 'success').length,
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

async function main(): Promise<void> {
	await ensureN8nInstalled(log);
	const tarball = await packPackage(log);
	const startLoad = loadavg()[0];
	log(`Queue-mode scale: ${RUNS} × 90-day Call Event Recovery + ${RUNS} × Agent Summary at once, ${LATENCY} ms latency, LiveVox in-flight limit ${MAX_IN_FLIGHT}, worker concurrency ${CONCURRENCY}; load average ${loadavg()[0].toFixed(1)}`);
	const one = await measure(1, tarball);
	log(JSON.stringify(one));
	const two = await measure(2, tarball);
	log(JSON.stringify(two));
	const row = (figures: Figures) =>
		`| ${figures.workers} | ${figures.executions} | ${figures.failed} | ${figures.seconds.toFixed(1)} | ${figures.perMinute.toFixed(1)} | ${figures.refusals429} | ${Object.entries(figures.perWorker).map(([name, count]) => `${name} ${count}`).join(', ')} | ${figures.workerCpuSeconds.toFixed(1)} | ${figures.mainCpuSeconds.toFixed(1)} | ${figures.sandboxCpuSeconds.toFixed(1)} | ${(figures.seconds * cpus().length).toFixed(0)} |`;
	const ratio = two.perMinute / one.perMinute;
	const section = [
		`Generated by \`npm run bench:queue\` (scripts/bench/queueScale.ts), one run; kept as it is by \`npm run bench\`.`,
		'',
		`- Date: ${new Date().toISOString()}; n8n ${process.env.N8N_VERSION ?? N8N_VERSION} in queue mode (one main, 1 or 2 workers, \`--concurrency=${CONCURRENCY}\` each), PostgreSQL and Redis on this machine; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; load average at the start ${startLoad.toFixed(1)}, at the end ${loadavg()[0].toFixed(1)} (other work shared the machine).`,
		`- Jobs: ${RUNS} × 90-day Call Event Recovery (30 windows, one CSV file) and ${RUNS} × Agent Summary, all started at once as the editor starts them (offloaded to the workers), after a warm-up run of each per worker; sandbox latency ${LATENCY} ms; LiveVox tenant limit: 429 (Retry-After: 1) above ${MAX_IN_FLIGHT} requests in flight.`,
		'- Time: first `startedAt` to last `stoppedAt` of n8n\'s execution records.',
		'',
		'| workers | executions | failed | seconds (first start → last stop) | executions / min | LiveVox 429s | executions per worker | CPU s: workers | CPU s: main | CPU s: sandbox | core-seconds the machine had |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		row(one),
		row(two),
		'',
		`Ratio 2 workers / 1 worker, executions per minute: **${ratio.toFixed(2)}**. CPU seconds are user + system time during the measured executions (/proc for the n8n processes, the benchmark's own process for the sandbox); PostgreSQL and Redis are not counted.`,
	].join('\n');
	process.stdout.write(`${section}\n`);
	writeQueueSection(path.join(REPO_ROOT, 'BENCHMARKS.md'), section);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});
