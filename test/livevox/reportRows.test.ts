/**
 * The row reports (Call Recording, Account Lookup, Phone Lookup): the requests as documented,
 * ranges split into windows within each report's maximum, rows concatenated in time order and
 * de-duplicated, the raw answers with Simplify off, and bad input refused before any request.
 */
import { DateTime } from 'luxon';

import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { jsonOf } from './fixture';
import {
	at,
	custom,
	EASTERN,
	expectRefusedBeforeAnyRequest,
	expectTiling,
	hintsOf,
	reportCalls,
	runReport,
	sentWindows,
} from './reportFixture';

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

/** The same report pulled in one request, the sandbox's range maxima lifted. */
async function pulledInOneRequest(operation: string, parameters: Record<string, unknown>) {
	sandbox.livevox.reporting.configure({ liftRangeLimits: true });
	sandbox.clearRequests();
	const result = await runReport(sandbox, operation, { ...parameters, options: { maxDaysPerRequest: 100000 } });
	expect(reportCalls(sandbox)).toHaveLength(1);
	sandbox.livevox.reporting.configure({ liftRangeLimits: false });
	return jsonOf(result);
}

describe('Call Recording', () => {
	test('one range within 31 days: one request as documented, one item per recording', async () => {
		const result = await runReport(sandbox, 'callRecording', {
			...custom('2024-03-01', '2024-03-02'),
			sortBy: 'AGENT',
			filters: { callCenterIds: '433, 429' },
		});
		expect(result.error).toBeUndefined();
		const [call] = reportCalls(sandbox);
		expect(call).toMatchObject({ method: 'POST', path: '/reporting/standard/callRecording', query: {} });
		expect(call.body).toEqual({
			startDate: at('2024-03-01T00:00'),
			endDate: at('2024-03-03T00:00') - 1,
			sortBy: 'AGENT',
			filter: { callCenter: [{ id: 433 }, { id: 429 }] },
		});
		expect(call.headers['lv-session']).toMatch(/^SESS-/);
		const rows = jsonOf(result);
		expect(rows.length).toBeGreaterThan(10);
		expect(rows.every((row) => [433, 429].includes(row.callCenterId as number))).toBe(true);
		expect(rows.map((row) => row.agent)).toEqual([...rows.map((row) => row.agent as string)].sort());
		expect(rows[0]).toEqual(
			expect.objectContaining({
				recordingId: expect.stringMatching(/^[0-9a-f]{8}-/),
				transferConnect: expect.any(Number),
				transferConnectIso: DateTime.fromMillis(rows[0].transferConnect as number, { zone: EASTERN }).toISO(),
			}),
		);
		expect(result.items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('70 days: three windows of whole days, none over 31 days, the same rows as one unsplit request', async () => {
		const range = { start: at('2024-02-01T00:00'), end: at('2024-04-11T00:00') };
		const parameters = custom('2024-02-01', '2024-04-10');
		const result = await runReport(sandbox, 'callRecording', { ...parameters, options: { maxConcurrentRequests: 2 } });
		expect(result.error).toBeUndefined();
		const windows = sentWindows(sandbox);
		expect(windows).toHaveLength(3);
		expectTiling(windows, range, 31);
		const split = jsonOf(result);
		expect(split).toEqual(await pulledInOneRequest('callRecording', parameters));
		const times = split.map((row) => row.transferConnect as number);
		expect(times).toEqual([...times].sort((a, b) => a - b));
	});

	test('windows cut in another timezone repeat LiveVox reporting days at their edges: each recording comes once', async () => {
		const parameters = { ...custom('2024-03-01', '2024-04-09'), options: { reportingTimezone: 'UTC' } };
		const raw = await runReport(sandbox, 'callRecording', { ...parameters, simplify: false });
		const rawRows = jsonOf(raw).flatMap((answer) => answer.callRecording as Array<{ recordingId: string }>);
		expect(jsonOf(raw).map((answer) => answer.windowStart)).toEqual(['2024-03-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z']);
		const unique = new Set(rawRows.map((row) => row.recordingId));
		expect(unique.size).toBeLessThan(rawRows.length);

		sandbox.clearRequests();
		const simplified = jsonOf(await runReport(sandbox, 'callRecording', parameters));
		expect(simplified.map((row) => row.recordingId)).toEqual([...unique]);
		expect(simplified[0].transferConnectIso).toMatch(/Z$/);
	});

	test('Simplify off: the raw answer of each window, labelled with the window', async () => {
		const result = await runReport(sandbox, 'callRecording', { ...custom('2024-03-01', '2024-04-09'), simplify: false });
		const items = jsonOf(result);
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({
			windowStart: '2024-03-01T00:00:00.000-05:00',
			windowEnd: '2024-03-31T23:59:59.999-04:00',
			callRecording: expect.any(Array),
		});
		expect(items[1].windowStart).toBe('2024-04-01T00:00:00.000-04:00');
	});
});

describe('Account Lookup and Phone Lookup', () => {
	test('Account Lookup sends the account and original account number and puts out the calls', async () => {
		const result = await runReport(sandbox, 'accountLookup', {
			...custom('2024-01-01', '2024-03-31'),
			account: '12341',
			originalAccountNumber: 'OA-9000',
		});
		expect(result.error).toBeUndefined();
		const [call] = reportCalls(sandbox);
		expect(call.path).toBe('/reporting/standard/account/lookup');
		expect(call.body).toEqual({
			startDate: at('2024-01-01T00:00'),
			endDate: at('2024-04-01T00:00') - 1,
			account: '12341',
			originalAccountNumber: 'OA-9000',
		});
		const rows = jsonOf(result);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((row) => row.phone === '6175550037' || row.originalAccountNumber === 'OA-9000')).toBe(true);
		expect(rows[0]).toMatchObject({ startIso: expect.stringMatching(/^2024-/), callCenter: expect.stringMatching(/^Call Center_/) });
	});

	test('Phone Lookup over 400 days: two windows within 365 days, phoneDialed as documented, same rows as unsplit', async () => {
		const parameters = { ...custom('2023-01-01', '2024-02-04'), phoneNumbers: '6175550037\n6175550074, 6175550037' };
		const result = await runReport(sandbox, 'phoneLookup', parameters);
		expect(result.error).toBeUndefined();
		const windows = sentWindows(sandbox);
		expect(windows).toHaveLength(2);
		expectTiling(windows, { start: at('2023-01-01T00:00'), end: at('2024-02-05T00:00') }, 365);
		expect(windows[0].body.phoneDialed).toEqual([{ phone: '6175550037' }, { phone: '6175550074' }]);
		const rows = jsonOf(result);
		expect(new Set(rows.map((row) => row.phone))).toEqual(new Set(['6175550037', '6175550074']));
		expect(rows).toEqual(await pulledInOneRequest('phoneLookup', parameters));
	});

	test('a lookup maximum set lower than documented splits into more windows', async () => {
		await runReport(sandbox, 'accountLookup', {
			...custom('2024-01-01', '2024-01-10'),
			account: '12341',
			options: { maxDaysPerRequest: 4 },
		});
		expectTiling(sentWindows(sandbox), { start: at('2024-01-01T00:00'), end: at('2024-01-11T00:00') }, 4);
		expect(sentWindows(sandbox)).toHaveLength(3);
	});
});

describe('dates', () => {
	test('"Last 7 Days" is the 7 whole days before today in the reporting timezone', async () => {
		const zone = 'America/Chicago';
		const result = await runReport(sandbox, 'callRecording', { period: 'last7Days', options: { reportingTimezone: zone } });
		expect(result.error).toBeUndefined();
		const today = DateTime.now().setZone(zone).startOf('day');
		expectTiling(sentWindows(sandbox), { start: today.minus({ days: 7 }).toMillis(), end: today.toMillis() }, 31, zone);
		expect(hintsOf(result)).toEqual([]);
	});

	test('an end date and time is kept to the millisecond; a date-time with an offset is an instant', async () => {
		await runReport(sandbox, 'callRecording', {
			...custom('2024-03-01T08:00:00-05:00', '2024-03-02T17:30:00'),
			options: { maxDaysPerRequest: 1 },
		});
		expect(sentWindows(sandbox).map(({ start, end }) => [start, end])).toEqual([
			[at('2024-03-01T08:00'), at('2024-03-02T00:00') - 1],
			[at('2024-03-02T00:00'), at('2024-03-02T17:30')],
		]);
	});

	test('a range that reaches into today is pulled, with a warning that today may be partial', async () => {
		const today = DateTime.now().setZone(EASTERN).toISODate() as string;
		const yesterday = DateTime.now().setZone(EASTERN).minus({ days: 1 }).toISODate() as string;
		const result = await runReport(sandbox, 'callRecording', custom(yesterday, today));
		expect(result.error).toBeUndefined();
		expect(reportCalls(sandbox)).toHaveLength(1);
		expect(hintsOf(result)).toEqual([expect.stringMatching(/reaches into today.*partial/)]);
	});
});

describe('bad input is refused before any request', () => {
	test.each([
		['an end before the start', 'callRecording', custom('2024-03-10', '2024-03-01'), /^End Date "2024-03-01" is before Start Date "2024-03-10"$/],
		['an end before the start, as entered', 'callRecording', custom('2024-03-10T08:00:00', '2024-03-10 07:00'), /^End Date "2024-03-10 07:00" is before Start Date "2024-03-10T08:00:00"$/],
		['epoch seconds', 'callRecording', custom('1709251200', '2024-03-02'), /^Start Date "1709251200" is not a date$/],
		['a range wholly in the future', 'callRecording', custom(DateTime.now().plus({ days: 3 }).toISODate() as string, DateTime.now().plus({ days: 9 }).toISODate() as string), /^The range starts in the future \(Start Date "\d{4}-\d\d-\d\d"\)$/],
		['a missing account', 'accountLookup', { ...custom('2024-03-01', '2024-03-02'), account: ' ' }, /Account and Original Account Number are both empty/],
		['no phone numbers', 'phoneLookup', { ...custom('2024-03-01', '2024-03-02'), phoneNumbers: ' , ' }, /Phone Numbers is empty/],
		['a date that is no date', 'callRecording', custom('first of March', '2024-03-02'), /Start Date "first of March" is not a date/],
		['an unknown timezone', 'callRecording', { ...custom('2024-03-01', '2024-03-02'), options: { reportingTimezone: 'Mars/Base' } }, /not a timezone/],
		['a call center id that is no number', 'callRecording', { ...custom('2024-03-01', '2024-03-02'), filters: { callCenterIds: '433, abc' } }, /Call Center IDs must be a whole number/],
	])('%s', async (_name, operation, parameters, message) => {
		const result = await runReport(sandbox, operation, parameters);
		expectRefusedBeforeAnyRequest(result, sandbox, message);
	});

	test('with Continue On Fail the bad item gives an error item and the good one its rows', async () => {
		const result = await runReport(
			sandbox,
			'accountLookup',
			{ ...custom('2024-03-01', '2024-03-31'), account: '={{ $json.account }}' },
			{ items: [{ account: '' }, { account: '12341' }], continueOnFail: true },
		);
		const items = result.items.map((item) => ({ item: (item.pairedItem as { item: number }).item, json: item.json }));
		expect(items[0]).toMatchObject({ item: 0, json: { error: 'Account and Original Account Number are both empty' } });
		expect(items.slice(1).every((entry) => entry.item === 1 && entry.json.phone === '6175550037')).toBe(true);
		expect(reportCalls(sandbox)).toHaveLength(1);
	});
});
