/**
 * The Reporting API imitation itself: the documented validations (range maxima, the
 * 150-service rule), the reporting day of 4:00 am to 3:59 am, and deterministic data.
 */
import { DateTime } from 'luxon';

import { LiveVoxTestClient } from '../livevoxTestClient';
import type { Sandbox } from '../server';
import { startSandbox } from '../server';

let sandbox: Sandbox;
let client: LiveVoxTestClient;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(async () => {
	sandbox.livevox.reset();
	client = new LiveVoxTestClient(sandbox);
	await client.login();
});

const DAY = 86_400_000;
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();
const report = (path: string, body: unknown) => client.call('POST', `/reporting/standard/${path}`, { body });

async function csv(body: unknown): Promise<{ status: number; text: string }> {
	const response = await fetch(`${sandbox.livevoxUrl}/reporting/standard/callDetails`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'lv-access': 'demo-access-token', 'lv-session': client.sessionId },
		body: JSON.stringify(body),
	});
	return { status: response.status, text: await response.text() };
}

describe('range maxima', () => {
	test.each([
		['callRecording', 31],
		['service/efficiency', 31],
		['realTimeReport', 90],
		['account/lookup', 365],
		['phone/lookup', 365],
	])('%s accepts %i days and refuses a millisecond more', async (path, days) => {
		const body = { startDate: at('2023-01-01T00:00'), account: '12341', phoneDialed: [{ phone: '6175550037' }] };
		expect((await report(path, { ...body, endDate: body.startDate + days * DAY })).status).toBe(200);
		expect(await report(path, { ...body, endDate: body.startDate + days * DAY + 1 })).toMatchObject({
			status: 400,
			body: { code: 400, message: `The start and end date cannot be more than ${days} days apart` },
		});
	});

	test('callDetails: 3 days; the switch lifts every maximum', async () => {
		const startDate = at('2024-03-01T00:00');
		expect((await csv({ startDate, endDate: startDate + 3 * DAY + 1 })).status).toBe(400);
		sandbox.livevox.reporting.configure({ liftRangeLimits: true });
		expect((await csv({ startDate, endDate: startDate + 30 * DAY })).status).toBe(200);
		expect((await report('realTimeReport', { startDate, endDate: startDate + 400 * DAY })).status).toBe(200);
	});

	test('agent reports have no maximum', async () => {
		const body = { startDate: at('2023-01-01T00:00'), endDate: at('2024-06-01T00:00') };
		expect((await report('agent/summary', { ...body, options: {} })).status).toBe(200);
	});
});

describe('the 150-service rule', () => {
	beforeEach(() => sandbox.livevox.seedCallCenter(5000, 200));
	const range = { startDate: at('2024-03-01T00:00'), endDate: at('2024-03-02T00:00') };
	const ids = () => [...(sandbox.livevox.services.serviceIdsOf(5000) ?? [])];

	test('no filter while more than 150 services are visible: 202', async () => {
		const answer = await report('callRecording', range);
		expect(answer).toMatchObject({ status: 202, body: { code: 202, message: expect.stringMatching(/219 services.*Filter by call center/) } });
	});

	test('151 services listed: 202; 150: fine; a call center of 200 services: fine', async () => {
		const list = (count: number) => ids().slice(0, count).map((id) => ({ id }));
		expect((await report('callRecording', { ...range, filter: { service: list(151) } })).status).toBe(202);
		expect((await report('callRecording', { ...range, filter: { service: list(150) } })).status).toBe(200);
		expect((await report('callRecording', { ...range, filter: { callCenter: [{ id: 5000 }] } })).status).toBe(200);
	});

	test('as code 202 in a 400 body, when configured so', async () => {
		sandbox.livevox.reporting.configure({ tooManyServicesAnswer: 'bodyCode' });
		expect(await report('realTimeReport', range)).toMatchObject({ status: 400, body: { code: 202 } });
	});
});

describe('data', () => {
	test('the reporting day runs 4:00 am to 3:59 am: 6/12 to 6/13 holds 6/12 4:00 am to 6/14 3:59 am', async () => {
		const answer = await report('callRecording', { startDate: at('2016-06-12T10:00'), endDate: at('2016-06-13T09:00') });
		const times = (answer.body as { callRecording: Array<{ transferConnect: number }> }).callRecording.map((row) => row.transferConnect);
		expect(times.length).toBeGreaterThan(10);
		expect(Math.min(...times)).toBeGreaterThanOrEqual(at('2016-06-12T04:00'));
		expect(Math.max(...times)).toBeLessThan(at('2016-06-14T04:00'));
		expect(Math.max(...times)).toBeGreaterThan(at('2016-06-14T00:00'));
	});

	test('Call Event Recovery cuts to the millisecond and writes zone-less local times; dates as local ISO text work', async () => {
		const { status, text } = await csv({ startDate: '2021-10-13T05:00:00', endDate: '2021-10-13T07:00:00' });
		expect(status).toBe(200);
		const lines = text.trim().split('\r\n');
		expect(lines[0].split(',')).toHaveLength(24);
		const starts = lines.slice(1).map((line) => /,(\d{8} \d\d:\d\d:\d\d),/.exec(line)?.[1]);
		expect(starts.every((start) => start !== undefined && start >= '20211013 05:00:00' && start <= '20211013 07:00:00')).toBe(true);
	});

	test('the same request gives the same data; the size follows the settings', async () => {
		const body = { startDate: at('2024-03-01T00:00'), endDate: at('2024-03-04T00:00') - 1 };
		const first = await csv(body);
		expect((await csv(body)).text).toBe(first.text);
		expect(first.text.trim().split('\r\n')).toHaveLength(1 + 3 * 24);
		sandbox.livevox.reporting.configure({ callsPerDay: 5000, agents: 50 });
		const big = await csv(body);
		expect(big.text.trim().split('\r\n')).toHaveLength(1 + 3 * 5000);
		expect(new Set(big.text.split('\r\n').slice(1, -1).map((line) => line.split(',')[2])).size).toBeGreaterThan(40);
	});
});
