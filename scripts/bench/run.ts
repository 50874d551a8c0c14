/**
 * `npm run bench`: this package's nodes side by side with what an n8n user would build instead
 * (n8n's HTTP Request node), in a real n8n (the one the real-n8n tests use), against the
 * sandbox with a set latency. Each scenario's workflows run alternately; each run is timed
 * from n8n's own execution record: in a running n8n (`n8n start`), or for the CSV job, whose
 * memory is measured too, in a fresh `n8n execute` each time. Then the `queue` scenario: the
 * reporting jobs at scale in queue mode, on 1 worker and on 2 (scripts/bench/queueScale.ts).
 * Prints the figures and writes BENCHMARKS.md (the Queue mode section only when `queue` ran,
 * the rest only when another scenario ran).
 *
 *   npm run bench -- [--runs=3] [--latency=100] [--only=cer90,services,ratelimit,vcc12,csv,queue]
 *                    [--csv-rows=200000] [--out=BENCHMARKS.md] [--keep] [--trace]
 *                    [--queue-jobs=20] [--queue-max-in-flight=4] [--queue-concurrency=10]
 *
 * --trace prints, for every run, when each request reached the sandbox and was answered,
 * counted from the execution's startedAt: where a run's time goes beyond the latency.
 * `npm run bench:queue` is `npm run bench -- --only=queue`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

import { liveVoxCredential, vccLiveCredential } from '../realN8n/sandboxCredentials';
import { ensureN8nInstalled } from '../realN8n/installN8n';
import { installPackage, packPackage } from '../realN8n/installPackage';
import { N8nCli, n8nEnv } from '../realN8n/n8nCli';
import { freePort, RestSession, setUpOwner, startN8nServer, waitForN8n } from '../realN8n/n8nServer';
import { REPO_ROOT } from '../realN8n/paths';
import type { Sandbox } from '../../test/sandbox/server';
import { startSandbox } from '../../test/sandbox/server';
import type { CsvLimit } from './csvParseLimit';
import { csvParseLimit, saveReportCsv } from './csvParseLimit';
import type { ExecutionMeasure } from './n8nRunner';
import { executeWorkflow } from './n8nRunner';
import type { Measured, RunRecord } from './report';
import { median, printScenario, writeReport } from './report';
import type { QueueBenchSettings } from './queueScale';
import { benchQueueScale, QUEUE_SCENARIO } from './queueScale';
import { writeQueueSection } from './queueSection';
import type { BenchSettings, Scenario } from './scenarios';
import { CSV_RANGE, SCENARIO_KEYS, scenarios, SERVICES_CALL_CENTER } from './scenarios';
import { RunningN8nRunner } from './serverRunner';
import type { BenchWorkflow } from './workflows';
import { emptyWorkflow, oneRequestWorkflow } from './workflows';

const log = (line: string) => process.stderr.write(`${line}\n`);

function option(name: string, fallback: string): string {
	const given = process.argv.find((arg) => arg.startsWith(`--${name}=`));
	return given ? given.slice(name.length + 3) : fallback;
}

/** A whole number above zero, or the fallback when the option is not given. */
function countOption(name: string, fallback: number): number {
	const value = Number(option(name, String(fallback)));
	if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number, got ${option(name, '')}`);
	return value;
}

const trace = process.argv.includes('--trace');

type Runner = (workflow: BenchWorkflow) => Promise<ExecutionMeasure>;

async function measureScenario(scenario: Scenario, run: Runner, runs: number): Promise<Measured> {
	scenario.before();
	try {
		const measure = async (index: number): Promise<RunRecord> => {
			const variant = scenario.variants[index];
			scenario.sandbox.clearRequests();
			const execution = await run(variant.workflow);
			const requests = scenario.sandbox.requests.filter((request) => request.vendor === scenario.vendor);
			if (trace) {
				const since = (at: number) => at - execution.startedAt;
				log(`    requests (arrived–answered, ms after startedAt): ${requests.map((request) => `${since(request.receivedAt)}–${since(request.doneAt)}`).join(' ')}; stopped at ${execution.ms}`);
			}
			const arrivals = requests.map((request) => request.receivedAt);
			const answers = requests.map((request) => request.doneAt);
			return {
				...execution,
				beforeFirstRequestMs: arrivals.length > 0 ? Math.min(...arrivals) - execution.startedAt : NaN,
				afterLastAnswerMs: answers.length > 0 ? execution.startedAt + execution.ms - Math.max(...answers) : NaN,
				requests: requests.length,
				logins: requests.filter((request) => request.path.endsWith('/session/login')).length,
				refused: requests.filter((request) => request.status === 429).length,
			};
		};
		// Warm-up: fills the sandbox's answer cache, stores the node's session.
		for (let index = 0; index < scenario.variants.length; index++) {
			const warm = await measure(index);
			log(`  warm-up ${scenario.variants[index].label}: ${warm.ms} ms, ${warm.rows} rows, ${warm.status}`);
		}
		const records: RunRecord[][] = scenario.variants.map(() => []);
		for (let run = 0; run < runs; run++) {
			// A and B alternate: the node first in even runs, last in odd runs.
			const order = scenario.variants.map((_, index) => index);
			if (run % 2 === 1) order.reverse();
			for (const index of order) {
				const record = await measure(index);
				records[index].push(record);
				log(`  run ${run + 1} ${scenario.variants[index].label}: ${record.ms} ms, ${record.requests} requests, ${record.rows} rows, ${record.status}`);
			}
		}
		let csv: CsvLimit | undefined;
		if (scenario.csv) {
			const file = path.join(mkdtempSync(path.join(tmpdir(), 'callcenter-bench-')), 'call-events.csv');
			const bytes = await saveReportCsv(scenario.sandbox, CSV_RANGE, file);
			const tries: CsvLimit[] = [];
			for (let attempt = 0; attempt < 3; attempt++) tries.push(await csvParseLimit(file, bytes));
			tries.sort((a, b) => a.parseMs - b.parseMs);
			csv = tries[1];
			rmSync(path.dirname(file), { recursive: true, force: true });
		}
		return { scenario, records, csv };
	} finally {
		scenario.after();
	}
}

interface Calibration {
	emptyMs: number;
	oneRequest: { firstRequestMs: number; ms: number };
}

/**
 * n8n's own times, to read the others against: a run of an empty workflow, and the HTTP
 * Request node sending one request. The first of four runs warms n8n up; the median of the
 * other three.
 */
async function calibrate(run: Runner, sandbox: Sandbox): Promise<Calibration> {
	const empty = emptyWorkflow();
	const one = oneRequestWorkflow(sandbox);
	const emptyTimes: number[] = [];
	const oneRuns: Array<{ firstRequestMs: number; ms: number }> = [];
	for (let index = 0; index < 4; index++) {
		const emptyRun = await run(empty);
		sandbox.clearRequests();
		const execution = await run(one);
		const [request] = sandbox.requests.filter((recorded) => recorded.vendor === 'vcclive');
		if (execution.status !== 'success' || !request) throw new Error(`The one-request workflow failed: ${execution.error ?? 'no request arrived'}`);
		if (index === 0) continue;
		emptyTimes.push(emptyRun.ms);
		oneRuns.push({ firstRequestMs: request.receivedAt - execution.startedAt, ms: execution.ms });
	}
	const calibration = {
		emptyMs: median(emptyTimes),
		oneRequest: { firstRequestMs: median(oneRuns.map((entry) => entry.firstRequestMs)), ms: median(oneRuns.map((entry) => entry.ms)) },
	};
	log(`An empty workflow takes n8n ${calibration.emptyMs} ms`);
	log(`n8n's HTTP Request node alone: its request reached the sandbox after ${calibration.oneRequest.firstRequestMs} ms; the run took ${calibration.oneRequest.ms} ms`);
	return calibration;
}

/** The scenarios of `only` (all when empty) run in one n8n (`n8n execute` and `n8n start`), written as BENCHMARKS.md without its Queue mode section. */
async function benchInOneN8n(tarball: string, only: string[], runs: number, settings: BenchSettings, out: string): Promise<void> {
	const loadBefore = loadavg();
	const userFolder = mkdtempSync(path.join(tmpdir(), 'callcenter-bench-n8n-'));
	await installPackage(tarball, userFolder);
	const main = await startSandbox({ latencyMs: settings.latencyMs });
	const services = await startSandbox({ latencyMs: settings.latencyMs });
	services.livevox.seedCallCenter(SERVICES_CALL_CENTER, settings.services);
	try {
		// Other n8n processes may run on this machine: the task broker gets a port of its own.
		const cli = new N8nCli(userFolder, n8nEnv(userFolder, { N8N_RUNNERS_BROKER_PORT: String(await freePort()), N8N_PORT: String(await freePort()) }));
		const liveVox = liveVoxCredential(main, 'lvBenchCred00001');
		const liveVoxServices = { ...liveVoxCredential(services, 'lvBenchSvcCred01'), name: 'LiveVox sandbox (10,000 services)' };
		const vccLive = vccLiveCredential(main, 'vccBenchCred0001');
		const reference = (credential: { id: string; name: string }) => ({ id: credential.id, name: credential.name });
		const all = scenarios(main, services, { liveVox: reference(liveVox), liveVoxServices: reference(liveVoxServices), vccLive: reference(vccLive) }, settings);
		const chosen = all.filter((scenario) => only.length === 0 || only.includes(scenario.key));
		await cli.importCredentials([liveVox, liveVoxServices, vccLive]);
		const workflows = new Map(chosen.flatMap((scenario) => scenario.variants.map((variant) => [variant.workflow.id, variant.workflow.workflow] as const)));
		await cli.importWorkflow([...workflows.values(), emptyWorkflow().workflow, oneRequestWorkflow(main).workflow]);
		const measured: Measured[] = [];
		const measure = async (scenario: Scenario, run: Runner) => {
			log(`\n${scenario.title}`);
			const result = await measureScenario(scenario, run, runs);
			measured.push(result);
			printScenario(result, settings);
		};
		// Memory is measured in a fresh `n8n execute` process for each run: a running n8n keeps
		// the heap of earlier runs. Time is measured in a running n8n, as users run workflows.
		const inFreshProcess: Runner = async (workflow) => await executeWorkflow(cli.env, cli.userFolder, workflow.id, workflow.resultNode);
		for (const scenario of chosen.filter((entry) => entry.csv)) await measure(scenario, inFreshProcess);

		log('\nStarting n8n (n8n start)...');
		const server = await startN8nServer(cli.env, 'ignore');
		let calibration: Calibration;
		try {
			await waitForN8n(server);
			await setUpOwner(server.url);
			const runner = await RunningN8nRunner.open(await RestSession.logIn(server.url), server.process.pid ?? 0, userFolder);
			try {
				const inServer: Runner = async (workflow) => await runner.execute(workflow);
				calibration = await calibrate(inServer, main);
				for (const scenario of chosen.filter((entry) => !entry.csv)) await measure(scenario, inServer);
			} finally {
				runner.close();
			}
		} finally {
			await server.stop();
		}
		const loadAfter = loadavg();
		// In the scenarios' own order, whichever n8n ran them.
		measured.sort((a, b) => chosen.indexOf(a.scenario) - chosen.indexOf(b.scenario));
		writeReport(out, measured, { settings, runs, loadBefore, loadAfter, ...calibration, complete: chosen.length === all.length });
	} finally {
		await Promise.all([main.close(), services.close()]);
		if (process.argv.includes('--keep')) log(`n8n user folder kept: ${userFolder}`);
		else rmSync(userFolder, { recursive: true, force: true });
	}
}

async function main() {
	const runs = countOption('runs', 3);
	const settings: BenchSettings = {
		latencyMs: Number(option('latency', '100')),
		concurrency: 4,
		rateLimit: 2,
		cerCallsPerDay: 200,
		csvRows: countOption('csv-rows', 200_000),
		services: 10_000,
	};
	const queueSettings: QueueBenchSettings = {
		jobs: countOption('queue-jobs', 20),
		latencyMs: settings.latencyMs,
		maxInFlight: countOption('queue-max-in-flight', 4),
		workerConcurrency: countOption('queue-concurrency', 10),
	};
	const only = option('only', '').split(',').filter(Boolean);
	const keys: readonly string[] = [...SCENARIO_KEYS, QUEUE_SCENARIO];
	const unknown = only.filter((key) => !keys.includes(key));
	if (unknown.length > 0) throw new Error(`--only: no scenario ${unknown.join(', ')}; the scenarios are ${keys.join(', ')}`);
	const out = path.resolve(REPO_ROOT, option('out', 'BENCHMARKS.md'));

	await ensureN8nInstalled(log);
	const tarball = await packPackage(log);
	if (only.length === 0 || only.some((key) => key !== QUEUE_SCENARIO)) await benchInOneN8n(tarball, only, runs, settings, out);
	if (only.length === 0 || only.includes(QUEUE_SCENARIO)) {
		const section = await benchQueueScale(tarball, queueSettings, log);
		process.stdout.write(`\n${section}\n`);
		writeQueueSection(out, section);
	}
	log(`\nWritten: ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});

