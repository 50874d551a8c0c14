/**
 * The APIO imitation on its own, over plain HTTP: what the node cannot make it do (an End
 * before its Start, a malformed date) and the rules the engine tests rely on.
 */
import { request as httpRequest } from 'node:http';

import { DEMO_MACHINE_TOKEN, DEMO_USER, RANGE_MESSAGES, SEED, TWO_FACTOR_USER } from '../sandbox/apio';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.apio.reset());

interface Answer {
	status: number;
	body: unknown;
}

/** node:http, because fetch refuses a body on a GET. */
function call(method: string, path: string, body?: unknown, token = DEMO_MACHINE_TOKEN): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const payload = body === undefined ? undefined : JSON.stringify(body);
		const outgoing = httpRequest(
			`${sandbox.apioUrl}${path}`,
			{
				method,
				headers: {
					authorization: `Bearer ${token}`,
					'content-type': 'application/json',
					// Node frames a GET body only with an explicit length.
					...(payload === undefined ? {} : { 'content-length': Buffer.byteLength(payload) }),
				},
			},
			(incoming) => {
				const chunks: Buffer[] = [];
				incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
				incoming.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					resolve({ status: incoming.statusCode ?? 0, body: text === '' ? undefined : JSON.parse(text) });
				});
			},
		);
		outgoing.on('error', reject);
		outgoing.end(payload);
	});
}

const STATISTICS = '/api/v1/tenants/footenant/groups/foogroup/services/call_centers/APIOTestCallCenterP%40sip.netaxis.be/statistics/';
const range = (start: unknown, end: unknown) => ({ statisticsRange: { start, end } });
const invalid = (message: string) => ({ status: 400, body: { errors: [{ code: 2, message }] } });

describe('statistics range checks, in the documented order', () => {
	test.each([
		['a date without offset', range('2021-01-01T00:00:00', '2021-03-01T00:00:00+01:00'), RANGE_MESSAGES.format],
		['no range at all', undefined, RANGE_MESSAGES.format],
		['an End in the future', range('2021-01-01T00:00:00+01:00', '2999-01-01T00:00:00+01:00'), RANGE_MESSAGES.future],
		['an End before its Start', range('2021-03-01T00:00:00+01:00', '2021-01-01T00:00:00+01:00'), RANGE_MESSAGES.order],
	])('%s', async (_, body, message) => {
		expect(await call('GET', STATISTICS, body)).toEqual(invalid(message));
	});

	test('a good range: the example answer shape, echoing the range', async () => {
		const answer = await call('GET', STATISTICS, range('2021-01-01T00:00:00+01:00', '2021-03-01T00:00:00+01:00'));
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({
			statisticsRange: { start: '2021-01-01T00:00:00+01:00', end: '2021-03-01T00:00:00+01:00' },
			agentStatistics: [{ agentUserId: 'ApioUserTest1@sip.netaxis.be' }, { agentUserId: 'ApioUserTest2@sip.netaxis.be' }],
		});
	});
});

describe('routes', () => {
	test('both prefixes reach the API; a path without its trailing slash does not', async () => {
		const settings = '/tenants/foo/groups/foogroup/services/call_centers/APIOTestCCBasic%40sip.netaxis.be/instance_statistics_reporting/';
		expect((await call('GET', `/api/v1${settings}`)).status).toBe(200);
		expect((await call('GET', `/api/v01/apio/sync/api/v1${settings}`)).status).toBe(200);
		expect((await call('GET', `/api/v1${settings.slice(0, -1)}`)).status).toBe(404);
	});

	test('statisticsSource cannot be set; the PUT keeps what it does not name unless told to replace', async () => {
		const path = '/api/v1/tenants/foo/groups/foogroup/services/call_centers/APIOTestCCPremium%40sip.netaxis.be/instance_statistics_reporting/';
		expect(await call('PUT', path, { statisticsSource: 'None' })).toEqual(invalid('statisticsSource cannot be modified'));
		expect((await call('PUT', path, { collectionPeriodMinutes: 15 })).body).toMatchObject({
			collectionPeriodMinutes: 15,
			reportingEmailAddress1: 'apio_test_1@netaxis.be',
		});
		sandbox.apio.routeOptions.putReplacesAll = true;
		expect((await call('PUT', path, { collectionPeriodMinutes: 60 })).body).toEqual({
			generateDailyReport: false,
			collectionPeriodMinutes: 60,
			statisticsSource: 'Application Server',
		});
		expect(sandbox.apio.callCenters.settingsOf(SEED.premium).reportingEmailAddress1).toBeUndefined();
	});
});

describe('authentication', () => {
	test('a login gives tokens; they work until expired; machine tokens keep working', async () => {
		const login = await call('POST', '/api/v01/auth/login', DEMO_USER);
		const { access_token: token } = login.body as { access_token: string; refresh_token: string };
		expect(login.body).toEqual({ access_token: expect.stringMatching(/^access-1-/), refresh_token: expect.stringMatching(/^refresh-1-/) });
		expect((await call('GET', '/api/v01/system/users/local', undefined, token)).status).toBe(200);
		sandbox.apio.expireTokens();
		expect(await call('GET', '/api/v01/system/users/local', undefined, token)).toEqual({
			status: 401,
			body: { error: 'Token is invalid or expired' },
		});
		expect((await call('GET', '/api/v01/system/users/local')).status).toBe(200);
	});

	test('a wrong password is 401 {error}; a two-factor account gets a challenge, not tokens', async () => {
		expect(await call('POST', '/api/v01/auth/login', { ...DEMO_USER, password: 'x' })).toEqual({
			status: 401,
			body: { error: 'Invalid username or password' },
		});
		const challenge = await call('POST', '/api/v01/auth/login', TWO_FACTOR_USER);
		expect(challenge.body).toEqual({ '2fa_payload': expect.any(String), option: 'email' });
		expect(sandbox.apio.loginCount).toBe(0);
	});
});
