/**
 * npm run reliability [-- --runs N] [--fuzz-runs N] [--seed N]: runs the fault matrix (test/reliability)
 * through n8n's engine against the sandbox, prints it as a table, runs the fuzzing, and writes
 * RELIABILITY.md. Exits with 1 when a target is missed (rows lost or duplicated, duplicate
 * writes, crashes, leaks, fuzz findings). The same checks run as jest tests in CI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

// "nodes/LiveVox/LiveVox.node" names both the node's .ts and its codex .json; Node tries .json
// before ts-node's .ts, so .json is moved last before the harness (imported below) loads the node.
const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
const readJson = extensions['.json'];
delete extensions['.json'];
extensions['.json'] = readJson;

function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
	if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
	return value;
}

function readJsonFile(path: string): { name?: string; version?: string } {
	return JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
}

function versionOf(root: string, name: string): string {
	try {
		return readJsonFile(join(root, 'node_modules', name, 'package.json')).version ?? 'unknown';
	} catch {
		return 'unknown';
	}
}

async function main(): Promise<void> {
	const { runFuzz, runTargetedFuzz } = await import('../test/reliability/fuzz');
	const { runMatrix } = await import('../test/reliability/matrix');
	const { formatTable, renderMarkdown, totalsOf } = await import('../test/reliability/report');
	const { startSandbox } = await import('../test/sandbox/server');
	const runs = option('runs', 1);
	const fuzzRuns = option('fuzz-runs', 50);
	const seed = option('seed', Math.floor(Math.random() * 2 ** 31) + 1);
	const root = join(__dirname, '..');

	process.stdout.write(`Fault matrix, ${runs} run(s) per cell...\n`);
	const report = await runMatrix({ runs });
	process.stdout.write(`${formatTable(report.cells)}\n`);
	process.stdout.write(`Matrix: ${(report.durationMs / 1000).toFixed(1)} s\n\n`);

	process.stdout.write(`Fuzzing, ${fuzzRuns} cases per operation, seed ${seed}...\n`);
	const sandbox = await startSandbox();
	let fuzzProblems: string[];
	let fuzzCases: number;
	let fuzzOperations: number;
	try {
		const general = await runFuzz(sandbox, { runsPerOperation: fuzzRuns, seed });
		const targeted = await runTargetedFuzz(sandbox, { runsPerField: Math.max(1, Math.round(fuzzRuns / 2)), seed });
		fuzzProblems = [...general.findings, ...targeted.findings].map((finding) => `${finding.operation}: ${finding.problem} (${finding.parameters})`);
		fuzzCases = general.runs + targeted.runs;
		fuzzOperations = general.operations;
		process.stdout.write(
			`${fuzzCases} cases over ${fuzzOperations} operations: ${general.refusedByN8n + targeted.refusedByN8n} refused by n8n's parameter checks, ` +
				`${general.reachedNode + targeted.reachedNode} run by the node, ${general.sentRequests + targeted.sentRequests} sent requests; ` +
				`${fuzzProblems.length} problems\n`,
		);
		for (const problem of fuzzProblems) process.stdout.write(`  ${problem}\n`);
	} finally {
		await sandbox.close();
	}

	const packageJson = readJsonFile(join(root, 'package.json'));
	const markdown = renderMarkdown(report, {
		date: new Date().toISOString(),
		versions: {
			[packageJson.name ?? 'package']: packageJson.version ?? 'unknown',
			node: process.version,
			'n8n-core': versionOf(root, 'n8n-core'),
			'n8n-workflow': versionOf(root, 'n8n-workflow'),
			'fast-check': versionOf(root, 'fast-check'),
		},
		fuzz: { runs: fuzzCases, operations: fuzzOperations, seed, problems: fuzzProblems },
	});
	writeFileSync(join(root, 'RELIABILITY.md'), markdown);
	process.stdout.write('Wrote RELIABILITY.md\n');

	const totals = totalsOf(report.cells);
	const failed = totals.problems > 0 || fuzzProblems.length > 0;
	process.stdout.write(failed ? 'TARGETS MISSED\n' : 'All targets met: 0 rows lost, 0 duplicated, 0 duplicate writes, 0 crashes, 0 leaks.\n');
	process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
