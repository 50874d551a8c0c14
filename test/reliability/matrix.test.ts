/**
 * The fault matrix (issue 9) as CI tests: every read family under every fault gives the rows of
 * the fault-free run, every write is accepted at most once (and when not exactly once, the
 * error says the outcome is unknown and how to check), no crash, no canary anywhere.
 */
import type { CellResult, MatrixReport } from './matrix';
import { runMatrix } from './matrix';
import { formatTable, totalsOf } from './report';
import { applies, READ_FAMILIES, READ_SCENARIOS, WRITE_FAMILIES, WRITE_SCENARIOS } from './scenarios';

let report: MatrixReport;
const cells = new Map<string, CellResult>();

beforeAll(async () => {
	report = await runMatrix();
	for (const cell of report.cells) cells.set(`${cell.kind}/${cell.family}/${cell.scenario}`, cell);
}, 900_000);

const readCells = READ_FAMILIES.flatMap((family) =>
	READ_SCENARIOS.filter((scenario) => applies(scenario, family)).map((scenario) => [family.id, scenario.id] as const),
);
const writeCells = WRITE_FAMILIES.flatMap((family) =>
	WRITE_SCENARIOS.filter((scenario) => applies(scenario, family)).map((scenario) => [family.id, scenario.id] as const),
);

describe('reads: nothing lost, nothing duplicated, bounded retries, clear errors', () => {
	test.each(readCells)('%s under %s', (family, scenario) => {
		const cell = cells.get(`read/${family}/${scenario}`);
		expect(cell?.runs).toBe(1);
		expect(cell?.problems).toEqual([]);
		expect(cell).toMatchObject({ rowsLost: 0, rowsDuplicated: 0, crashes: 0, leaks: 0 });
	});
});

describe('writes: accepted once, or not at all with an error that says how to check', () => {
	test.each(writeCells)('%s under %s', (family, scenario) => {
		const cell = cells.get(`write/${family}/${scenario}`);
		expect(cell?.runs).toBe(1);
		expect(cell?.problems).toEqual([]);
		expect(cell).toMatchObject({ duplicateWrites: 0, lostWrites: 0, crashes: 0, leaks: 0 });
		expect(cell?.accepted).toBeLessThanOrEqual(1);
	});

	test('without a fault and after a session expiry, each write is accepted exactly once', () => {
		for (const family of WRITE_FAMILIES) {
			expect([family.id, cells.get(`write/${family.id}/none`)?.accepted]).toEqual([family.id, 1]);
			expect([family.id, cells.get(`write/${family.id}/expiry`)?.accepted]).toEqual([family.id, 1]);
		}
	});

	test('a write refused with 429 and Retry-After once is sent again after the wait and accepted once', () => {
		for (const family of WRITE_FAMILIES) {
			const cell = cells.get(`write/${family.id}/429-retry-after-once`);
			expect([family.id, cell?.accepted, cell?.errors]).toEqual([family.id, 1, 0]);
		}
	});

	test('a write whose answer was lost after the sandbox handled it is accepted once and reported unknown', () => {
		for (const scenario of ['reset-after', 'reset-mid-body', 'slow', 'expiry-then-reset']) {
			for (const family of WRITE_FAMILIES) {
				const cell = cells.get(`write/${family.id}/${scenario}`);
				expect([family.id, scenario, cell?.accepted, cell?.errors]).toEqual([family.id, scenario, 1, 1]);
				expect(cell?.lastError).toMatch(/^The outcome is unknown/);
			}
		}
	});
});

test('sessions ending after 1, 2, 3, 5 requests or 300 ms, one execution or ten at once: no failed run, logins counted', () => {
	const sessionCells = report.cells.filter((cell) => cell.scenario.startsWith('session-'));
	expect(sessionCells).toHaveLength(20);
	for (const cell of sessionCells) {
		expect([cell.family, cell.scenario, cell.errors, cell.problems]).toEqual([cell.family, cell.scenario, 0, []]);
		expect(cell.logins).toBeGreaterThan(0);
		expect(cell.logins).toBeLessThanOrEqual(cell.expiredSessions + 1);
	}
});

test('the whole matrix: 0 rows lost, 0 duplicated, 0 duplicate writes, 0 crashes, 0 leaks', () => {
	expect(report.cells).toHaveLength(readCells.length + writeCells.length);
	const totals = totalsOf(report.cells);
	if (totals.problems > 0) process.stdout.write(`${formatTable(report.cells)}\n`);
	expect(totals).toMatchObject({ rowsLost: 0, rowsDuplicated: 0, duplicateWrites: 0, lostWrites: 0, crashes: 0, leaks: 0, problems: 0 });
});
