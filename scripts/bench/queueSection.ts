/**
 * BENCHMARKS.md's "Queue mode" section, written by the benchmark's `queue` scenario
 * (scripts/bench/queueScale.ts) and kept as it is when a run without it writes the rest of the file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const QUEUE_HEADING = '## Queue mode';

/** The file's Queue mode section (from its heading to the end), or '' when it has none. */
export function queueSectionOf(file: string): string {
	if (!existsSync(file)) return '';
	const text = readFileSync(file, 'utf8');
	const start = text.indexOf(`\n${QUEUE_HEADING}\n`);
	return start < 0 ? '' : text.slice(start);
}

/** Replaces (or appends) the file's Queue mode section with `body` (markdown under the heading). */
export function writeQueueSection(file: string, body: string): void {
	const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
	const start = text.indexOf(`\n${QUEUE_HEADING}\n`);
	const before = (start < 0 ? text : text.slice(0, start)).replace(/\n*$/, '\n');
	writeFileSync(file, `${before}\n${QUEUE_HEADING}\n\n${body.trim()}\n`);
}
