/** The benchmark's figures: medians, ratios, the targets, printed and written as BENCHMARKS.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type } from 'node:os';
import path from 'node:path';

import { REPO_ROOT, requestedN8nVersion } from '../realN8n/paths';
import type { CsvLimit } from './csvParseLimit';
import { queueSectionOf } from './queueSection';
import type { ExecutionMeasure } from './n8nRunner';
import type { BenchSettings, Scenario } from './scenarios';

export interface RunRecord extends ExecutionMeasure {
	/** Requests the sandbox received for the scenario's vendor, logins and 429 answers included. */
	requests: number;
	logins: number;
	/** Answered 429 by the tenant limit. */
	refused: number;
	/** From startedAt until the first request reached the sandbox, in ms. */
	beforeFirstRequestMs: number;
	/** From the last answer the sandbox sent until stoppedAt, in ms. */
	afterLastAnswerMs: number;
}

export interface Measured {
	scenario: Scenario;
	/** Per variant, per run. */
	records: RunRecord[][];
	csv?: CsvLimit;
}

export function median(values: number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median over runs of node time / baseline time (the runs were alternated pairwise). */
export function pairRatio(node: RunRecord[], baseline: RunRecord[]): number {
	return median(node.map((record, run) => record.ms / baseline[run].ms));
}

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;

interface VariantSummary {
	label: string;
	ms: number;
	min: number;
	max: number;
	requests: number;
	refused: number;
	rows: number;
	peakMiB: number;
	executionPeakMiB: number;
	failed: number;
	error?: string;
}

function summarize(label: string, records: RunRecord[]): VariantSummary {
	const times = records.map((record) => record.ms);
	return {
		label,
		ms: median(times),
		min: Math.min(...times),
		max: Math.max(...times),
		requests: median(records.map((record) => record.requests)),
		refused: median(records.map((record) => record.refused)),
		rows: median(records.map((record) => record.rows)),
		peakMiB: median(records.map((record) => record.peakMiB)),
		executionPeakMiB: median(records.map((record) => record.executionPeakMiB)),
		failed: records.filter((record) => record.status !== 'success').length,
		error: records.find((record) => record.error)?.error,
	};
}

interface Target {
	text: string;
	met: boolean;
	figure: string;
}

interface ScenarioSummary {
	measured: Measured;
	variants: VariantSummary[];
	/** Node time / baseline time, per baseline (median of the run pairs). */
	ratios: number[];
	limitMs: number;
	targets: Target[];
}

function summarizeScenario(measured: Measured, all: Measured[]): ScenarioSummary {
	const { scenario, records, csv } = measured;
	const variants = records.map((runs, index) => summarize(scenario.variants[index].label, runs));
	const ratios = records.slice(1).map((runs) => pairRatio(records[0], runs));
	const limitMs = scenario.limitMs + (csv?.parseMs ?? 0);
	const [node, ...baselines] = variants;
	const targets: Target[] = [];
	const dataRequests = (summary: VariantSummary, index: number) =>
		summary.requests - median(records[index].map((record) => record.logins));
	const fewestBaselineRequests = Math.min(...baselines.map((summary, index) => dataRequests(summary, index + 1)));
	if (scenario.key === 'cer90' || scenario.key === 'services' || scenario.key === 'vcc12') {
		targets.push(
			{ text: 'at least 3× faster than one at a time', met: 1 / ratios[0] >= 3, figure: `${fixed(1 / ratios[0])}×` },
			{ text: 'no slower than the baseline at equal concurrency', met: ratios[ratios.length - 1] <= 1, figure: `${fixed(ratios[ratios.length - 1])}× its time` },
			{ text: 'within 1.15× of the limit', met: node.ms / limitMs <= 1.15, figure: `${fixed(node.ms / limitMs)}×` },
		);
	}
	if (scenario.key === 'ratelimit') {
		const unlimited = all.find((other) => other.scenario.key === 'cer90');
		const expected = unlimited ? median(unlimited.records[0].map((record) => record.rows)) : node.rows;
		const concurrent = baselines[baselines.length - 1];
		targets.push(
			{ text: 'complete data', met: node.failed === 0 && node.rows === expected, figure: `${node.rows} of ${expected} rows` },
			{
				text: 'fewer failed requests (429) than the baseline at equal concurrency',
				met: node.refused < concurrent.refused || (node.refused === 0 && concurrent.refused === 0),
				figure: `${node.refused} vs ${concurrent.refused}`,
			},
		);
	}
	if (csv) {
		const nodeRate = node.rows / node.ms;
		const parseRate = csv.rows / csv.parseMs;
		targets.push(
			{ text: "at least half of csv-parse's throughput", met: nodeRate >= parseRate / 2, figure: `${fixed(nodeRate / parseRate)} of it` },
			{
				text: "peak memory during the execution no higher than the baseline's",
				met: node.executionPeakMiB <= baselines[0].executionPeakMiB,
				figure: `${fixed(node.executionPeakMiB, 0)} vs ${fixed(baselines[0].executionPeakMiB, 0)} MiB`,
			},
		);
	}
	// Under the rate limit the retries are the measure, above.
	if (scenario.key !== 'ratelimit') targets.push({
		text: 'no more requests than the baseline, apart from one size lookup',
		met: dataRequests(node, 0) <= fewestBaselineRequests + 1,
		figure: `${dataRequests(node, 0)} vs ${fewestBaselineRequests} (logins not counted)`,
	});
	return { measured, variants, ratios, limitMs, targets };
}

export function printScenario(measured: Measured, settings: BenchSettings): void {
	const summary = summarizeScenario(measured, [measured]);
	const row = (label: string, value: string) => console.log(`  ${label.padEnd(72)}${value}`);
	console.log(`\n${measured.scenario.title} — latency ${settings.latencyMs} ms`);
	for (const variant of summary.variants) {
		row(variant.label, `${ms(variant.ms)}, ${variant.requests} requests, ${variant.refused} × 429, ${variant.rows} rows, ${fixed(variant.executionPeakMiB, 0)} / ${fixed(variant.peakMiB, 0)} MiB${variant.failed ? `, ${variant.failed} failed: ${variant.error ?? ''}` : ''}`);
	}
	summary.ratios.forEach((ratio, index) => row(`node / ${summary.variants[index + 1].label}`, fixed(ratio)));
	row(`node / limit (${measured.scenario.limitFormula})`, `${fixed(summary.variants[0].ms / summary.limitMs)} (limit ${ms(summary.limitMs)})`);
	if (measured.csv) row('csv-parse, bare Node', `${ms(measured.csv.parseMs)} for ${measured.csv.rows} rows (${(measured.csv.bytes / 1048576).toFixed(1)} MiB), ${fixed(measured.csv.peakMiB, 0)} MiB peak`);
}

export interface ReportContext {
	settings: BenchSettings;
	runs: number;
	loadBefore: number[];
	loadAfter: number[];
	/** n8n's own time for a run of an empty workflow (Manual Trigger, No Operation). */
	emptyMs: number;
	/** n8n's HTTP Request node alone, one request: when it reached the sandbox, and the whole run (medians, ms). */
	oneRequest: { firstRequestMs: number; ms: number };
	complete: boolean;
}

function scenarioMarkdown(summary: ScenarioSummary): string[] {
	const { scenario, csv } = summary.measured;
	const lines = [`### ${scenario.title}`, ''];
	lines.push('| Workflow | Median time | Range | Requests | 429 answers | Rows out | n8n memory, execution / process peak | Failed runs |');
	lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const variant of summary.variants) {
		lines.push(
			`| ${variant.label} | ${ms(variant.ms)} | ${Math.round(variant.min)}–${Math.round(variant.max)} | ${variant.requests} | ${variant.refused} | ${variant.rows.toLocaleString('en-US')} | ${fixed(variant.executionPeakMiB, 0)} / ${fixed(variant.peakMiB, 0)} MiB | ${variant.failed} |`,
		);
	}
	lines.push('');
	if (scenario.note) lines.push(scenario.note, '');
	summary.ratios.forEach((ratio, index) => {
		lines.push(`- Node time / "${summary.variants[index + 1].label}": **${fixed(ratio)}** (${fixed(1 / ratio)}× as fast; median of the run pairs)`);
	});
	lines.push(`- Node time / limit: **${fixed(summary.variants[0].ms / summary.limitMs)}** (limit ${ms(summary.limitMs)} = ${scenario.limitFormula})`);
	const nodeRuns = summary.measured.records[0];
	const before = median(nodeRuns.map((record) => record.beforeFirstRequestMs));
	const after = median(nodeRuns.map((record) => record.afterLastAnswerMs));
	const waiting = scenario.limitMs;
	lines.push(
		`- Where the node's time goes (medians): ${ms(before)} until its first request reached the sandbox, ${ms(after)} after the last answer, ${ms(Math.max(0, summary.variants[0].ms - before - after - waiting))} between rounds beyond the ${ms(waiting)} of latency`,
	);
	if (csv) {
		lines.push(
			`- csv-parse in a bare Node process, same ${(csv.bytes / 1048576).toFixed(1)} MiB: ${ms(csv.parseMs)} for ${csv.rows.toLocaleString('en-US')} rows (${Math.round(csv.rows / csv.parseMs).toLocaleString('en-US')} rows/ms; ${fixed(csv.peakMiB, 0)} MiB peak); the node: ${Math.round(summary.variants[0].rows / summary.variants[0].ms).toLocaleString('en-US')} rows/ms, request and items included`,
		);
	}
	for (const target of summary.targets) lines.push(`- Target: ${target.text} — ${target.met ? 'met' : '**not met**'} (${target.figure})`);
	lines.push('');
	return lines;
}

export function writeReport(file: string, measured: Measured[], context: ReportContext): void {
	const summaries = measured.map((entry) => summarizeScenario(entry, measured));
	const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
	const cpu = cpus();
	const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
	const { settings } = context;
	const lines = [
		'# Benchmarks',
		'',
		'Generated by `npm run bench` (scripts/bench/) — do not edit by hand. All figures come from one run.',
		'',
		`- Date: ${new Date().toISOString()}`,
		`- Machine: ${type()}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1073741824).toFixed(1)} GiB`,
		`- Load average (1 / 5 / 15 min) before: ${load(context.loadBefore)}; after: ${load(context.loadAfter)}`,
		`- Node ${process.version}, n8n ${requestedN8nVersion()}, n8n-nodes-callcenter ${manifest.version} (packed and installed as a community package)`,
		`- Sandbox latency: ${settings.latencyMs} ms per request; nodes at their default concurrency (${settings.concurrency}); ${context.runs} timed runs per workflow after one warm-up, alternated`,
		...(context.complete ? [] : ['- Only some scenarios were run (`--only`).']),
		'',
		'## How it is measured',
		'',
		"Each scenario is one job done by two kinds of workflow in the same real n8n: one with this package's node, one built as an n8n user would with n8n's HTTP Request node (a login request, windows from a Code node, Loop Over Items, the node's built-in pagination, Extract From File). The HTTP Request side runs both ways a user would configure it: one request at a time, and at the same concurrency as the nodes (Loop Over Items with a batch size of 4).",
		'',
		"- Time: `stoppedAt − startedAt` of n8n's own execution record (SQLite). The jobs timed for speed run in one running n8n (`n8n start`), each started the way the editor's Execute Workflow button starts it (POST /rest/workflows/:id/run), after one warm-up run of every workflow: as a user's n8n runs them every day. The CSV job, measured for memory too, runs each time in a fresh `n8n execute` process (a running n8n keeps the heap of earlier runs), so its times also include n8n's first use of its code in that process.",
		"- Ratios to the baseline: the median of node time / baseline time over the run pairs.",
		`- n8n's own time for a run of an empty workflow (Manual Trigger, No Operation), in the running n8n: ${ms(context.emptyMs)}. It is part of every time below and of none of the limits.`,
		`- n8n's HTTP Request node alone, sending one request (Manual Trigger, HTTP Request), in the running n8n: its request reached the sandbox ${ms(context.oneRequest.firstRequestMs)} after startedAt, and the run took ${ms(context.oneRequest.ms)} (${ms(settings.latencyMs)} of it latency). That is n8n's own floor for a node's first request, to read "until its first request reached the sandbox" below against.`,
		'- Limit for windows and pages: ceil(requests / concurrency) × latency; for the CSV, the latency plus csv-parse on the same bytes in a bare Node process.',
		"- Memory: the resident set of the n8n process, sampled every 20 ms. Execution peak: the highest sample between startedAt and stoppedAt. Process peak: VmHWM from the start of the run (the running n8n's is reset before each run) until n8n has saved the run data; for the CSV job's `n8n execute` it also covers printing the run data — at 200,000 items that costs more than the job itself, on both sides. The CSV job's figures are the job's own (a fresh process, ~230 MiB of it n8n's start); the others' are the running n8n's size, earlier runs' heap included.",
		'- Requests: what the sandbox received during the run. The node reuses its stored LiveVox session; the HTTP Request workflows log in every run.',
		`- Data: Call Event Recovery ${settings.cerCallsPerDay} calls a day; ${settings.services.toLocaleString('en-US')} services in one call center; tenant limit K = ${settings.rateLimit}.`,
		'',
		'## Results',
		'',
		...summaries.flatMap(scenarioMarkdown),
	];
	// The Queue mode section comes from the `queue` scenario (written after this when it runs): kept as it is.
	writeFileSync(file, lines.join('\n') + queueSectionOf(file));
}
