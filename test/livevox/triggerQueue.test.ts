/**
 * LiveVox Trigger, queue thresholds: polled in trigger mode again and again with the static
 * data kept, each crossing fires exactly once (and each recovery once, when asked for); a
 * manual run shows the current numbers as test items (neither crossing nor recovery) and
 * leaves the memory alone.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { PollHarness } from '../engine/pollHarness';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apiCalls, byId, liveVoxCredentials, runLiveVox, sent } from './fixture';

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

function trigger(parameters: INodeParameters): PollHarness {
	return new PollHarness({
		type: 'liveVoxTrigger',
		parameters: { event: 'queueThreshold', ...parameters },
		credentials: { liveVoxApi: liveVoxCredentials(sandbox) },
	});
}

const threshold = (metric: string, condition: string, value: number) => ({ threshold: [{ metric, condition, value }] });
const onHold = (value: number) => sandbox.livevox.supervisor.setQueueStats(21429, { callsOnHold: value });
const events = (items: Array<{ json: IDataObject }> | null) =>
	items?.map(({ json }) => [json.event, json.serviceId, json.value]) ?? null;

test('calls on hold: fires once per crossing and once per recovery, across successive polls', async () => {
	const harness = trigger({
		serviceIds: '21429',
		thresholds: threshold('callsOnHold', 'atOrAbove', 5),
		notifyOnRecovery: true,
	});
	expect(await harness.poll()).toBeNull(); // 2 on hold
	expect(apiCalls(sandbox).map(sent)).toEqual([
		{ method: 'GET', path: '/callControl/supervisor/calls/queue/21429', query: {}, body: undefined },
	]);

	onHold(6);
	const crossed = await harness.poll();
	expect(events(crossed)).toEqual([['thresholdCrossed', 21429, 6]]);
	expect(crossed?.[0].json).toMatchObject({
		beyondThreshold: true,
		metric: 'callsOnHold',
		condition: 'atOrAbove',
		threshold: 5,
		availableAgents: 7,
		callsToBeLaunched: 14,
		maxAgents: 26,
		checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
	});
	onHold(9);
	expect(await harness.poll()).toBeNull(); // still beyond: no second alert
	onHold(3);
	const recovered = await harness.poll();
	expect(events(recovered)).toEqual([['thresholdRecovered', 21429, 3]]);
	expect(recovered?.[0].json).toMatchObject({ beyondThreshold: false, threshold: 5 });
	// Only the manual run's items are marked as test items.
	expect([crossed?.[0].json.testEvent, recovered?.[0].json.testEvent]).toEqual([undefined, undefined]);
	expect(await harness.poll()).toBeNull();
	onHold(5);
	expect(events(await harness.poll())).toEqual([['thresholdCrossed', 21429, 5]]);
	expect(harness.nodeState).toEqual({ queueSides: { '21429:callsOnHold:atOrAbove:5': 'beyond' } });
});

test('without Notify on Recovery a recovery is silent, and the next crossing fires again', async () => {
	const harness = trigger({ serviceIds: '21429', thresholds: threshold('callsOnHold', 'atOrAbove', 5) });
	onHold(7);
	expect(events(await harness.poll())).toEqual([['thresholdCrossed', 21429, 7]]);
	onHold(1);
	expect(await harness.poll()).toBeNull();
	onHold(8);
	expect(events(await harness.poll())).toEqual([['thresholdCrossed', 21429, 8]]);
});

test('available agents at or below a value, on several services: a service already beyond fires at the first poll', async () => {
	sandbox.livevox.supervisor.setQueueStats(5607, { availableAgents: 0 });
	const harness = trigger({ serviceIds: '21429, 5607', thresholds: threshold('availableAgents', 'atOrBelow', 1) });
	expect(events(await harness.poll())).toEqual([['thresholdCrossed', 5607, 0]]);
	expect(await harness.poll()).toBeNull();
	sandbox.livevox.supervisor.setQueueStats(21429, { availableAgents: 1 });
	expect(events(await harness.poll())).toEqual([['thresholdCrossed', 21429, 1]]);
});

test('end to end: calls launched by the LiveVox node push calls waiting to be launched over the threshold', async () => {
	const harness = trigger({ serviceIds: '21429', thresholds: threshold('callsToBeLaunched', 'atOrAbove', 16) });
	expect(await harness.poll()).toBeNull(); // 14 waiting
	const launched = await runLiveVox(
		sandbox,
		{ resource: 'supervisorCall', operation: 'launchManualCalls', serviceId: byId(21429), phoneNumber: '={{ $json.phone }}' },
		{ items: [{ phone: '4152057401' }, { phone: '4152057402' }] },
	);
	expect(launched.error).toBeUndefined();
	expect(events(await harness.poll())).toEqual([['thresholdCrossed', 21429, 16]]);
	sandbox.livevox.supervisor.dial(21429, 2);
	expect(await harness.poll()).toBeNull();
});

const testItems = (items: Array<{ json: IDataObject }>) =>
	items.map(({ json }) => [json.event, json.testEvent, json.beyondThreshold, json.serviceId, json.value]);

test('a manual run shows every service and threshold as it stands, as current-state test items, and leaves the memory alone', async () => {
	const harness = trigger({ serviceIds: '21429', thresholds: threshold('callsOnHold', 'atOrAbove', 5) });
	onHold(6);
	const before = await harness.runManual();
	expect(before.error).toBeUndefined();
	// Beyond the threshold, yet not a crossing: a flow can tell the test item from an alert.
	expect(testItems(before.items)).toEqual([['currentState', true, true, 21429, 6]]);
	expect(before.items[0].json).toMatchObject({ metric: 'callsOnHold', condition: 'atOrAbove', threshold: 5, callsOnHold: 6 });
	expect(harness.manualRunChangedState).toBe(false);
	expect(harness.staticData).toEqual({});

	// The manual run did not use up the crossing: the active workflow still reports it, once.
	expect(events(await harness.poll())).toEqual([['thresholdCrossed', 21429, 6]]);
	const saved = JSON.stringify(harness.staticData);
	onHold(0);
	const after = await harness.runManual();
	// Within the threshold, yet not a recovery.
	expect(testItems(after.items)).toEqual([['currentState', true, false, 21429, 0]]);
	expect(harness.manualRunChangedState).toBe(false);
	expect(JSON.stringify(harness.staticData)).toBe(saved);
});

test('the memory holds only the services and thresholds watched now', async () => {
	const harness = trigger({ serviceIds: '21429, 5607', thresholds: threshold('callsOnHold', 'atOrAbove', 5) });
	await harness.poll();
	expect(Object.keys(harness.nodeState.queueSides as IDataObject).sort()).toEqual([
		'21429:callsOnHold:atOrAbove:5',
		'5607:callsOnHold:atOrAbove:5',
	]);
	harness.options.parameters = { ...harness.options.parameters, serviceIds: '21429', thresholds: threshold('callsOnHold', 'atOrAbove', 1) };
	expect(events(await harness.poll())).toEqual([['thresholdCrossed', 21429, 2]]);
	expect(Object.keys(harness.nodeState.queueSides as IDataObject)).toEqual(['21429:callsOnHold:atOrAbove:1']);
});

test('bad settings fail the poll before any request, with a clear message', async () => {
	await expect(trigger({ serviceIds: '', thresholds: threshold('callsOnHold', 'atOrAbove', 5) }).poll()).rejects.toThrow(
		'No service is chosen',
	);
	await expect(trigger({ serviceIds: '21429', thresholds: {} }).poll()).rejects.toThrow('No threshold is set');
	await expect(trigger({ serviceIds: '21429', thresholds: threshold('callsOnHold', 'atOrAbove', -1) }).poll()).rejects.toThrow(
		'is not valid',
	);
	expect(sandbox.requests).toEqual([]);
});

test('a failed read fails the poll and keeps the memory as it was', async () => {
	const harness = trigger({ serviceIds: '21429', thresholds: threshold('callsOnHold', 'atOrAbove', 5) });
	onHold(6);
	await harness.poll();
	const saved = JSON.stringify(harness.staticData);
	onHold(1);
	sandbox.faults.add({ path: '/callControl/supervisor/calls/queue/21429', fault: { kind: 'status', status: 403 } });
	await expect(harness.poll()).rejects.toThrow('LiveVox refused this call for your user');
	expect(JSON.stringify(harness.staticData)).toBe(saved);
});
