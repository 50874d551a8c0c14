/**
 * LiveVox Trigger, new non-attempted manual calls: polled in trigger mode again and again
 * with the static data kept, each failure fires exactly once; the first poll of a service
 * sets the baseline; a manual run shows a sample and uses nothing up; the memory is bounded.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { PollHarness } from '../engine/pollHarness';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apiCalls, byId, liveVoxCredentials, runLiveVox, sent } from './fixture';

let sandbox: Sandbox;
/** The sandbox clock, moved by the tests so queued calls can run out of dialing time. */
let now = Date.UTC(2030, 0, 15, 15, 0, 0);
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.livevox.reset();
	now = Date.UTC(2030, 0, 15, 15, 0, 0);
	sandbox.livevox.now = () => now;
	sandbox.clearRequests();
	sandbox.faults.clear();
});

function trigger(parameters: INodeParameters = {}): PollHarness {
	return new PollHarness({
		type: 'liveVoxTrigger',
		parameters: { event: 'nonAttemptedCall', serviceIds: '50123, 21429', ...parameters },
		credentials: { liveVoxApi: liveVoxCredentials(sandbox) },
	});
}

/** Launches one call per item on 21429 through the LiveVox node, as a supervisor's flow would. */
async function launch(items: IDataObject[]) {
	const result = await runLiveVox(
		sandbox,
		{
			resource: 'supervisorCall',
			operation: 'launchManualCalls',
			serviceId: byId(21429),
			phoneNumber: '={{ $json.phone }}',
			callFields: { dialingTimeout: '={{ $json.timeout ?? "" }}' },
			options: { allowOtherFormats: true },
		},
		{ items },
	);
	expect(result.error).toBeUndefined();
}

const calls = (items: Array<{ json: IDataObject }> | null) =>
	items?.map(({ json }) => [json.serviceId, json.phoneNumber, json.errorCode, json.documentedReason]) ?? null;

test('each failure fires exactly once across successive polls; what was listed at the first poll is the baseline', async () => {
	const harness = trigger();
	expect(await harness.poll()).toBeNull(); // the seed example's failure on 50123 is already listed
	expect(apiCalls(sandbox).map(sent).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
		{ method: 'GET', path: '/callControl/supervisor/calls/21429/GetNonAttemptedManualCalls', query: {}, body: undefined },
		{ method: 'GET', path: '/callControl/supervisor/calls/50123/GetNonAttemptedManualCalls', query: {}, body: undefined },
	]);

	await launch([{ phone: '4155550199' }, { phone: '12345' }, { phone: '4152057483', timeout: 60 }]);
	const first = await harness.poll();
	expect(calls(first)).toEqual([
		[21429, '4155550199', 1000, 'Phone number on DNC list'],
		[21429, '12345', 899, 'Invalid phone number'],
	]);
	expect(first?.[0].json).toMatchObject({
		timeOfFailure: '2030-01-15T10:00:00.000-05:00',
		timeOfFailureAsSent: '2030-01-15T10:00:00.0',
		transactionId: expect.any(Number),
	});
	expect(await harness.poll()).toBeNull();

	now += 60_000; // the queued call's dialing timeout runs out: 799
	expect(calls(await harness.poll())).toEqual([[21429, '4152057483', 799, 'No agents available to dial']]);
	expect(await harness.poll()).toBeNull();
	expect(await harness.poll()).toBeNull();
	expect(Object.keys(harness.nodeState.failures as IDataObject)).toHaveLength(4);
});

test('Include Calls Already Listed: the first poll also reports what LiveVox lists already, once', async () => {
	const harness = trigger({ options: { includeExisting: true } });
	expect(calls(await harness.poll())).toEqual([[50123, '6503517524', 998, 'Outside of allowable dialing window']]);
	expect(await harness.poll()).toBeNull();
});

test('a service added later starts with its own baseline; the services watched before go on', async () => {
	sandbox.livevox.supervisor.addNonAttempted(5607, { transactionId: 1, phoneNumber: '4152057483', errorCode: 440, failedAt: now });
	const harness = trigger({ serviceIds: '21429' });
	expect(await harness.poll()).toBeNull();
	harness.options.parameters = { ...harness.options.parameters, serviceIds: '21429, 5607' };
	expect(await harness.poll()).toBeNull(); // 5607's old failure is its baseline
	sandbox.livevox.supervisor.addNonAttempted(5607, { transactionId: 2, phoneNumber: '4152057484', errorCode: 486, failedAt: now });
	expect(calls(await harness.poll())).toEqual([[5607, '4152057484', 486, 'Busy']]);
	expect(harness.nodeState.watchedServices).toEqual([21429, 5607]);
});

test('a manual run shows the listed calls as a sample and uses nothing up', async () => {
	const harness = trigger();
	await harness.poll();
	await launch([{ phone: '4155550199' }]);
	const saved = JSON.stringify(harness.staticData);

	const manual = await harness.runManual();
	expect(manual.error).toBeUndefined();
	expect(manual.items.map(({ json }) => [json.serviceId, json.errorCode])).toEqual([
		[50123, 998],
		[21429, 1000],
	]);
	expect(harness.manualRunChangedState).toBe(false);
	expect(JSON.stringify(harness.staticData)).toBe(saved);

	// The active workflow still reports the new failure, exactly once.
	expect(calls(await harness.poll())).toEqual([[21429, '4155550199', 1000, 'Phone number on DNC list']]);
	expect(await harness.poll()).toBeNull();
});

test('a manual run before any poll also leaves the static data empty', async () => {
	const harness = trigger();
	const manual = await harness.runManual();
	expect(manual.items).toHaveLength(1);
	expect(harness.staticData).toEqual({});
});

test('the memory forgets failures LiveVox no longer lists', async () => {
	const harness = trigger({ serviceIds: '21429', options: { includeExisting: true } });
	sandbox.livevox.supervisor.addNonAttempted(21429, { transactionId: 7, phoneNumber: '4152057483', errorCode: 440, failedAt: now });
	expect(calls(await harness.poll())).toHaveLength(1);
	const key = Object.keys(harness.nodeState.failures as IDataObject)[0];
	expect(key).toBe('21429|7|4152057483|440|2030-01-15T10:00:00.0');

	// A failure remembered but not listed for over a week is dropped at the next poll.
	const failures = harness.nodeState.failures as Record<string, number>;
	harness.staticData = {
		'node:Trigger': { ...harness.nodeState, failures: { ...failures, 'gone|1': Date.now() - 8 * 24 * 3_600_000 } },
	};
	expect(await harness.poll()).toBeNull();
	expect(Object.keys(harness.nodeState.failures as IDataObject)).toEqual([key]);
});

test('an invalid time zone option fails the poll before any request', async () => {
	await expect(trigger({ options: { failureTimeZone: 'Nowhere/Town' } }).poll()).rejects.toThrow(
		'Time Zone of Failure Times "Nowhere/Town" is not a time zone',
	);
	expect(sandbox.requests).toEqual([]);
});
