/**
 * Write safety of the supervisor calls: a launch or callback whose connection drops after
 * LiveVox handled it is reported as an unknown outcome and never sent again, so nobody is
 * dialed twice; a server error on a launch is not retried either.
 */
import { retryClock } from '../../nodes/shared/retry';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apiCalls, byId, jsonOf, runLiveVox } from './fixture';

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

const launchPath = '/callControl/supervisor/calls/21429/LaunchManualCalls';
const launch = (batchSize = 100) => ({
	resource: 'supervisorCall',
	operation: 'launchManualCalls',
	serviceId: byId(21429),
	phoneNumber: '={{ $json.phone }}',
	options: { batchSize },
});
const items = [{ phone: '4152057401' }, { phone: '4152057402' }, { phone: '4152057403' }];

test('a launch whose connection drops after sending is sent once and reported as an unknown outcome', async () => {
	sandbox.faults.add({ method: 'POST', path: launchPath, times: Infinity, fault: { kind: 'dropAfterProcessing' } });
	const result = await runLiveVox(sandbox, launch(), { items });

	const launches = apiCalls(sandbox).filter((request) => request.path === launchPath);
	expect(launches).toHaveLength(1);
	// LiveVox did queue the calls: exactly once.
	expect(sandbox.livevox.supervisor.queuedCalls(21429).map((call) => call.phoneNumber)).toEqual([
		'4152057401',
		'4152057402',
		'4152057403',
	]);
	expect(result.error?.message).toMatch(/^The outcome is unknown: LiveVox closed the connection/);
	expect(result.error?.description).toContain('Check Get Non-Attempted Manual Calls and Get Queue Stats of service 21429');
	expect(result.error?.description).toContain('before running it again');
	expect(result.error?.description).toContain('It was not sent again');
	expect(result.error?.description).toContain('Batch 1 of 1 (items 0–2) may have been launched');
	expect(result.error?.description).not.toContain(sandbox.livevox.account.password);
});

test('a drop in the second of three batches: the first is launched, the second unknown, the third never sent', async () => {
	const five = [...items, { phone: '4152057404' }, { phone: '4152057405' }];
	sandbox.faults.add({ method: 'POST', path: launchPath, fault: { kind: 'delay', ms: 0 } });
	sandbox.faults.add({ method: 'POST', path: launchPath, fault: { kind: 'dropAfterProcessing' } });
	const result = await runLiveVox(sandbox, launch(2), { items: five, continueOnFail: true });
	expect(apiCalls(sandbox).filter((request) => request.path === launchPath)).toHaveLength(2);
	expect(sandbox.livevox.supervisor.queuedCalls(21429)).toHaveLength(4);
	expect(jsonOf(result).map((item) => item.status)).toEqual(['submitted', 'submitted', 'unknown', 'unknown', 'notSent']);
	expect(jsonOf(result)[2]).toMatchObject({
		batch: 2,
		error: expect.stringMatching(/^The outcome is unknown/),
		description: expect.stringContaining('Launched before it: items 0–1. Not sent: item 4.'),
	});
	expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
});

test('a 503 answer to a launch is not retried: the words say it may or may not have been applied', async () => {
	sandbox.faults.add({ method: 'POST', path: launchPath, times: Infinity, fault: { kind: 'status', status: 503 } });
	const result = await runLiveVox(sandbox, launch(), { items });
	expect(apiCalls(sandbox).filter((request) => request.path === launchPath)).toHaveLength(1);
	expect(result.error?.message).toContain('LiveVox answered 503 to a change, which may or may not have been applied');
	expect(result.error?.description).toContain('Check Get Non-Attempted Manual Calls');
});

test('a callback whose connection drops after sending is scheduled once and not sent again', async () => {
	const path = '/callControl/supervisor/calls/112231/ScheduleCallback';
	sandbox.faults.add({ method: 'POST', path, times: Infinity, fault: { kind: 'dropAfterProcessing' } });
	const result = await runLiveVox(sandbox, {
		resource: 'supervisorCall',
		operation: 'scheduleCallback',
		serviceId: byId(112231),
		phoneNumber: '4158149720',
	});
	expect(apiCalls(sandbox).filter((request) => request.path === path)).toHaveLength(1);
	expect(sandbox.livevox.supervisor.callbacks).toHaveLength(1);
	expect(result.error?.message).toMatch(/^The outcome is unknown/);
	expect(result.error?.description).toContain('whether a callback to 4158149720 is scheduled on service 112231');
});

test('reads, unlike launches, are retried: a dropped queue-stats read is sent again', async () => {
	const sleep = jest.spyOn(retryClock, 'sleep').mockResolvedValue(undefined);
	const queuePath = '/callControl/supervisor/calls/queue/21429';
	sandbox.faults.add({ method: 'GET', path: queuePath, fault: { kind: 'drop' } });
	const result = await runLiveVox(sandbox, { resource: 'supervisorCall', operation: 'getQueueStats', serviceIds: '21429' });
	expect(result.error).toBeUndefined();
	expect(apiCalls(sandbox).filter((request) => request.path === queuePath)).toHaveLength(2);
	expect(jsonOf(result)).toEqual([expect.objectContaining({ serviceId: 21429, maxAgents: 26 })]);
	expect(sleep).toHaveBeenCalledTimes(1);
	sleep.mockRestore();
});
