/**
 * The CSV scenario's limit: the same bytes the nodes receive, parsed into one object per row
 * by csv-parse (the parser n8n's Extract From File uses) in a bare Node process.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';

import { LiveVoxTestClient } from '../../test/sandbox/livevoxTestClient';
import type { Sandbox } from '../../test/sandbox/server';
import type { ReportRange } from './workflows';

export interface CsvLimit {
	bytes: number;
	rows: number;
	/** Parse time alone, in ms (the file read before it is not counted). */
	parseMs: number;
	peakMiB: number;
}

/** The Call Event Recovery CSV of `range`, as the sandbox answers it, saved to `file`. */
export async function saveReportCsv(sandbox: Sandbox, range: ReportRange, file: string): Promise<number> {
	const client = new LiveVoxTestClient(sandbox);
	const session = await client.login();
	const start = DateTime.fromISO(range.startDay, { zone: range.zone });
	const response = await fetch(`${sandbox.livevoxUrl}/reporting/standard/callDetails`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'lv-access': sandbox.livevox.account.accessToken, 'lv-session': session },
		body: JSON.stringify({ startDate: start.toMillis(), endDate: start.plus({ days: range.days }).toMillis() - 1 }),
	});
	if (!response.ok) throw new Error(`The sandbox answered ${response.status} for the CSV`);
	const bytes = Buffer.from(await response.arrayBuffer());
	writeFileSync(file, bytes);
	return bytes.length;
}

const PARSE_SCRIPT = `
const { readFileSync } = require('node:fs');
const { parse } = require(process.argv[2]);
const bytes = readFileSync(process.argv[1]);
const started = process.hrtime.bigint();
const records = parse(bytes, { columns: true, bom: true });
const parseMs = Number(process.hrtime.bigint() - started) / 1e6;
const peak = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
process.stdout.write(JSON.stringify({ rows: records.length, parseMs, peakMiB: Number(peak ? peak[1] : 0) / 1024 }));
`;

/** Parses the file with csv-parse (sync API, columns as keys) in a fresh Node process. */
export async function csvParseLimit(file: string, bytes: number): Promise<CsvLimit> {
	const child = spawn(process.execPath, ['-e', PARSE_SCRIPT, file, require.resolve('csv-parse/sync')]);
	let out = '';
	let err = '';
	child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
	child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
	const code = await new Promise<number>((resolve) => child.on('close', (exit) => resolve(exit ?? 1)));
	if (code !== 0) throw new Error(`csv-parse baseline failed: ${err}`);
	return { bytes, ...(JSON.parse(out) as Omit<CsvLimit, 'bytes'>) };
}
