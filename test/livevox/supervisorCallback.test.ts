/**
 * Schedule Callback through n8n's engine: the body of the seed's example (with a future
 * date), the date as epoch milliseconds read in the chosen LiveVox time zone, "as soon as
 * possible" without a date, and bad input refused per item before any request.
 */
import { DateTime } from 'luxon';
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

const path = '/callControl/supervisor/calls/112231/ScheduleCallback';

function callback(parameters: INodeParameters): INodeParameters {
	return {
		resource: 'supervisorCall',
		operation: 'scheduleCallback',
		serviceId: byId(112231),
		phoneNumber: '4158149720',
		additionalFields: { account: '1234' },
		...parameters,
	};
}

test('at a date and time: the seed example body, the date as epoch ms read in the chosen zone, and timeZone', async () => {
	const result = await runLiveVox(sandbox, callback({ when: 'at', date: '2031-02-05T12:21:03', timeZone: 'PT' }));
	expect(result.error).toBeUndefined();
	const epochMs = DateTime.fromISO('2031-02-05T12:21:03', { zone: 'America/Los_Angeles' }).toMillis();
	expect(apiCalls(sandbox).map(sent)).toEqual([
		{
			method: 'POST',
			path,
			query: {},
			body: { phoneNumber: '4158149720', account: '1234', date: String(epochMs), timeZone: 'PT' },
		},
	]);
	expect(jsonOf(result)).toEqual([
		{
			serviceId: 112231,
			scheduled: true,
			scheduledFor: '2031-02-05T12:21:03.000-08:00',
			callback: { phoneNumber: '4158149720', account: '1234', date: String(epochMs), timeZone: 'PT' },
		},
	]);
	expect(sandbox.livevox.supervisor.callbacks).toEqual([
		expect.objectContaining({ serviceId: 112231, phoneNumber: '4158149720', date: epochMs, timeZone: 'PT' }),
	]);
});

test('a date with its own offset keeps its moment; the time zone is still sent', async () => {
	await runLiveVox(sandbox, callback({ when: 'at', date: '2031-02-05T20:21:03Z', timeZone: 'ET' }));
	expect(apiCalls(sandbox)[0].body).toMatchObject({ date: String(Date.UTC(2031, 1, 5, 20, 21, 3)), timeZone: 'ET' });
});

test('as soon as possible: no date and no time zone are sent; the other fields are', async () => {
	const result = await runLiveVox(
		sandbox,
		callback({
			phoneNumber: '(415) 814-9720',
			additionalFields: { account: '1234', agentLoginId: 'agent7', transactionId: '27460618101' },
		}),
	);
	expect(apiCalls(sandbox).map(sent)).toEqual([
		{
			method: 'POST',
			path,
			query: {},
			body: { phoneNumber: '4158149720', account: '1234', agentLoginId: 'agent7', transactionId: 27460618101 },
		},
	]);
	expect(jsonOf(result)[0]).toMatchObject({ scheduled: true, scheduledFor: 'as soon as possible' });
});

describe('bad input is refused before any request', () => {
	test.each([
		['a date in the past', { when: 'at', date: '2019-02-05T12:21:03', timeZone: 'ET' }, /^Callback date "2019-02-05T12:21:03" is in the past$/, /future/],
		['epoch seconds', { when: 'at', date: '={{ 1549369263 }}', timeZone: 'ET' }, /^Callback date "1549369263" is not a date$/, /epoch seconds/],
		['a date that is not a date', { when: 'at', date: '={{ "next tuesday" }}', timeZone: 'ET' }, /^Callback date "next tuesday" is not a date$/, /As Soon As Possible/],
		['an unknown time zone', { when: 'at', date: '2031-02-05T12:21:03', timeZone: '={{ "EST" }}' }, /Time Zone "EST" is not one LiveVox knows/, /ET, CT, MT, PT, AT, HI/],
		['an invalid phone number', { phoneNumber: '415-814' }, /is not a 10-digit North American number/, /4152057483/],
		['a transaction id that is not a number', { additionalFields: { transactionId: 'T-1' } }, /Transaction ID must be a whole number/, /digits/],
	])('%s', async (_title, parameters, message, hint) => {
		const result = await runLiveVox(sandbox, callback(parameters as INodeParameters));
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(hint);
		expect(sandbox.requests).toEqual([]);
	});

	test('with Continue On Fail only the item at fault fails; the others are scheduled', async () => {
		const result = await runLiveVox(sandbox, callback({ phoneNumber: '={{ $json.phone }}' }), {
			items: [{ phone: '4158149720' }, { phone: 'call me' }, { phone: '4158149721' }],
			continueOnFail: true,
		});
		expect(apiCalls(sandbox).map((request) => (request.body as { phoneNumber: string }).phoneNumber)).toEqual([
			'4158149720',
			'4158149721',
		]);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ scheduled: true }),
			expect.objectContaining({ error: 'Phone Number "call me" is not a phone number' }),
			expect.objectContaining({ scheduled: true }),
		]);
	});
});
