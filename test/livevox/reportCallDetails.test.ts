/**
 * Call Event Recovery (POST /reporting/standard/callDetails, a CSV answer): windows of at most
 * 3 days in elapsed time, gzip on the wire, typed rows with ISO times, the CSV as a file, and a
 * split pull that returns exactly the rows of one unsplit request.
 */
import type { IBinaryData, IDataObject, INodeParameters } from 'n8n-workflow';

import { parseCsv } from '../../nodes/shared/csv';
import { retryClock } from '../../nodes/shared/retry';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { CALL_DETAILS_COLUMNS } from '../sandbox/livevox/reporting';
import { callsBetween, transactionIdOf } from '../sandbox/livevox/reportingModel';
import { serviceRefs } from '../sandbox/livevox/reportingRequest';
import { jsonOf } from './fixture';
import { at, custom, expectTiling, HOUR_MS, reportCalls, runReport, sentWindows } from './reportFixture';

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

const callDetails = (parameters: INodeParameters) => runReport(sandbox, 'callDetails', parameters);

describe('Call Event Recovery', () => {
	test('10 days across the spring DST change: 4 windows of at most 72 hours, gzip asked, typed rows', async () => {
		const result = await callDetails({ ...custom('2024-03-01', '2024-03-10'), filters: { callCenterIds: '433' } });
		expect(result.error).toBeUndefined();
		const windows = sentWindows(sandbox);
		expectTiling(windows, { start: at('2024-03-01T00:00'), end: at('2024-03-11T00:00') }, 3);
		expect(windows.map((window) => (window.end + 1 - window.start) / HOUR_MS)).toEqual([72, 72, 72, 23]);
		const [first] = reportCalls(sandbox);
		expect(first).toMatchObject({ method: 'POST', path: '/reporting/standard/callDetails' });
		expect(first.headers['accept-encoding']).toBe('gzip');
		expect(windows[0].body).toEqual({ startDate: at('2024-03-01T00:00'), endDate: at('2024-03-04T00:00') - 1, filter: { callCenter: [{ id: 433 }] } });

		const rows = jsonOf(result);
		const generated = [
			...callsBetween(at('2024-03-01T00:00'), at('2024-03-11T00:00'), sandbox.livevox.reporting.settings, serviceRefs(sandbox.livevox.services)),
		];
		expect(rows.map((row) => row.transactionId)).toEqual(
			generated.filter((call) => call.service.callCenterId === 433).map(transactionIdOf),
		);
		expect(rows.every((row) => row.callCenterId === 433)).toBe(true);
		expect(Object.keys(rows[0])).toEqual([...CALL_DETAILS_COLUMNS, 'startIso', 'endIso']);
		const withAgent = rows.find((row) => row.agentId !== null) as IDataObject;
		expect(withAgent).toMatchObject({ agentId: expect.any(Number), agentLoginId: expect.stringMatching(/^AGENT\d+$/), duration: expect.any(Number) });
		for (const row of rows) {
			expect(typeof row.account).toBe('string');
			expect(typeof row.phoneDialed).toBe('string');
			expect(typeof row.transactionId).toBe('string');
			expect(typeof row.zipCode).toBe('string');
			expect(typeof row.sessionId).toBe('string');
			expect(typeof row.serviceId).toBe('number');
		}
		expect(rows.some((row) => String(row.zipCode).startsWith('0'))).toBe(true);
		expect(rows.some((row) => String(row.account).startsWith('@'))).toBe(true);
		expect(rows.find((row) => String(row.lvResult).includes(','))?.lvResult).toBe('AGENT - Wrong Party, "Do Not Call"');
		const march1 = rows[0];
		expect(march1.start).toMatch(/^20240301 \d\d:\d\d:\d\d$/);
		expect(march1.startIso).toBe(`2024-03-01T${String(march1.start).slice(9)}-05:00`);
		const march10 = rows.filter((row) => String(row.start).startsWith('20240310 1'));
		expect(march10.length).toBeGreaterThan(0);
		expect(march10.every((row) => String(row.startIso).endsWith('-04:00'))).toBe(true);
	});

	test('the autumn DST change: the 25-hour day makes a 2-day window', async () => {
		await callDetails(custom('2024-11-01', '2024-11-07'));
		const windows = sentWindows(sandbox);
		expectTiling(windows, { start: at('2024-11-01T00:00'), end: at('2024-11-08T00:00') }, 3);
		expect(windows.map((window) => (window.end + 1 - window.start) / HOUR_MS)).toEqual([48, 49, 72]);
	});

	test('90 days split into 30 windows give exactly the rows of one request with the maxima lifted', async () => {
		sandbox.livevox.reporting.configure({ callsPerDay: 60 });
		const parameters = custom('2024-01-01', '2024-03-30');
		const split = await callDetails({ ...parameters, options: { maxConcurrentRequests: 6 } });
		expect(sentWindows(sandbox)).toHaveLength(30);
		sandbox.livevox.reporting.configure({ liftRangeLimits: true });
		sandbox.clearRequests();
		const whole = await callDetails({ ...parameters, options: { maxDaysPerRequest: 1000 } });
		expect(reportCalls(sandbox)).toHaveLength(1);
		expect(jsonOf(whole)).toHaveLength(60 * 90);
		expect(jsonOf(split)).toEqual(jsonOf(whole));
	});

	test('windows are fetched concurrently, never more at once than Max Concurrent Requests', async () => {
		sandbox.setLatency(40);
		let mostInFlight = 0;
		const requests = sandbox.requests;
		const push = requests.push.bind(requests);
		// Counted by the server as requests arrive: a request still unanswered has status 0.
		requests.push = (...added) => {
			const count = push(...added);
			const inFlight = requests.filter((request) => request.path.startsWith('/reporting/') && request.status === 0).length;
			mostInFlight = Math.max(mostInFlight, inFlight);
			return count;
		};
		try {
			const result = await callDetails({ ...custom('2024-01-01', '2024-01-30'), options: { maxConcurrentRequests: 3 } });
			expect(result.error).toBeUndefined();
		} finally {
			requests.push = push;
			sandbox.setLatency(0);
		}
		expect(sentWindows(sandbox)).toHaveLength(10);
		expect(mostInFlight).toBeLessThanOrEqual(3);
		expect(mostInFlight).toBeGreaterThan(1);
	});

	test('a byte-order mark and CRLF line ends are read; Compress Transfer off asks for plain text', async () => {
		sandbox.livevox.reporting.csvBom = true;
		const result = await callDetails({ ...custom('2024-03-01', '2024-03-01'), options: { gzip: false } });
		expect(reportCalls(sandbox)[0].headers['accept-encoding']).toBe('identity');
		const rows = jsonOf(result);
		expect(rows).toHaveLength(24);
		expect(Object.keys(rows[0])[0]).toBe('account');
	});

	test('"CSV File" gives one item with the merged CSV as binary data, ready to attach', async () => {
		const result = await callDetails({ ...custom('2024-03-01', '2024-03-05'), output: 'file' });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const [item] = result.items;
		expect(item.json).toEqual({
			fileName: 'livevox-call-events_2024-03-01_2024-03-05.csv',
			rowCount: 120,
			windowStart: '2024-03-01T00:00:00.000-05:00',
			windowEnd: '2024-03-05T23:59:59.999-05:00',
		});
		const file = item.binary?.data as IBinaryData;
		expect(file).toMatchObject({ mimeType: 'text/csv', fileName: 'livevox-call-events_2024-03-01_2024-03-05.csv' });
		const text = Buffer.from(file.data, 'base64').toString('utf8');
		expect(text.split('\r\n')[0]).toBe(CALL_DETAILS_COLUMNS.join(','));
		const parsed = parseCsv(text);
		expect(parsed).toHaveLength(121);
		expect(parsed.some((row) => row[9] === 'AGENT - Wrong Party, "Do Not Call"')).toBe(true);
	});

	test('"Items and CSV File" gives the rows, then the file item with its name', async () => {
		const result = await callDetails({ ...custom('2024-03-01', '2024-03-01'), output: 'itemsAndFile', options: { fileName: 'day.csv' } });
		expect(result.items).toHaveLength(25);
		expect(result.items.slice(0, 24).every((item) => item.binary === undefined && typeof item.json.sessionId === 'string')).toBe(true);
		expect(result.items[24].json).toMatchObject({ fileName: 'day.csv', rowCount: 24 });
		expect(result.items[24].binary?.data.fileName).toBe('day.csv');
	});

	test('Reporting Timezone picked from the list or given by an expression: the days are that zone\'s', async () => {
		for (const reportingTimezone of ['America/Chicago', '={{ "Europe/Paris" }}']) {
			sandbox.clearRequests();
			const zone = reportingTimezone.startsWith('=') ? 'Europe/Paris' : reportingTimezone;
			const result = await callDetails({ ...custom('2024-03-01', '2024-03-01'), options: { reportingTimezone } });
			expect(result.error).toBeUndefined();
			expect(sentWindows(sandbox).map(({ start, end }) => [start, end + 1])).toEqual([[at('2024-03-01T00:00', zone), at('2024-03-02T00:00', zone)]]);
		}
	});

	test('Simplify off: the CSV text of each window', async () => {
		const result = await callDetails({ ...custom('2024-03-01', '2024-03-04'), simplify: false });
		const items = jsonOf(result);
		expect(items.map((item) => item.windowStart)).toEqual(['2024-03-01T00:00:00.000-05:00', '2024-03-04T00:00:00.000-05:00']);
		expect(String(items[0].csv).startsWith('account,agentId,')).toBe(true);
		expect(parseCsv(String(items[1].csv))).toHaveLength(25);
	});
});

describe('Call Event Recovery: a large answer (over 1 MB) is read as it arrives', () => {
	const realSleep = retryClock.sleep;
	beforeEach(() => {
		retryClock.sleep = async () => undefined;
		sandbox.livevox.reporting.configure({ callsPerDay: 8000 });
	});
	afterEach(() => {
		retryClock.sleep = realSleep;
	});
	const day = custom('2024-03-05', '2024-03-05');

	// 8,000 calls in a day: about 1.5 MB of CSV, more than an answer read once whole.
	test.each([true, false])('Compress Transfer %s: every call of the day once, in order, as items', async (gzip) => {
		const result = await callDetails({ ...day, options: { gzip } });
		expect(result.error).toBeUndefined();
		expect(reportCalls(sandbox)).toHaveLength(1);
		const generated = [...callsBetween(at('2024-03-05T00:00'), at('2024-03-06T00:00'), sandbox.livevox.reporting.settings, serviceRefs(sandbox.livevox.services))];
		expect(generated).toHaveLength(8000);
		const items = jsonOf(result);
		expect(items.map((row) => row.transactionId)).toEqual(generated.map(transactionIdOf));
		expect(items[7999]).toMatchObject({ startIso: expect.stringMatching(/^2024-03-05T23:\d\d:\d\d-05:00$/), duration: expect.any(Number) });
	});

	test('a body cut in the middle is asked again and read afresh: nothing lost, nothing twice', async () => {
		const whole = jsonOf(await callDetails(day));
		sandbox.clearRequests();
		sandbox.faults.add({ path: '/reporting/standard/callDetails', fault: { kind: 'dropMidBody', fraction: 0.7 } });
		const result = await callDetails(day);
		expect(result.error).toBeUndefined();
		expect(reportCalls(sandbox).map((call) => call.status)).toEqual([0, 200]);
		expect(jsonOf(result)).toEqual(whole);
	});

	test('"Items and CSV File": the rows and the file of a large answer', async () => {
		const result = await callDetails({ ...day, output: 'itemsAndFile' });
		expect(result.items).toHaveLength(8001);
		expect(result.items[8000].json).toMatchObject({ rowCount: 8000 });
	});
});

describe('Call Event Recovery under a tenant limit of 2 requests in flight (429 with Retry-After)', () => {
	const realSleep = retryClock.sleep;
	beforeEach(() => {
		retryClock.sleep = async () => undefined;
		// Answers take a while, so requests sent together overlap at the sandbox even on a busy
		// machine (with 20 ms, a loaded test process let each answer go before the next arrived).
		sandbox.setLatency(250);
		sandbox.setInFlightLimit({ maxInFlight: 2, retryAfterSeconds: 1, vendor: 'livevox' });
	});
	afterEach(() => {
		retryClock.sleep = realSleep;
		sandbox.setLatency(0);
		sandbox.setInFlightLimit(undefined);
	});

	test('every row arrives; after the first refusals the node keeps to 2 at a time', async () => {
		const result = await callDetails({ ...custom('2024-01-01', '2024-01-30'), filters: { callCenterIds: '433' } });
		expect(result.error).toBeUndefined();
		const calls = reportCalls(sandbox);
		const refused = calls.filter((call) => call.status === 429);
		// 4 sent at once, 2 refused; none after: the node learned the limit.
		expect(refused).toHaveLength(2);
		expect(calls).toHaveLength(10 + refused.length);
		const lastRefusal = calls.indexOf(refused[refused.length - 1]);
		// The most requests the sandbox served at once after the last refusal, ends before starts.
		const events = calls
			.slice(lastRefusal + 1)
			.flatMap((call) => [
				{ at: call.receivedAt, change: 1 },
				{ at: call.doneAt, change: -1 },
			])
			.sort((a, b) => a.at - b.at || a.change - b.change);
		let inFlight = 0;
		let most = 0;
		for (const event of events) most = Math.max(most, (inFlight += event.change));
		expect(most).toBe(2);
		const generated = [
			...callsBetween(at('2024-01-01T00:00'), at('2024-01-31T00:00'), sandbox.livevox.reporting.settings, serviceRefs(sandbox.livevox.services)),
		];
		expect(jsonOf(result).map((row) => row.transactionId)).toEqual(
			generated.filter((call) => call.service.callCenterId === 433).map(transactionIdOf),
		);
	});
});

