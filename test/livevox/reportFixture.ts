import { DateTime } from 'luxon';
import type { INodeParameters } from 'n8n-workflow';

import type { RunOptions, RunResult } from '../engine/harness';
import type { RecordedRequest, Sandbox } from '../sandbox/server';
import { apiCalls, runLiveVox } from './fixture';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const EASTERN = 'America/New_York';

/** Epoch ms of a wall-clock time in a zone. */
export const at = (iso: string, zone = EASTERN) => DateTime.fromISO(iso, { zone }).toMillis();

/** The report requests the sandbox received (no logins), in arrival order. */
export const reportCalls = (sandbox: Sandbox): RecordedRequest[] =>
	apiCalls(sandbox).filter((request) => request.path.startsWith('/reporting/'));

export interface SentWindow {
	start: number;
	/** The last millisecond, as sent in endDate. */
	end: number;
	body: Record<string, unknown>;
}

/** The date windows of the report requests, in time order (concurrent requests arrive in any order). */
export function sentWindows(sandbox: Sandbox): SentWindow[] {
	return reportCalls(sandbox)
		.map((request) => {
			const body = request.body as Record<string, unknown>;
			return { start: body.startDate as number, end: body.endDate as number, body };
		})
		.sort((a, b) => a.start - b.start);
}

/**
 * Checks that the windows tile [start, end) exactly: contiguous, not overlapping, none longer
 * than the maximum in elapsed time, every inner boundary a midnight of the zone.
 */
export function expectTiling(windows: SentWindow[], range: { start: number; end: number }, maxDays: number, zone = EASTERN) {
	expect(windows.length).toBeGreaterThan(0);
	expect(windows[0].start).toBe(range.start);
	expect(windows[windows.length - 1].end).toBe(range.end - 1);
	windows.forEach((window, index) => {
		expect(window.end).toBeGreaterThanOrEqual(window.start);
		expect(window.end - window.start).toBeLessThan(maxDays * DAY_MS);
		if (index > 0) {
			expect(window.start).toBe(windows[index - 1].end + 1);
			const local = DateTime.fromMillis(window.start, { zone });
			expect(local.toMillis()).toBe(local.startOf('day').toMillis());
		}
	});
}

/** Runs one report operation of the LiveVox node against the sandbox. */
export async function runReport(
	sandbox: Sandbox,
	operation: string,
	parameters: INodeParameters,
	options: Partial<RunOptions> = {},
): Promise<RunResult> {
	return await runLiveVox(sandbox, { resource: 'report', operation, ...parameters }, options);
}

/** A custom range in the date fields, as n8n's date picker stores it. */
export const custom = (startDate: string, endDate: string) => ({ period: 'custom', startDate, endDate });

/** The execution hints (output-pane notices) of the node under test. */
export function hintsOf(result: RunResult): string[] {
	const task = result.run.data.resultData.runData.Node?.[0] as { hints?: Array<{ message: string }> } | undefined;
	return (task?.hints ?? []).map((hint) => hint.message);
}

/** Asserts that the node failed on bad input before sending any report request. */
export function expectRefusedBeforeAnyRequest(result: RunResult, sandbox: Sandbox, message: RegExp) {
	expect(result.error?.message).toMatch(message);
	expect(result.error?.name).toBe('NodeOperationError');
	expect(sandbox.requests).toEqual([]);
}
