/**
 * Runs the fault matrix through n8n's real engine against the sandbox: each cell is a family
 * run once under a scenario's faults and compared with the fault-free run. Retry waits go
 * through the injectable retry clock (recorded, not waited), so the time waited is a figure.
 */
import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY, retryClock } from '../../nodes/shared/retry';
import type { RunResult } from '../engine/harness';
import { newCredentialsHelper, runNode } from '../engine/harness';
import type { RecordedRequest, Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import type { Leak } from './canaries';
import { acceptCanaries, canaryCredentials, findLeaks, LogRecorder, secretsToFind } from './canaries';
import type { Family, Scenario, Vendor } from './scenarios';
import { applies, READ_FAMILIES, READ_SCENARIOS, WRITE_FAMILIES, WRITE_SCENARIOS } from './scenarios';

const CREDENTIAL_OF: Record<Vendor, string> = { livevox: 'liveVoxApi', vcclive: 'vccLiveApi', apio: 'netaxisApioApi' };
const LOGIN_PATHS = ['/session/login', '/api/v01/auth/login'];
const isLogin = (request: RecordedRequest) => LOGIN_PATHS.some((path) => request.path.endsWith(path));

export interface CellResult {
	kind: 'read' | 'write';
	scenario: string;
	family: string;
	runs: number;
	rowsLost: number;
	rowsDuplicated: number;
	duplicateWrites: number;
	/** Writes the node reported as done that the sandbox never accepted. */
	lostWrites: number;
	/** Writes: submissions the sandbox accepted (answered 2xx), summed over the runs. */
	accepted: number;
	crashes: number;
	leaks: number;
	/** Runs that ended in an error (expected for the "fails" scenarios and for most faulty writes). */
	errors: number;
	/** Requests the sandbox received in the faulty runs, and in the fault-free run. */
	requests: number;
	referenceRequests: number;
	/** Retry waits asked of the clock, in ms (a figure, not asserted). */
	waitedMs: number;
	/** Logins the sandbox answered, and sessions/tokens a request was refused with after they expired. */
	logins: number;
	expiredSessions: number;
	/** Each problem found, in words (empty when the cell is clean). */
	problems: string[];
	/** The last error of the cell, for the report. */
	lastError?: string;
}

export interface MatrixOptions {
	/** Runs per cell (default 1). */
	runs?: number;
	families?: string[];
	scenarios?: string[];
}

/** A sandbox with a hook on every answered request, for expiries in the middle of a pull. */
export interface MatrixSandbox {
	sandbox: Sandbox;
	setHook(hook: ((request: RecordedRequest) => void) | undefined): void;
}

export async function startMatrixSandbox(): Promise<MatrixSandbox> {
	let hook: ((request: RecordedRequest) => void) | undefined;
	const sandbox = await startSandbox({ onRequestDone: (request) => hook?.(request) });
	return { sandbox, setHook: (next) => (hook = next) };
}

function resetSandbox(sandbox: Sandbox): void {
	sandbox.livevox.reset();
	sandbox.vcclive.reset();
	sandbox.apio.reset();
	sandbox.faults.clear();
	sandbox.clearRequests();
	acceptCanaries(sandbox);
}

function armFaults(matrix: MatrixSandbox, family: Family, scenario: Scenario): void {
	const { sandbox } = matrix;
	const rule = { vendor: family.vendor, method: family.target.method, path: family.target.path };
	for (const step of scenario.steps) {
		if (step.skip) sandbox.faults.add({ ...rule, times: step.skip, fault: { kind: 'delay', ms: 0 } });
		sandbox.faults.add({ ...rule, times: step.times ?? 1, fault: step.fault });
	}
	if (scenario.sessionLifetime) {
		if (family.vendor === 'livevox') sandbox.livevox.expireSessionsAfter(scenario.sessionLifetime);
		if (family.vendor === 'apio') sandbox.apio.expireTokensAfter(scenario.sessionLifetime);
	}
	const expiry = scenario.expiry && (family.expiry ?? scenario.expiry);
	if (!expiry) {
		matrix.setHook(undefined);
		return;
	}
	let seen = 0;
	let logins = 0;
	matrix.setHook((request) => {
		// A request still held from an earlier cell (a slow answer the node gave up on) is not this run's.
		if (!sandbox.requests.includes(request)) return;
		if (request.vendor !== family.vendor || request.status >= 400) return;
		if (isLogin(request) && ++logins === 2 && scenario.afterRelogin) {
			sandbox.faults.add({ ...rule, times: Infinity, fault: scenario.afterRelogin });
		}
		if ((expiry.of === 'login') !== isLogin(request)) return;
		seen += 1;
		if (seen !== expiry.after) return;
		if (family.vendor === 'livevox') sandbox.livevox.expireSessions();
		if (family.vendor === 'apio') sandbox.apio.expireTokens();
	});
}

/** Runs the family's node once, with canary credentials, recording waits and log lines. */
export async function runFamily(
	matrix: MatrixSandbox,
	family: Family,
	scenario: Scenario | undefined,
	recorder: LogRecorder,
): Promise<{ result: RunResult; waitedMs: number; requests: RecordedRequest[]; leaks: Leak[] }> {
	const { sandbox } = matrix;
	resetSandbox(sandbox);
	matrix.setHook(undefined);
	if (scenario) armFaults(matrix, family, scenario);
	recorder.clear();
	let waitedMs = 0;
	const saved = { ...retryClock };
	retryClock.sleep = async (ms: number) => {
		waitedMs += ms;
	};
	retryClock.random = () => 0.5;
	try {
		const credential = CREDENTIAL_OF[family.vendor];
		const credentials = { [credential]: canaryCredentials(sandbox)[credential] };
		// Executions at once share the credential, as n8n's do: one stored session, one process.
		const credentialsHelper = newCredentialsHelper(credentials);
		const execute = async () =>
			await runNode({
				type: family.call.type,
				parameters: family.call.parameters,
				items: family.call.items,
				timezone: family.call.timezone,
				credentials,
				credentialsHelper,
			});
		const results = await Promise.all(Array.from({ length: scenario?.executions ?? 1 }, execute));
		const failed = results.find((candidate) => candidate.error);
		// One result for the cell: every execution's items, the first error.
		const result: RunResult = { ...(failed ?? results[0]), items: results.flatMap((candidate) => candidate.items) };
		const requests = [...sandbox.requests];
		const leaks = results.flatMap((candidate) => findLeaks(candidate, recorder.lines, secretsToFind(candidate.credentialsHelper.stored)));
		return { result, waitedMs, requests, leaks };
	} finally {
		Object.assign(retryClock, saved);
		matrix.setHook(undefined);
		sandbox.faults.clear();
	}
}

/** Stable JSON (sorted keys), so equal rows compare equal whatever their key order. */
function stable(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value as IDataObject).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stable(inner)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'undefined';
}

/** The rows (and files) of a run, as comparable strings. */
function rowsOf(result: RunResult): string[] {
	return result.items.map((item) =>
		stable({
			json: item.json,
			files: Object.values(item.binary ?? {}).map((file) => Buffer.from(file.data, 'base64').toString('utf8')),
		}),
	);
}

/** Rows of the reference missing from the run, and rows the run has more often than the reference. */
export function compareRows(reference: string[], actual: string[]): { lost: number; duplicated: number } {
	const counts = new Map<string, number>();
	for (const row of reference) counts.set(row, (counts.get(row) ?? 0) + 1);
	let duplicated = 0;
	for (const row of actual) {
		const left = counts.get(row) ?? 0;
		if (left > 0) counts.set(row, left - 1);
		else duplicated += 1;
	}
	const lost = [...counts.values()].reduce((sum, left) => sum + left, 0);
	return { lost, duplicated };
}

const N8N_ERRORS = new Set(['NodeApiError', 'NodeOperationError']);
const CRASH_WORDS = /TypeError|ReferenceError|RangeError|Cannot read|is not a function|is not iterable|undefined is|of undefined|of null/;

/** A crash: an error n8n did not get as a node error, or one whose words are a programming error's. */
export function isCrash(error: RunResult['error']): boolean {
	if (!error) return false;
	return !N8N_ERRORS.has(error.name) || CRASH_WORDS.test(`${error.message} ${error.description ?? ''}`);
}

/** Words that say the outcome of a write is unknown, and how to check it. */
const UNKNOWN_OUTCOME = /outcome is unknown|may or may not have been applied/;
const CHECK_WORDS = /\b(check|get|look)\b/i;
/** A refusal that proves nothing was done (the rate limit), with what to do. */
const REFUSED = /limiting the rate/;

/** Whether a failed read's error says what happened (vendor, the failure) and what to do. */
function explainsReadFailure(error: NonNullable<RunResult['error']>, family: Family): boolean {
	const vendor = { livevox: 'LiveVox', vcclive: 'VCC Live', apio: 'Netaxis APIO' }[family.vendor];
	return error.message.includes(vendor) && /\w/.test(error.description ?? '') && error.message.length < 400;
}

function emptyCell(kind: 'read' | 'write', family: Family, scenario: Scenario): CellResult {
	return {
		kind,
		scenario: scenario.id,
		family: family.id,
		runs: 0,
		rowsLost: 0,
		rowsDuplicated: 0,
		duplicateWrites: 0,
		lostWrites: 0,
		accepted: 0,
		crashes: 0,
		leaks: 0,
		errors: 0,
		requests: 0,
		referenceRequests: 0,
		waitedMs: 0,
		logins: 0,
		expiredSessions: 0,
		problems: [],
	};
}

const targetRequests = (requests: RecordedRequest[], family: Family) =>
	requests.filter(
		(request) =>
			request.vendor === family.vendor &&
			request.method === family.target.method &&
			(typeof family.target.path === 'string' ? request.path === family.target.path : family.target.path.test(request.path)),
	);

/** Runs a family once and adds what every cell counts: the run, its waits, requests, leaks and crash. */
async function runCounted(
	cell: CellResult,
	matrix: MatrixSandbox,
	family: Family,
	scenario: Scenario,
	recorder: LogRecorder,
) {
	const outcome = await runFamily(matrix, family, scenario, recorder);
	const { result, waitedMs, requests, leaks } = outcome;
	cell.runs += 1;
	cell.waitedMs += waitedMs;
	const sessions = family.vendor === 'livevox' ? matrix.sandbox.livevox.sessionStats : family.vendor === 'apio' ? matrix.sandbox.apio.tokenStats : undefined;
	if (sessions) {
		const expired = 'expiredSessions' in sessions ? sessions.expiredSessions : sessions.expiredTokens;
		cell.logins += sessions.logins;
		cell.expiredSessions += expired;
		// One login per expiry at most: none while the newest session was still live.
		if (scenario.sessionLifetime && (sessions.redundantLogins > 0 || sessions.logins > expired + 1)) {
			cell.problems.push(`${sessions.logins} logins for ${expired} expired sessions (${sessions.redundantLogins} while one was live)`);
		}
	}
	cell.requests += requests.length;
	cell.leaks += leaks.length;
	for (const leak of leaks) cell.problems.push(`leak in ${leak.where}: ${leak.secret}`);
	if (isCrash(result.error)) {
		cell.crashes += 1;
		cell.problems.push(`crash: ${result.error?.name}: ${result.error?.message}`);
	}
	return outcome;
}

export async function runReadCell(
	matrix: MatrixSandbox,
	family: Family,
	scenario: Scenario,
	reference: { rows: string[]; requests: number },
	recorder: LogRecorder,
	runs = 1,
): Promise<CellResult> {
	const cell = emptyCell('read', family, scenario);
	cell.referenceRequests = reference.requests;
	for (let run = 0; run < runs; run++) {
		const { result, requests } = await runCounted(cell, matrix, family, scenario, recorder);
		if (result.error) {
			cell.errors += 1;
			cell.lastError = `${result.error.message} | ${result.error.description ?? ''}`;
		}
		// Bounded: no request is tried more than the policy allows (a 401 refusal, resent with the newest session, aside).
		const perTarget = targetRequests(requests, family).filter((request) => request.status !== 401).length;
		const bound = (reference.requests + 2) * DEFAULT_RETRY_POLICY.maxAttempts * 2 * (scenario.executions ?? 1);
		if (perTarget > bound) cell.problems.push(`unbounded: ${perTarget} requests to the target`);
		if (scenario.expect === 'recovers') {
			if (result.error) {
				cell.problems.push(`failed where a retry should recover: ${result.error.message}`);
				cell.rowsLost += reference.rows.length;
				continue;
			}
			const expected = Array.from({ length: scenario.executions ?? 1 }, () => reference.rows).flat();
			const { lost, duplicated } = compareRows(expected, rowsOf(result));
			cell.rowsLost += lost;
			cell.rowsDuplicated += duplicated;
			if (lost) cell.problems.push(`${lost} rows lost`);
			if (duplicated) cell.problems.push(`${duplicated} rows duplicated`);
		} else if (!result.error) {
			cell.problems.push('succeeded where every attempt failed');
		} else if (!explainsReadFailure(result.error, family) || !(scenario.failureWords?.test(result.error.message) ?? true)) {
			cell.problems.push(`error does not say what happened and what to do: ${result.error.message}`);
		} else if (result.items.length > 0) {
			// A failed pull must not hand on a partial output as if it were whole.
			cell.rowsLost += reference.rows.length - Math.min(reference.rows.length, result.items.length);
			cell.problems.push(`a failed run still put out ${result.items.length} items`);
		}
	}
	return cell;
}

export async function runWriteCell(
	matrix: MatrixSandbox,
	family: Family,
	scenario: Scenario,
	reference: { requests: number },
	recorder: LogRecorder,
	runs = 1,
): Promise<CellResult> {
	const cell = emptyCell('write', family, scenario);
	cell.referenceRequests = reference.requests;
	for (let run = 0; run < runs; run++) {
		const { result, requests } = await runCounted(cell, matrix, family, scenario, recorder);
		// Accepted: the sandbox handled the write and answered 2xx (even if the answer was then lost).
		const accepted = targetRequests(requests, family).filter(
			(request) => request.handledStatus !== undefined && request.handledStatus >= 200 && request.handledStatus < 300,
		).length;
		cell.accepted += accepted;
		if (accepted > 1) {
			cell.duplicateWrites += accepted - 1;
			cell.problems.push(`write accepted ${accepted} times`);
		}
		const error = result.error;
		if (error) {
			cell.errors += 1;
			cell.lastError = `${error.message} | ${error.description ?? ''}`;
			const words = `${error.message} ${error.description ?? ''}`;
			const unknown = UNKNOWN_OUTCOME.test(error.message) && CHECK_WORDS.test(error.description ?? '');
			const refused = accepted === 0 && REFUSED.test(error.message) && /run again/i.test(error.description ?? '');
			if (!unknown && !refused) cell.problems.push(`error does not say the outcome is unknown and how to check: ${words}`);
		} else if (accepted !== 1) {
			cell.lostWrites += 1;
			cell.problems.push(`the node reported success but the sandbox accepted the write ${accepted} times`);
		}
		if (scenario.expect === 'recovers' && error) cell.problems.push(`failed where it should recover: ${error.message}`);
	}
	return cell;
}

export interface MatrixReport {
	cells: CellResult[];
	/** Wall-clock duration of the whole matrix, in ms. */
	durationMs: number;
}

/** Runs every applicable scenario × family; reference runs first, with no fault. */
export async function runMatrix(options: MatrixOptions = {}): Promise<MatrixReport> {
	const started = Date.now();
	const runs = options.runs ?? 1;
	const pick = <T extends { id: string }>(list: T[], ids?: string[]) => (ids ? list.filter((entry) => ids.includes(entry.id)) : list);
	const matrix = await startMatrixSandbox();
	const recorder = new LogRecorder();
	recorder.install();
	const cells: CellResult[] = [];
	try {
		for (const family of pick(READ_FAMILIES, options.families)) {
			const baseline = await runFamily(matrix, family, undefined, recorder);
			if (baseline.result.error) throw new Error(`Reference run of ${family.id} failed: ${baseline.result.error.message}`);
			const reference = { rows: rowsOf(baseline.result), requests: baseline.requests.length };
			for (const scenario of pick(READ_SCENARIOS, options.scenarios)) {
				if (!applies(scenario, family)) continue;
				cells.push(await runReadCell(matrix, family, scenario, reference, recorder, runs));
			}
		}
		for (const family of pick(WRITE_FAMILIES, options.families)) {
			const baseline = await runFamily(matrix, family, undefined, recorder);
			if (baseline.result.error) throw new Error(`Reference run of ${family.id} failed: ${baseline.result.error.message}`);
			for (const scenario of pick(WRITE_SCENARIOS, options.scenarios)) {
				if (!applies(scenario, family)) continue;
				cells.push(await runWriteCell(matrix, family, scenario, { requests: baseline.requests.length }, recorder, runs));
			}
		}
	} finally {
		recorder.uninstall();
		await matrix.sandbox.close();
	}
	return { cells, durationMs: Date.now() - started };
}
