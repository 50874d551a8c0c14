/**
 * Runs one imported workflow with `n8n execute` and measures it the way n8n records it: the
 * time from the execution record's startedAt / stoppedAt in n8n's own database, and the peak
 * resident memory of the n8n process (its VmHWM, sampled while it runs).
 */
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { n8nBin, n8nInstallDir } from '../realN8n/paths';

export interface ExecutionMeasure {
	/** stoppedAt − startedAt of n8n's execution record, in ms. */
	ms: number;
	/** startedAt of n8n's execution record, in ms since the epoch. */
	startedAt: number;
	status: string;
	/** Peak resident set of the `n8n execute` process over its whole life (start, run, saving and printing the run data), in MiB. */
	peakMiB: number;
	/** Highest resident set sampled (every 20 ms) between the execution's startedAt and stoppedAt, in MiB. */
	executionPeakMiB: number;
	/** Items on the result node's first output (0 when it did not run). */
	rows: number;
	/** The workflow's error message, when it failed. */
	error?: string;
}

export interface ExecutionRow {
	id: number;
	status: string;
	startedAt: string;
	stoppedAt: string;
}

export interface SqliteDatabase {
	all(sql: string, params: unknown[], callback: (error: Error | null, rows: ExecutionRow[]) => void): void;
	close(): void;
}

interface Sqlite3 {
	OPEN_READONLY: number;
	Database: new (file: string, mode: number, callback: (error: Error | null) => void) => SqliteDatabase;
}

/** The sqlite3 package n8n itself uses, from the n8n install (this repository does not depend on it). */
export function sqlite(): Sqlite3 {
	return createRequire(__filename)(path.join(n8nInstallDir(), 'node_modules', 'sqlite3')) as Sqlite3;
}

/** The newest execution record of a workflow. */
export async function lastExecution(userFolder: string, workflowId: string): Promise<ExecutionRow | undefined> {
	const { Database, OPEN_READONLY } = sqlite();
	const file = path.join(userFolder, '.n8n', 'database.sqlite');
	const db = await new Promise<SqliteDatabase>((resolve, reject) => {
		const opened = new Database(file, OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)));
	});
	try {
		const rows = await new Promise<ExecutionRow[]>((resolve, reject) =>
			db.all(
				'SELECT id, status, startedAt, stoppedAt FROM execution_entity WHERE workflowId = ? ORDER BY id DESC LIMIT 1',
				[workflowId],
				(error, found) => (error ? reject(error) : resolve(found)),
			),
		);
		return rows[0];
	} finally {
		db.close();
	}
}

/** sqlite stores "2026-11-22 02:40:01.123" in UTC. */
const toMs = (stamp: string) => Date.parse(stamp.includes('T') ? stamp : `${stamp.replace(' ', 'T')}Z`);

/** VmHWM (peak) and VmRSS (now) of a process, in KiB; zeros once it has ended. */
export function procStatus(pid: number): { hwm: number; rss: number } {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const read = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
		return { hwm: read('VmHWM'), rss: read('VmRSS') };
	} catch {
		return { hwm: 0, rss: 0 };
	}
}

/**
 * Counts the items of a node's output in the run data `n8n execute` prints, line by line as
 * it streams (a run with 200,000 items prints hundreds of MB: it is never held whole). The
 * JSON is printed with two-space indentation: node names are keys at depth 4
 * (data.resultData.runData), and every item has one `"json": {` line.
 */
class RowCounter {
	rows = 0;
	private node = '';
	private rest = '';
	private readonly nodeKey = /^ {8}"((?:[^"\\]|\\.)*)": (.*)$/;

	constructor(private readonly resultNode: string) {}

	push(text: string): void {
		const lines = (this.rest + text).split('\n');
		this.rest = lines.pop() ?? '';
		for (const line of lines) {
			const key = this.nodeKey.exec(line);
			// A key at that depth names a node when its value is a list of runs (contextData's
			// "node:Loop" at the same depth is not one); anything less indented ends runData.
			if (key) this.node = key[2] === '[' ? (JSON.parse(`"${key[1]}"`) as string) : '';
			else if (/^ {0,6}\S/.test(line)) this.node = '';
			else if (this.node === this.resultNode && line.endsWith('"json": {') && line.trimStart() === '"json": {') this.rows++;
		}
	}
}

/** The last `"message": "..."` printed, when the run failed. */
function lastMessage(tail: string): string | undefined {
	const messages = [...tail.matchAll(/"message": "((?:[^"\\]|\\.)*)"/g)]
		.map((match) => (JSON.parse(`"${match[1]}"`) as string).split('\n')[0])
		.filter((message) => /[a-z]{3}/i.test(message) && !message.trimStart().startsWith('at '));
	return messages[messages.length - 1];
}

export async function executeWorkflow(
	env: NodeJS.ProcessEnv,
	userFolder: string,
	workflowId: string,
	resultNode: string,
): Promise<ExecutionMeasure> {
	// Printed into a file, not a pipe: n8n exits as soon as it has written, and a pipe would
	// lose the end of a large run's output.
	const outFile = path.join(userFolder, `execute-${workflowId}.out`);
	const out = openSync(outFile, 'w');
	const child = spawn(n8nBin(), ['execute', `--id=${workflowId}`, '--rawOutput'], { env, cwd: userFolder, stdio: ['ignore', out, 'pipe'] });
	closeSync(out);
	const pid = child.pid ?? 0;
	let peak = 0;
	// Resident memory over time (wall clock), to find the peak while the execution ran: after
	// it, n8n saves and prints the run data, which costs more than the job itself at 200,000 items.
	const samples: Array<[number, number]> = [];
	const sampler = setInterval(() => {
		const status = procStatus(pid);
		peak = Math.max(peak, status.hwm);
		samples.push([Date.now(), status.rss]);
	}, 20);
	let tail = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		tail = (tail + chunk.toString('utf8')).slice(-8000);
	});
	await new Promise<void>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', () => resolve());
	});
	clearInterval(sampler);
	const counter = new RowCounter(resultNode);
	const decoder = new TextDecoder();
	for await (const chunk of createReadStream(outFile)) {
		const text = decoder.decode(chunk as Buffer, { stream: true });
		counter.push(text);
		tail = (tail + text).slice(-8000);
	}
	counter.push('\n');
	rmSync(outFile, { force: true });
	const record = await lastExecution(userFolder, workflowId);
	if (!record) throw new Error(`n8n kept no execution record of workflow ${workflowId}:\n${tail}`);
	const error = record.status === 'success' ? undefined : (lastMessage(tail) ?? tail.slice(-300));
	return measureOf(record, { samples, peakKiB: peak, rows: counter.rows, error });
}

/**
 * What a run measured: its time from the execution record, its memory from the resident-set
 * samples (KiB, every 20 ms, wall clock) taken between startedAt and stoppedAt.
 */
export function measureOf(
	record: ExecutionRow,
	run: { samples: Array<[number, number]>; peakKiB: number; rows: number; error?: string },
): ExecutionMeasure {
	const [startedAt, stoppedAt] = [toMs(record.startedAt), toMs(record.stoppedAt)];
	const during = run.samples.filter(([at]) => at >= startedAt && at <= stoppedAt + 20).map(([, rss]) => rss);
	return {
		ms: stoppedAt - startedAt,
		startedAt,
		status: record.status,
		peakMiB: run.peakKiB / 1024,
		executionPeakMiB: Math.max(0, ...during) / 1024,
		rows: run.rows,
		...(run.error ? { error: run.error } : {}),
	};
}
