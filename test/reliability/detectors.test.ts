/**
 * The matrix's detectors can fail: a lost or doubled row, a write sent twice, a leaked canary
 * and a crash are each caught when they happen.
 */
import * as retry from '../../nodes/shared/retry';
import type { RunResult } from '../engine/harness';
import { CANARIES, findLeaks, LogRecorder } from './canaries';
import { compareRows, isCrash, runFamily, runWriteCell, startMatrixSandbox } from './matrix';
import { WRITE_FAMILIES, WRITE_SCENARIOS } from './scenarios';

test('compareRows counts lost and duplicated rows as multisets', () => {
	expect(compareRows(['a', 'b', 'b', 'c'], ['a', 'b', 'b', 'c'])).toEqual({ lost: 0, duplicated: 0 });
	expect(compareRows(['a', 'b', 'b', 'c'], ['a', 'b', 'c'])).toEqual({ lost: 1, duplicated: 0 });
	expect(compareRows(['a', 'b', 'c'], ['a', 'b', 'b', 'c', 'c'])).toEqual({ lost: 0, duplicated: 2 });
	expect(compareRows(['a'], ['x'])).toEqual({ lost: 1, duplicated: 1 });
});

test('isCrash tells a node error from a programming error', () => {
	const error = (name: string, message: string) => Object.assign(new Error(message), { name });
	expect(isCrash(undefined)).toBe(false);
	expect(isCrash(error('NodeApiError', 'LiveVox had a server error (503)'))).toBe(false);
	expect(isCrash(error('TypeError', 'x is not a function'))).toBe(true);
	expect(isCrash(error('NodeOperationError', "Cannot read properties of undefined (reading 'map')"))).toBe(true);
});

test('findLeaks finds a canary in an item, an error description, a log line, and a cut canary', () => {
	const result = {
		items: [{ json: { note: `token ${CANARIES.liveVox.accessToken}` } }],
		error: Object.assign(new Error('failed'), { description: `password was ${CANARIES.apio.password}` }),
		run: { data: {} },
	} as unknown as RunResult;
	const leaks = findLeaks(result, [{ level: 'debug', text: `login ${CANARIES.vccLive.apiToken.slice(0, 12)}` }], [
		CANARIES.liveVox.accessToken,
		CANARIES.apio.password,
		CANARIES.vccLive.apiToken,
	]);
	expect(leaks.map((leak) => leak.where)).toEqual(
		expect.arrayContaining(['output items', 'error description', 'error (serialized)', 'n8n log']),
	);
});

test('a write that the transports retried would be counted as a duplicate write', async () => {
	// Sabotage: every request is treated as a read, so a write whose answer is lost is sent again.
	const real = retry.withRetry;
	const spy = jest
		.spyOn(retry, 'withRetry')
		.mockImplementation(async (attempt, options) => await real(attempt, { ...options, kind: 'read' }));
	const matrix = await startMatrixSandbox();
	const recorder = new LogRecorder();
	try {
		const family = WRITE_FAMILIES.find((entry) => entry.id === 'service-create');
		const scenario = WRITE_SCENARIOS.find((entry) => entry.id === 'reset-after');
		if (!family || !scenario) throw new Error('scenario missing');
		const cell = await runWriteCell(matrix, family, scenario, { requests: 2 }, recorder);
		expect(cell.duplicateWrites).toBeGreaterThan(0);
		expect(cell.problems.join(' ')).toMatch(/write accepted \d times/);
	} finally {
		spy.mockRestore();
		await matrix.sandbox.close();
	}
});

test('the log recorder sees what n8n logs during a run (so the log scan is not empty by accident)', async () => {
	const matrix = await startMatrixSandbox();
	const recorder = new LogRecorder();
	recorder.install();
	try {
		const family = WRITE_FAMILIES.find((entry) => entry.id === 'callback');
		if (!family) throw new Error('family missing');
		const { result } = await runFamily(matrix, family, undefined, recorder);
		expect(result.error).toBeUndefined();
		expect(recorder.lines.some((line) => /Running node "Node"/.test(line.text))).toBe(true);
	} finally {
		recorder.uninstall();
		await matrix.sandbox.close();
	}
});
