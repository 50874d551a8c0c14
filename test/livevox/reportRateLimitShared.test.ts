/**
 * Executions at once on one credential under a tenant's limit of requests in flight: what one
 * learns from LiveVox's refusals (429), all keep to (nodes/shared/throttle.ts, one throttle per
 * credential in the process). In a file of its own: the throttle a test file's earlier runs
 * taught would still be there.
 */
import type { INodeParameters } from 'n8n-workflow';

import { retryClock } from '../../nodes/shared/retry';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { jsonOf } from './fixture';
import { custom, reportCalls, runReport } from './reportFixture';

let sandbox: Sandbox;
const realSleep = retryClock.sleep;
beforeAll(async () => {
	sandbox = await startSandbox();
	retryClock.sleep = async () => undefined;
	// Answers take a while, so that requests sent together overlap at the sandbox.
	sandbox.setLatency(250);
	sandbox.setInFlightLimit({ maxInFlight: 2, retryAfterSeconds: 1, vendor: 'livevox' });
});
afterAll(async () => {
	retryClock.sleep = realSleep;
	await sandbox.close();
});

const callDetails = (parameters: INodeParameters) => runReport(sandbox, 'callDetails', parameters);

test('six executions at once on one credential share what the first refusals taught: every one succeeds, and no refusal after the first round', async () => {
	const month = { ...custom('2024-01-01', '2024-01-30'), filters: { callCenterIds: '433' } };
	const results = await Promise.all(Array.from({ length: 6 }, async () => await callDetails(month)));
	expect(results.map((result) => result.error)).toEqual(Array(6).fill(undefined));
	const rows = jsonOf(results[0]).map((row) => row.transactionId);
	for (const result of results) expect(jsonOf(result).map((row) => row.transactionId)).toEqual(rows);
	const calls = reportCalls(sandbox);
	expect(calls.filter((call) => call.status === 200)).toHaveLength(6 * 10);
	// The executions' first requests went out together, before any refusal was answered: most
	// were refused. After that, executions keeping to limits of their own (2 each, 12 at a
	// time) would be refused round after round; sharing one, at most a request sent in the
	// moment between the first answers and the first refusals read.
	const refusals = calls.filter((call) => call.status === 429);
	const firstRefusalRead = Math.min(...refusals.map((call) => call.doneAt));
	expect(refusals.filter((call) => call.receivedAt < firstRefusalRead).length).toBeGreaterThan(6);
	expect(refusals.filter((call) => call.receivedAt >= firstRefusalRead).length).toBeLessThan(6);
});
