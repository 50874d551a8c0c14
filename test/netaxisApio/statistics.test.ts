/**
 * Get Statistics through n8n's engine against the APIO sandbox: the GET with its JSON body
 * as the seed's example shows it, the '@' of the call center encoded in the path, the
 * workflow's timezone, simplify vs raw, an End in the future, and bad input.
 */
import { retryClock } from '../../nodes/shared/retry';
import { SEED } from '../sandbox/apio';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apiCalls, apioRequests, callCenterParameters, jsonOf, passwordCredential, runApio, sent } from './fixture';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.apio.reset();
	sandbox.clearRequests();
	sandbox.faults.clear();
});

const STATISTICS_PATH =
	'/api/v1/tenants/footenant/groups/foogroup/services/call_centers/APIOTestCallCenterP%40sip.netaxis.be/statistics/';

const seedExample = (parameters: Record<string, unknown> = {}) => ({
	operation: 'getStatistics',
	...callCenterParameters(SEED.statistics),
	start: '2021-01-01T00:00:00',
	end: '2021-03-01T00:00:00',
	...parameters,
});

describe('the seed example', () => {
	test('a GET with the range in its JSON body, the @ encoded, the access token as Bearer', async () => {
		const result = await runApio(sandbox, seedExample());
		expect(result.error).toBeUndefined();
		const [call] = apiCalls(sandbox);
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{
				method: 'GET',
				path: STATISTICS_PATH,
				query: {},
				body: { statisticsRange: { start: '2021-01-01T00:00:00+01:00', end: '2021-03-01T00:00:00+01:00' } },
			},
		]);
		expect(call.headers['content-type']).toBe('application/json');
		expect(call.headers.authorization).toMatch(/^Bearer access-1-/);
		expect(call.status).toBe(200);
	});

	test('Simplify: one item for the queue, then one per agent with its name, availability and statistics', async () => {
		const answer = sandbox.apio.callCenters.statistics(
			SEED.statistics,
			'2021-01-01T00:00:00+01:00',
			'2021-03-01T00:00:00+01:00',
		) as { queueStatistics: object; agentStatistics: Array<{ available: boolean; statistics: object }> };
		const result = await runApio(sandbox, seedExample(), { items: [{ run: 1 }] });
		const common = {
			tenantId: 'footenant',
			groupId: 'foogroup',
			callCenter: 'APIOTestCallCenterP@sip.netaxis.be',
			start: '2021-01-01T00:00:00+01:00',
			end: '2021-03-01T00:00:00+01:00',
			endClampedToNow: false,
		};
		expect(jsonOf(result)).toEqual([
			{ level: 'queue', ...common, ...answer.queueStatistics },
			{
				level: 'agent',
				...common,
				agentUserId: 'ApioUserTest1@sip.netaxis.be',
				firstName: 'Test1',
				lastName: 'Test1',
				displayName: 'Test1 Test1',
				available: answer.agentStatistics[0].available,
				...answer.agentStatistics[0].statistics,
			},
			{
				level: 'agent',
				...common,
				agentUserId: 'ApioUserTest2@sip.netaxis.be',
				firstName: 'Test2',
				lastName: 'Test2',
				displayName: 'Test2 Test2',
				available: answer.agentStatistics[1].available,
				...answer.agentStatistics[1].statistics,
			},
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	test("without Simplify: APIO's answer as it is, in one item", async () => {
		const result = await runApio(sandbox, seedExample({ simplify: false }));
		const answer = sandbox.apio.callCenters.statistics(
			SEED.statistics,
			'2021-01-01T00:00:00+01:00',
			'2021-03-01T00:00:00+01:00',
		);
		expect(jsonOf(result)).toEqual([{ ...answer, endClampedToNow: false }]);
	});
});

describe('dates', () => {
	test("dates are read in the workflow's timezone, with the offset of each date (DST)", async () => {
		await runApio(sandbox, seedExample({ start: '2021-01-01T00:00:00', end: '2021-07-01T08:30:00' }), {
			timezone: 'America/New_York',
		});
		expect(apiCalls(sandbox)[0].body).toEqual({
			statisticsRange: { start: '2021-01-01T00:00:00-05:00', end: '2021-07-01T08:30:00-04:00' },
		});
	});

	test('a date with its own offset keeps its moment, shown in the workflow timezone', async () => {
		await runApio(sandbox, seedExample({ start: '2021-01-01T00:00:00Z', end: '={{ $now.minus({ days: 400 }) }}' }));
		const body = apiCalls(sandbox)[0].body as { statisticsRange: { start: string; end: string } };
		expect(body.statisticsRange.start).toBe('2021-01-01T01:00:00+01:00');
		expect(body.statisticsRange.end).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
	});

	test('an End in the future is replaced by the current minute, and the output says so', async () => {
		const before = Date.now();
		const result = await runApio(sandbox, seedExample({ start: '2024-01-01T00:00:00', end: '2999-12-31T00:00:00' }));
		expect(result.error).toBeUndefined();
		const { end } = (apiCalls(sandbox)[0].body as { statisticsRange: { end: string } }).statisticsRange;
		expect(end).toMatch(/:00\+0[12]:00$/);
		expect(Date.parse(end)).toBeLessThanOrEqual(Date.now());
		expect(Date.parse(end)).toBeGreaterThan(before - 2 * 60_000);
		expect(jsonOf(result)[0]).toMatchObject({
			level: 'queue',
			end,
			endClampedToNow: true,
			requestedEnd: '2999-12-31T00:00:00+01:00',
		});
	});

	test.each([
		['a period in the future', { start: '2999-01-01T00:00:00', end: '2999-02-01T00:00:00' }, 'The period starts in the future'],
		['an End before its Start', { start: '2021-03-01T00:00:00', end: '2021-01-01T00:00:00' }, 'is before Start'],
		['a Start expression that gives nothing', { start: '={{ $json.missing }}' }, 'Start is missing'],
		['an End that is not a date', { end: 'yesterday' }, 'End "yesterday" is not a date'],
	])('%s: a NodeOperationError before any request, not even a login', async (_, parameters, message) => {
		const result = await runApio(sandbox, seedExample(parameters));
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain(message);
		expect(sandbox.requests).toEqual([]);
	});

	test('a missing Call Center: a NodeOperationError before any request', async () => {
		const result = await runApio(sandbox, seedExample({ callCenter: { __rl: true, mode: 'name', value: ' ' } }));
		expect(result.error?.message).toBe('Call Center is missing');
		expect(sandbox.requests).toEqual([]);
	});
});

describe('where the range goes', () => {
	test('Send Range In: Query Parameters sends start and end in the query and no body', async () => {
		const result = await runApio(sandbox, seedExample({ options: { rangeIn: 'query' } }));
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{
				method: 'GET',
				path: STATISTICS_PATH,
				query: { start: '2021-01-01T00:00:00+01:00', end: '2021-03-01T00:00:00+01:00' },
				body: undefined,
			},
		]);
		expect(jsonOf(result)).toHaveLength(3);
	});

	test('the proxy prefix /api/v01/apio/sync/api/v1 of some deployments', async () => {
		const credential = passwordCredential(sandbox, { apiPrefix: '/api/v01/apio/sync/api/v1/' });
		const result = await runApio(sandbox, seedExample(), { credential });
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox)[0].path).toBe(STATISTICS_PATH.replace('/api/v1/', '/api/v01/apio/sync/api/v1/'));
	});
});

describe("APIO's documented 400 answers", () => {
	test('"format ... invalid" (a proxy dropped the body): the message, and the query option as the way out', async () => {
		sandbox.apio.routeOptions.dropsGetBodies = true;
		sandbox.apio.routeOptions.rangeInQueryAccepted = false;
		const result = await runApio(sandbox, seedExample());
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			'Netaxis APIO rejected the request as invalid: INVALID_PARAMETERS (2): The format of start date or end date is invalid.',
		);
		expect(result.error?.description).toContain('Send Range In > Query Parameters');
		expect(result.error?.httpCode).toBe('400');
		// Not retried, and no new login for an answer that is not a 401.
		expect(apioRequests(sandbox).map((request) => request.method)).toEqual(['POST', 'GET']);
	});

	test('"in the future" (APIO\'s clock behind n8n\'s): says to pick earlier dates', async () => {
		sandbox.apio.now = () => Date.parse('2021-02-01T00:00:00Z');
		const result = await runApio(sandbox, seedExample());
		expect(result.error?.message).toBe(
			'Netaxis APIO rejected the request as invalid: INVALID_PARAMETERS (2): Start date or end date in the future',
		);
		expect(result.error?.description).toContain("clock seems behind n8n's");
		expect(apiCalls(sandbox)).toHaveLength(1);
	});

	test('"End date can not be earlier than start date.": says to pick an End after the Start', async () => {
		sandbox.faults.add({
			vendor: 'apio',
			method: 'GET',
			fault: {
				kind: 'status',
				status: 400,
				body: { errors: [{ code: 2, message: 'End date can not be earlier than start date.' }] },
			},
		});
		const result = await runApio(sandbox, seedExample());
		expect(result.error?.message).toContain('INVALID_PARAMETERS (2): End date can not be earlier than start date.');
		expect(result.error?.description).toBe('Pick an End after the Start.');
	});
});

describe('other failures', () => {
	test('an unknown call center: the 404 says what to check', async () => {
		const result = await runApio(
			sandbox,
			seedExample({ callCenter: { __rl: true, mode: 'name', value: 'nobody@sip.netaxis.be' } }),
		);
		expect(result.error?.message).toBe(
			'Netaxis APIO found nothing there: Call center nobody@sip.netaxis.be not found in group foogroup',
		);
		expect(result.error?.description).toContain('Tenant, Group and Call Center');
	});

	test('a 503 is retried (a read), and the second answer is used', async () => {
		const sleep = jest.spyOn(retryClock, 'sleep').mockResolvedValue(undefined);
		sandbox.faults.add({ vendor: 'apio', method: 'GET', path: /statistics/, fault: { kind: 'status', status: 503 } });
		const result = await runApio(sandbox, seedExample());
		sleep.mockRestore();
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox).map((request) => request.status)).toEqual([503, 200]);
		expect(jsonOf(result)).toHaveLength(3);
	});

	test('with Continue On Fail a bad item gives an error item and the others go on', async () => {
		const result = await runApio(sandbox, seedExample({ end: '={{ $json.end }}' }), {
			items: [{ end: 'soon' }, { end: '2021-03-01T00:00:00' }],
			continueOnFail: true,
		});
		const items = jsonOf(result);
		expect(items[0]).toEqual(expect.objectContaining({ error: 'End "soon" is not a date' }));
		expect(items.slice(1).map((item) => item.level)).toEqual(['queue', 'agent', 'agent']);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }, { item: 1 }]);
		expect(apiCalls(sandbox)).toHaveLength(1);
	});
});
