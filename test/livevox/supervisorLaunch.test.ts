/**
 * Launch Manual Calls through n8n's engine: one call entry per input item, the service
 * chosen once, batches per service, phone numbers normalised, duplicates caught, bad items
 * refused before anything is dialed.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apiCalls, byId, jsonOf, runLiveVox, sent } from './fixture';

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

const launchPath = (serviceId: number) => `/callControl/supervisor/calls/${serviceId}/LaunchManualCalls`;

/** The phone number and the optional fields come from each item, as a flow would map them. */
function launch(serviceId: number | string, options: INodeParameters = {}): INodeParameters {
	return {
		resource: 'supervisorCall',
		operation: 'launchManualCalls',
		serviceId: byId(serviceId),
		phoneNumber: '={{ $json.phone }}',
		callFields: { account: '={{ $json.account ?? "" }}', dialingTimeout: '={{ $json.timeout ?? "" }}' },
		options,
	};
}

const phones = (...numbers: string[]) => numbers.map((phone) => ({ phone }));

test('the seed example (as valid JSON): one POST with one call entry per item, and the output says what was sent', async () => {
	const items = [
		{ phone: '(415) 205-7483', account: '123456' },
		{ phone: '408.646.2133', timeout: 60 },
		{ phone: '+1 415 766 7320' },
	];
	const result = await runLiveVox(sandbox, launch(21429), { items });
	expect(result.error).toBeUndefined();
	expect(apiCalls(sandbox).map(sent)).toEqual([
		{
			method: 'POST',
			path: launchPath(21429),
			query: {},
			body: {
				callEntry: [
					{ phoneNumber: '4152057483', account: '123456' },
					{ phoneNumber: '4086462133', dialingTimeout: 60 },
					{ phoneNumber: '4157667320' },
				],
			},
		},
	]);
	expect(jsonOf(result)).toEqual([
		{ serviceId: 21429, status: 'submitted', batch: 1, callEntry: { phoneNumber: '4152057483', account: '123456' } },
		{ serviceId: 21429, status: 'submitted', batch: 1, callEntry: { phoneNumber: '4086462133', dialingTimeout: 60 } },
		{ serviceId: 21429, status: 'submitted', batch: 1, callEntry: { phoneNumber: '4157667320' } },
	]);
	expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(sandbox.livevox.supervisor.stats(21429)?.callsToBeLaunched).toBe(17);
});

test('items are sent in batches of Batch Size, one request after the other', async () => {
	const items = phones('4152057401', '4152057402', '4152057403', '4152057404', '4152057405');
	const result = await runLiveVox(sandbox, launch(21429, { batchSize: 2 }), { items });
	const bodies = apiCalls(sandbox).map((request) => request.body as { callEntry: Array<{ phoneNumber: string }> });
	expect(bodies.map((body) => body.callEntry.map((entry) => entry.phoneNumber))).toEqual([
		['4152057401', '4152057402'],
		['4152057403', '4152057404'],
		['4152057405'],
	]);
	expect(jsonOf(result).map((item) => item.batch)).toEqual([1, 1, 2, 2, 3]);
	expect(sandbox.livevox.supervisor.queuedCalls(21429)).toHaveLength(5);
});

test('a Service that differs per item is launched on each service, never on the first item\'s', async () => {
	const items = [
		{ phone: '4152057401', service: 21429 },
		{ phone: '4152057402', service: 5607 },
		{ phone: '4152057403', service: 21429 },
	];
	const result = await runLiveVox(sandbox, { ...launch(21429), serviceId: byId('={{ $json.service }}') }, { items });
	expect(apiCalls(sandbox).map((request) => [request.path, request.body])).toEqual([
		[launchPath(21429), { callEntry: [{ phoneNumber: '4152057401' }, { phoneNumber: '4152057403' }] }],
		[launchPath(5607), { callEntry: [{ phoneNumber: '4152057402' }] }],
	]);
	expect(jsonOf(result).map((item) => [item.serviceId, item.batch])).toEqual([
		[21429, 1],
		[5607, 2],
		[21429, 1],
	]);
});

describe('bad input stops the launch before anything is dialed', () => {
	test.each([
		['an invalid phone number', phones('4152057483', '415-CALL-NOW'), 1, /"415-CALL-NOW" is not a phone number/, 'digits'],
		['a number that is not North American', phones('+44 20 7946 0958'), 0, /44 20/, 'Allow Other Phone Formats'],
		['the same number twice', phones('4152057483', '4086462133', '(415) 205-7483'), 2, /4152057483/, 'Allow Duplicate Numbers'],
		['a missing phone number', [{ other: 1 }], 0, /Phone Number is missing/, 'Phone Number'],
	])('%s', async (_title, items, itemIndex, message, hint) => {
		const result = await runLiveVox(sandbox, launch(21429), { items });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.context?.itemIndex).toBe(itemIndex);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toContain(hint);
		expect(sandbox.requests).toEqual([]);
	});

	test('no service: n8n itself refuses the empty required field before the run', async () => {
		await expect(runLiveVox(sandbox, launch(''), { items: phones('4152057483') })).rejects.toThrow(/workflow has issues/);
		expect(sandbox.requests).toEqual([]);
	});

	test('a service id that is not a number, from an expression', async () => {
		const result = await runLiveVox(sandbox, launch('={{ "abc" }}'), { items: phones('4152057483') });
		expect(result.error?.message).toBe('Service ID must be a whole number, got "abc"');
		expect(sandbox.requests).toEqual([]);
	});

	test('an empty call list: nothing to launch', async () => {
		const result = await runLiveVox(sandbox, launch(21429), { items: [] });
		expect(sandbox.requests).toEqual([]);
		expect(result.items).toEqual([]);
	});
});

test('with Continue On Fail the bad and duplicate items become error items and the others are launched', async () => {
	const items = phones('4152057483', 'not a number', '415 205 7483', '4086462133');
	const result = await runLiveVox(sandbox, launch(21429), { items, continueOnFail: true });
	expect(apiCalls(sandbox).map((request) => request.body)).toEqual([
		{ callEntry: [{ phoneNumber: '4152057483' }, { phoneNumber: '4086462133' }] },
	]);
	expect(jsonOf(result)).toEqual([
		expect.objectContaining({ status: 'submitted', callEntry: { phoneNumber: '4152057483' } }),
		expect.objectContaining({ status: 'invalid', error: 'Phone Number "not a number" is not a phone number' }),
		expect.objectContaining({ status: 'invalid', error: 'Phone number 4152057483 is already in this launch (item 0)' }),
		expect.objectContaining({ status: 'submitted', callEntry: { phoneNumber: '4086462133' } }),
	]);
	expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
});

test('Allow Duplicate Numbers sends the number twice and flags the second', async () => {
	const result = await runLiveVox(sandbox, launch(21429, { allowDuplicateNumbers: true }), {
		items: phones('4152057483', '(415) 205-7483'),
	});
	expect((apiCalls(sandbox)[0].body as { callEntry: unknown[] }).callEntry).toHaveLength(2);
	expect(jsonOf(result)[1]).toMatchObject({ status: 'submitted', duplicateOfItem: 0 });
	expect(jsonOf(result)[0]).not.toHaveProperty('duplicateOfItem');
});

test('Allow Other Phone Formats sends any 4 to 15 digits; the sandbox then lists it as an invalid number (899)', async () => {
	const result = await runLiveVox(sandbox, launch(21429, { allowOtherFormats: true }), {
		items: phones('+44 20 7946 0958'),
	});
	expect(apiCalls(sandbox)[0].body).toEqual({ callEntry: [{ phoneNumber: '442079460958' }] });
	expect(jsonOf(result)[0]).toMatchObject({ status: 'submitted' });
	expect(sandbox.livevox.supervisor.nonAttemptedList(21429)).toEqual([
		expect.objectContaining({ phoneNumber: '442079460958', errorCode: '899' }),
	]);
});

test('a manual service refuses the launch: the error says why and what to check', async () => {
	const result = await runLiveVox(sandbox, launch(17797), { items: phones('4152057483') });
	expect(result.error?.message).toContain('non-automated queuer');
	expect(result.error?.description).toContain('automated queuer');
	expect(apiCalls(sandbox)).toHaveLength(1);

	sandbox.clearRequests();
	const continued = await runLiveVox(sandbox, launch(17797), { items: phones('4152057483'), continueOnFail: true });
	expect(jsonOf(continued)).toEqual([expect.objectContaining({ status: 'rejected', serviceId: 17797 })]);
});
