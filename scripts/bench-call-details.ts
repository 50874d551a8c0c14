/**
 * Benchmark (not a test): 90 days of Call Event Recovery pulled through the LiveVox node from
 * the sandbox, every answer delayed by 100 ms. 90 days are 30 windows of 3 days; with 4
 * requests at a time the network alone needs ceil(30 / 4) × 100 ms. Prints the concurrent
 * time as a ratio to the sequential pull (one window at a time) and to that limit.
 *
 * The sandbox runs in a child process, as a remote API would, and repeats its answers from a
 * cache after a warm-up pull, so the times are the node's: requests, CSV parsing, items.
 *
 *   npm run bench:reporting -- [callsPerDay=2000] [latencyMs=100] [concurrency=4]
 */
import { Container } from '@n8n/di';
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import Module from 'node:module';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

import { DEMO_ACCOUNT } from '../test/sandbox/livevox';
import { startSandbox } from '../test/sandbox/server';

// "nodes/LiveVox/LiveVox.node" names both the node's .ts and its codex .json; Node tries .json
// before ts-node's .ts, so .json is moved last before the harness loads the node.
const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
const readJson = extensions['.json'];
delete extensions['.json'];
extensions['.json'] = readJson;

const DAYS = 90;
const WINDOW_DAYS = 3;

type Message = { ready: string } | { reportRequests: number };

/** The child: the sandbox with latency, its data size, and answers repeated from its cache. */
async function serve(callsPerDay: number, latencyMs: number) {
	let reportRequests = 0;
	const sandbox = await startSandbox({
		latencyMs,
		onRequestDone: (request) => {
			if (request.path.startsWith('/reporting/')) reportRequests++;
			sandbox.clearRequests();
		},
	});
	sandbox.livevox.reporting.configure({ callsPerDay });
	sandbox.livevox.reporting.cacheAnswers = true;
	process.on('message', (message) => {
		if (message === 'count') {
			process.send?.({ reportRequests } satisfies Message);
			reportRequests = 0;
		} else if (message === 'stop') {
			void sandbox.close().then(() => process.exit(0));
		}
	});
	process.send?.({ ready: sandbox.livevoxUrl } satisfies Message);
}

function nextMessage(child: ChildProcess): Promise<Message> {
	return new Promise((resolve) => child.once('message', (message) => resolve(message as Message)));
}

async function pull(child: ChildProcess, livevoxUrl: string, maxConcurrentRequests: number) {
	const { runNode } = await import('../test/engine/harness');
	const started = process.hrtime.bigint();
	const result = await runNode({
		type: 'liveVox',
		parameters: {
			resource: 'report',
			operation: 'callDetails',
			period: 'custom',
			startDate: '2024-01-01',
			endDate: '2024-03-30',
			options: { maxConcurrentRequests, reportingTimezone: 'America/New_York' },
		},
		credentials: {
			liveVoxApi: { environment: 'custom', customBaseUrl: livevoxUrl, apiVersion: '', ...DEMO_ACCOUNT, agent: false, sessionId: '' },
		},
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (result.error) throw new Error(`The pull failed: ${result.error.message}`);
	child.send('count');
	const { reportRequests } = (await nextMessage(child)) as { reportRequests: number };
	return { ms, rows: result.items.length, windows: reportRequests };
}

async function main() {
	const [callsPerDay = 2000, latencyMs = 100, concurrency = 4] = process.argv.slice(2).map(Number);
	const child = fork(__filename, ['--serve', String(callsPerDay), String(latencyMs)], {
		execArgv: ['-r', 'ts-node/register/transpile-only'],
	});
	try {
		const { ready: livevoxUrl } = (await nextMessage(child)) as { ready: string };
		await pull(child, livevoxUrl, concurrency); // warm-up: JIT, login, the sandbox's cache
		const concurrent = await pull(child, livevoxUrl, concurrency);
		const sequential = await pull(child, livevoxUrl, 1);
		const windows = Math.ceil(DAYS / WINDOW_DAYS);
		const limitMs = Math.ceil(windows / concurrency) * latencyMs;
		const row = (label: string, value: string) => console.log(`${label.padEnd(44)}${value}`);
		row('Call Event Recovery, days / windows', `${DAYS} / ${concurrent.windows} (expected ${windows})`);
		row('rows', `${concurrent.rows} (${callsPerDay} calls a day)`);
		row('latency per answer', `${latencyMs} ms`);
		row(`concurrent (${concurrency} at a time)`, `${concurrent.ms.toFixed(0)} ms`);
		row('sequential (one window at a time)', `${sequential.ms.toFixed(0)} ms`);
		row(`limit ceil(${windows}/${concurrency}) x ${latencyMs} ms`, `${limitMs} ms`);
		row('concurrent / sequential', (concurrent.ms / sequential.ms).toFixed(2));
		row('concurrent / limit', (concurrent.ms / limitMs).toFixed(2));
		if (sequential.rows !== concurrent.rows) throw new Error('The two pulls returned different row counts');
	} finally {
		child.send('stop');
		const manager = Container.get(SSHClientsManager) as unknown as { cleanupTimer?: NodeJS.Timeout };
		clearInterval(manager.cleanupTimer);
	}
}

const run = process.argv[2] === '--serve' ? serve(Number(process.argv[3]), Number(process.argv[4])) : main();
run.catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
