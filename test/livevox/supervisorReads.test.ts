/**
 * Supervisor Call reads through n8n's engine: Get Queue Stats and Get Non-Attempted Manual
 * Calls, one request per service as the seed's examples show, one item per service or call.
 */
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { NON_ATTEMPTED_REASONS } from '../sandbox/livevox/supervisorData';
import { apiCalls, jsonOf, runLiveVox, sent } from './fixture';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.livevox.reset();
	sandbox.clearRequests();
	sandbox.faults.clear();
});

const supervisor = (operation: string, parameters: Record<string, unknown> = {}) => ({
	resource: 'supervisorCall',
	operation,
	...parameters,
});

describe('Get Queue Stats', () => {
	test('the seed example: GET /callControl/supervisor/calls/queue/21429, one item with the snapshot', async () => {
		const result = await runLiveVox(sandbox, supervisor('getQueueStats', { serviceIds: '21429' }));
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{ method: 'GET', path: '/callControl/supervisor/calls/queue/21429', query: {}, body: undefined },
		]);
		expect(jsonOf(result)).toEqual([
			{ serviceId: 21429, availableAgents: 7, callsOnHold: 2, callsToBeLaunched: 14, callsInProgress: 8, maxAgents: 26 },
		]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('several services from the list and typed IDs: one request and one item each, duplicates once', async () => {
		sandbox.livevox.supervisor.setQueueStats(5607, { availableAgents: 3, maxAgents: 4 });
		const result = await runLiveVox(
			sandbox,
			supervisor('getQueueStats', { services: [21429], serviceIds: '5607, 21429' }),
		);
		expect(apiCalls(sandbox).map((request) => request.path).sort()).toEqual([
			'/callControl/supervisor/calls/queue/21429',
			'/callControl/supervisor/calls/queue/5607',
		]);
		expect(jsonOf(result).map((item) => [item.serviceId, item.availableAgents])).toEqual([
			[21429, 7],
			[5607, 3],
		]);
	});

	test('no service chosen: a NodeOperationError before any request', async () => {
		const result = await runLiveVox(sandbox, supervisor('getQueueStats', { services: [], serviceIds: ' ' }));
		expect(result.error?.message).toBe('No service is chosen');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.description).toContain('Service IDs');
		expect(sandbox.requests).toEqual([]);
	});

	test('with Continue On Fail a bad item gives an error item and the others go on', async () => {
		const result = await runLiveVox(
			sandbox,
			supervisor('getQueueStats', { serviceIds: '={{ $json.ids }}' }),
			{ items: [{ ids: 'abc' }, { ids: '21429' }], continueOnFail: true },
		);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ error: 'each of Service IDs must be a whole number, got "abc"' }),
			expect.objectContaining({ serviceId: 21429, maxAgents: 26 }),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(apiCalls(sandbox)).toHaveLength(1);
	});

	test('an unknown service: the 404 says to check the Service ID', async () => {
		const result = await runLiveVox(sandbox, supervisor('getQueueStats', { serviceIds: '999999' }));
		expect(result.error?.message).toContain('Service 999999 not found');
		expect(result.error?.description).toContain('check the Service ID');
	});
});

describe('Get Non-Attempted Manual Calls', () => {
	test('the seed example: GET .../50123/GetNonAttemptedManualCalls, numbers as numbers, the time as ISO', async () => {
		const result = await runLiveVox(sandbox, supervisor('getNonAttemptedCalls', { serviceIds: '50123' }));
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{ method: 'GET', path: '/callControl/supervisor/calls/50123/GetNonAttemptedManualCalls', query: {}, body: undefined },
		]);
		expect(jsonOf(result)).toEqual([
			{
				serviceId: 50123,
				transactionId: 27460618101,
				phoneNumber: '6503517524',
				errorCode: 998,
				reason: 'Outside of allowable dialing window',
				documentedReason: 'Outside of allowable dialing window',
				// Read in the workflow's time zone (America/New_York in these tests).
				timeOfFailure: '2014-02-06T14:44:02.200-05:00',
				timeOfFailureAsSent: '2014-02-06T14:44:02.2',
			},
		]);
	});

	test('every documented error code gets its documented reason; an unknown code gets none', async () => {
		const codes = Object.keys(NON_ATTEMPTED_REASONS).map(Number);
		expect(codes).toHaveLength(20);
		for (const [index, errorCode] of [...codes, 1234].entries()) {
			sandbox.livevox.supervisor.addNonAttempted(21429, {
				transactionId: 900 + index,
				phoneNumber: '4152057483',
				errorCode,
				failedAt: Date.UTC(2030, 0, 15, 15, 0, index),
			});
		}
		const result = await runLiveVox(
			sandbox,
			supervisor('getNonAttemptedCalls', { serviceIds: '21429', options: { failureTimeZone: 'America/Los_Angeles' } }),
		);
		const calls = jsonOf(result);
		expect(calls).toHaveLength(21);
		for (const call of calls.slice(0, 20)) {
			expect(call.documentedReason).toBe(NON_ATTEMPTED_REASONS[call.errorCode as number]);
		}
		expect(calls[20]).toMatchObject({ errorCode: 1234, documentedReason: null, reason: 'Unknown' });
		// The sandbox writes New York time; read as Los Angeles time it keeps the wall clock.
		expect(calls[0].timeOfFailureAsSent).toBe('2030-01-15T10:00:00.0');
		expect(calls[0].timeOfFailure).toBe('2030-01-15T10:00:00.000-08:00');
	});

	test('several services: the calls of each, labelled with their service', async () => {
		sandbox.livevox.supervisor.addNonAttempted(5607, {
			transactionId: 1,
			phoneNumber: '4152057483',
			errorCode: 440,
			failedAt: Date.UTC(2030, 0, 15, 15),
		});
		const result = await runLiveVox(sandbox, supervisor('getNonAttemptedCalls', { serviceIds: '50123,5607' }));
		expect(jsonOf(result).map((call) => [call.serviceId, call.errorCode, call.documentedReason])).toEqual([
			[50123, 998, 'Outside of allowable dialing window'],
			[5607, 440, 'Busy'],
		]);
	});

	test('an unknown time zone option: a NodeOperationError before any request', async () => {
		const result = await runLiveVox(
			sandbox,
			supervisor('getNonAttemptedCalls', { serviceIds: '50123', options: { failureTimeZone: 'Mars/Olympus' } }),
		);
		expect(result.error?.message).toBe('Time Zone of Failure Times "Mars/Olympus" is not a time zone');
		expect(sandbox.requests).toEqual([]);
	});
});
