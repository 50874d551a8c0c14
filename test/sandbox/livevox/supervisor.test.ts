/**
 * LiveVox sandbox, supervisor calls: the seed's examples answer as documented, launched
 * calls join the queue or fail with documented codes, queued calls expire on the sandbox
 * clock, and bodies are checked as documented.
 */
import { LiveVoxTestClient } from '../livevoxTestClient';
import { startSandbox } from '../server';
import type { Sandbox } from '../server';

let sandbox: Sandbox;
let client: LiveVoxTestClient;
const base = '/callControl/supervisor/calls';
const T0 = Date.UTC(2030, 0, 15, 15, 0, 0);
/** The sandbox clock, moved by the tests. */
let now = T0;
const advance = (ms: number) => (now += ms);

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(async () => {
	sandbox.livevox.reset();
	now = T0;
	sandbox.livevox.now = () => now;
	client = new LiveVoxTestClient(sandbox);
	await client.login();
});

test('the seed examples: queue stats of 21429 and the non-attempted call of 50123', async () => {
	expect(await client.call('GET', `${base}/queue/21429`)).toMatchObject({
		status: 200,
		body: { availableAgents: 7, callsOnHold: 2, callsToBeLaunched: 14, callsInProgress: 8, maxAgents: 26 },
	});
	expect((await client.call('GET', `${base}/50123/GetNonAttemptedManualCalls`)).body).toEqual({
		nonAttemptedManualCalls: [
			{
				transactionId: '27460618101',
				phoneNumber: '6503517524',
				reason: 'Outside of allowable dialing window',
				errorCode: '998',
				timeOfFailure: '2014-02-06T14:44:02.2',
			},
		],
	});
});

test('launched calls join the queue, fail with documented codes, or expire after their dialing timeout', async () => {
	const launch = await client.call('POST', `${base}/21429/LaunchManualCalls`, {
		body: {
			callEntry: [
				{ phoneNumber: '4152057483', account: '123456' },
				{ phoneNumber: '4086462133', dialingTimeout: '60' },
				{ phoneNumber: '4157667320' },
				{ phoneNumber: '4155550199' },
				{ phoneNumber: '12345' },
				{ phoneNumber: '4157667321', account: 'MAXED-OUT', transactionId: 42 },
			],
		},
	});
	expect(launch).toMatchObject({ status: 204, body: undefined });
	expect((await client.call('GET', `${base}/queue/21429`)).body).toMatchObject({ callsToBeLaunched: 17 });
	const failed = (await client.call('GET', `${base}/21429/GetNonAttemptedManualCalls`)).body as {
		nonAttemptedManualCalls: Array<Record<string, string>>;
	};
	expect(failed.nonAttemptedManualCalls.map((call) => [call.phoneNumber, call.errorCode, call.reason])).toEqual([
		['4155550199', '1000', 'Phone number on DNC list'],
		['12345', '899', 'Invalid phone number'],
		['4157667321', '601', 'Max attempts reached for account'],
	]);
	expect(failed.nonAttemptedManualCalls[2].transactionId).toBe('42');
	// 15:00 UTC is 10:00 in New York, the zone the sandbox writes failure times in.
	expect(failed.nonAttemptedManualCalls[0].timeOfFailure).toBe('2030-01-15T10:00:00.0');

	advance(60_000);
	expect((await client.call('GET', `${base}/queue/21429`)).body).toMatchObject({ callsToBeLaunched: 16 });
	const later = (await client.call('GET', `${base}/21429/GetNonAttemptedManualCalls`)).body as {
		nonAttemptedManualCalls: Array<Record<string, string>>;
	};
	expect(later.nonAttemptedManualCalls[3]).toMatchObject({
		phoneNumber: '4086462133',
		errorCode: '799',
		reason: 'No agents available to dial',
		timeOfFailure: '2030-01-15T10:01:00.0',
	});

	sandbox.livevox.supervisor.dial(21429, 2);
	expect((await client.call('GET', `${base}/queue/21429`)).body).toMatchObject({ callsToBeLaunched: 14, callsInProgress: 10 });
});

test('launch refuses bad bodies, unknown services and non-automated queuers, and changes nothing', async () => {
	const bad = [
		{},
		{ callEntry: [] },
		{ callEntry: [{ account: '1' }] },
		{ callEntry: [{ phoneNumber: '4152057483', dialingTimeout: 'soon' }] },
		{ callEntry: [{ phoneNumber: '4152057483', dailingTimeout: 60 }] },
	];
	for (const body of bad) {
		expect((await client.call('POST', `${base}/21429/LaunchManualCalls`, { body })).status).toBe(400);
	}
	const invalidJson = await client.call('POST', `${base}/21429/LaunchManualCalls`, {
		body: '{"callEntry":[{"phoneNumber":"4152057483","account":"123456",}]}',
	});
	expect(invalidJson.status).toBe(400);
	const entry = { callEntry: [{ phoneNumber: '4152057483' }] };
	expect((await client.call('POST', `${base}/999999/LaunchManualCalls`, { body: entry })).status).toBe(404);
	expect(await client.call('POST', `${base}/17797/LaunchManualCalls`, { body: entry })).toMatchObject({
		status: 400,
		body: { message: expect.stringContaining('non-automated queuer') },
	});
	expect((await client.call('GET', `${base}/queue/21429`)).body).toMatchObject({ callsToBeLaunched: 14 });
	expect((await client.call('GET', `${base}/queue/abc`)).status).toBe(400);
	expect((await client.call('GET', `${base}/queue/999999`)).status).toBe(404);
});

test('schedule callback stores the callback; past dates and unknown time zones are refused', async () => {
	const future = T0 + 86_400_000;
	const ok = await client.call('POST', `${base}/112231/ScheduleCallback`, {
		body: { phoneNumber: '4158149720', account: '1234', date: String(future), timeZone: 'PT' },
	});
	expect(ok).toMatchObject({ status: 204, body: undefined });
	expect(sandbox.livevox.supervisor.callbacks).toEqual([
		{ serviceId: 112231, phoneNumber: '4158149720', account: '1234', date: future, timeZone: 'PT', scheduledAt: T0 },
	]);
	const past = await client.call('POST', `${base}/112231/ScheduleCallback`, {
		body: { phoneNumber: '4158149720', date: '1549398063000' },
	});
	expect(past).toMatchObject({ status: 400, body: { message: 'date must be in the future' } });
	const zone = await client.call('POST', `${base}/112231/ScheduleCallback`, {
		body: { phoneNumber: '4158149720', timeZone: 'EST' },
	});
	expect(zone.status).toBe(400);
	expect(sandbox.livevox.supervisor.callbacks).toHaveLength(1);
});
