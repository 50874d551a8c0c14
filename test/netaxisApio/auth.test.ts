/**
 * The Netaxis APIO credential through n8n's engine: one login stored and reused, renewal
 * after the access token expired (for the GET with a body and for the other calls), the
 * machine token, two-factor accounts, refused logins, and no secret in any message.
 */
import { retryClock } from '../../nodes/shared/retry';
import { newCredentialsHelper } from '../engine/harness';
import { DEMO_MACHINE_TOKEN, SEED, TWO_FACTOR_USER } from '../sandbox/apio';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import {
	apiCalls,
	apioRequests,
	callCenterParameters,
	CREDENTIAL,
	jsonOf,
	LOGIN,
	logins,
	machineTokenCredential,
	passwordCredential,
	runApio,
} from './fixture';

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

const getStatistics = {
	operation: 'getStatistics',
	...callCenterParameters(SEED.statistics),
	start: '2021-01-01T00:00:00',
	end: '2021-03-01T00:00:00',
};
const getSettings = { operation: 'getReportingSettings', ...callCenterParameters(SEED.basic) };
const updateSettings = {
	operation: 'updateReportingSettings',
	...callCenterParameters(SEED.basic),
	updateFields: { collectionPeriodMinutes: 15 },
};

/** Runs `run` with the retry waits recorded in `waits` instead of waited (and the jitter in the middle). */
async function withoutWaiting<T>(run: () => Promise<T>, waits: number[] = []): Promise<T> {
	const saved = { ...retryClock };
	retryClock.sleep = async (ms: number) => {
		waits.push(ms);
	};
	retryClock.random = () => 0.5;
	try {
		return await run();
	} finally {
		Object.assign(retryClock, saved);
	}
}

/** The order of calls as the sandbox saw them: "login" or "METHOD status". */
const trail = (sandbox: Sandbox) =>
	apioRequests(sandbox).map((request) => (request.path === LOGIN ? 'login' : `${request.method} ${request.status}`));

describe('user name and password', () => {
	test('one login for all items; its access token is stored in the hidden field and reused', async () => {
		const result = await runApio(sandbox, getSettings, { items: [{}, {}, {}] });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toHaveLength(3);
		expect(trail(sandbox)).toEqual(['login', 'GET 200', 'GET 200', 'GET 200']);
		const stored = result.credentialsHelper.stored.get(CREDENTIAL);
		expect(stored?.accessToken).toMatch(/^access-1-/);
		expect(apiCalls(sandbox).every((call) => call.headers.authorization === `Bearer ${stored?.accessToken}`)).toBe(true);
	});

	test.each([
		['Get Statistics (GET with a body, through requestWithAuthentication)', getStatistics],
		['Get Statistics Reporting Settings', getSettings],
	])('%s: an expired token is renewed with one new login, without failing', async (_, parameters) => {
		const first = await runApio(sandbox, parameters);
		expect(first.error).toBeUndefined();
		sandbox.apio.expireTokens();
		sandbox.clearRequests();
		const second = await runApio(sandbox, parameters, { credentialsHelper: first.credentialsHelper });
		expect(second.error).toBeUndefined();
		expect(jsonOf(second)).toEqual(jsonOf(first));
		expect(trail(sandbox)).toEqual(['GET 401', 'login', 'GET 200']);
		expect(sandbox.apio.loginCount).toBe(2);
		expect(second.credentialsHelper.stored.get(CREDENTIAL)?.accessToken).toMatch(/^access-2-/);
		expect(apiCalls(sandbox)[1].body).toEqual(apiCalls(sandbox)[0].body);
	});

	test('Update: a token expired before the change is renewed; the change is sent once after the 401', async () => {
		const first = await runApio(sandbox, getSettings);
		sandbox.apio.expireTokens();
		sandbox.clearRequests();
		const result = await runApio(sandbox, updateSettings, { credentialsHelper: first.credentialsHelper });
		expect(result.error).toBeUndefined();
		expect(trail(sandbox)).toEqual(['GET 401', 'login', 'GET 200', 'PUT 200']);
		expect(sandbox.apio.callCenters.settingsOf(SEED.basic).collectionPeriodMinutes).toBe(15);
	});

	test('older APIO versions answer the login with `token` only: it is used as the access token', async () => {
		sandbox.apio.legacyLoginAnswer = true;
		const result = await runApio(sandbox, getStatistics);
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox)[0].headers.authorization).toMatch(/^Bearer access-1-/);
	});

	test.each([
		['Get Statistics', getStatistics],
		['Get Statistics Reporting Settings', getSettings],
	])('%s: a refused login is tried once, and says to check the user name and password', async (_, parameters) => {
		const credential = passwordCredential(sandbox, { password: 'a-wrong-secret-password' });
		const result = await runApio(sandbox, parameters, { credential });
		expect(result.error?.message).toBe(
			'Netaxis APIO login failed: APIO did not accept the user name and password of "apio.admin" (Invalid username or password)',
		);
		expect(result.error?.description).toContain('Check the User Name and Password');
		expect(trail(sandbox)).toEqual(['login']);
		expect(JSON.stringify(result.error)).not.toContain('a-wrong-secret-password');
	});

	test('an unreachable APIO: the login is tried as a read is, then says to check the Base URL', async () => {
		const credential = passwordCredential(sandbox, { baseUrl: 'http://127.0.0.1:9/' });
		const result = await withoutWaiting(async () => await runApio(sandbox, getSettings, { credential }));
		expect(result.error?.message).toBe('Netaxis APIO login failed: APIO could not be reached at http://127.0.0.1:9 (tried 4 times)');
		expect(result.error?.description).toContain('Check the Base URL');
	});
});

describe('a login APIO could not answer', () => {
	const expireAfterFirstCall = () => {
		sandbox.apio.expireTokens();
	};

	test.each([
		['Get Statistics', getStatistics, 'GET', 500, undefined],
		['Get Statistics', getStatistics, 'GET', 429, 1],
		['Update Statistics Reporting Settings', updateSettings, 'PUT', 503, undefined],
	])('%s: a re-login answered %s is tried again, and the call completes', async (_name, parameters, method, status, retryAfter) => {
		// A first run stores a token; it expires; the next login fails once, then works.
		const helper = newCredentialsHelper({ [CREDENTIAL]: passwordCredential(sandbox) });
		await runApio(sandbox, getSettings, { credentialsHelper: helper });
		expireAfterFirstCall();
		sandbox.clearRequests();
		sandbox.faults.add({ vendor: 'apio', path: LOGIN, fault: { kind: 'status', status, retryAfter } });
		const waits: number[] = [];
		const result = await withoutWaiting(async () => await runApio(sandbox, parameters, { credentialsHelper: helper }), waits);
		expect(result.error).toBeUndefined();
		// The update reads the settings first: that read meets the expired token.
		const changes = method === 'PUT' ? ['PUT 200'] : [];
		expect(trail(sandbox)).toEqual(['GET 401', 'login', 'login', 'GET 200', ...changes]);
		if (retryAfter) expect(waits).toEqual([1000]);
	});

	test.each([
		[404, /Check that the Base URL points at APIO/],
		[401, /Check the User Name and Password/],
		[503, /APIO is failing to answer logins/],
		[429, /APIO is busy/],
	])('a login answered %s for good says what to check', async (status, hint) => {
		sandbox.faults.add({ vendor: 'apio', path: LOGIN, times: Infinity, fault: { kind: 'status', status } });
		const waits: number[] = [];
		const result = await withoutWaiting(async () => await runApio(sandbox, getSettings), waits);
		expect(result.error?.message).toMatch(/^Netaxis APIO login failed/);
		expect(result.error?.description).toMatch(hint);
		// Only an answer that may change is tried again; a refusal or a 404 is not. A 503 up to
		// 4 attempts; a 429 as long as the backoff's waits fit 60 s in all (the next, 22.5 s, would not).
		const backoff = [750, 1500, 3000, 6000, 12_000, 22_500];
		expect(waits).toEqual(status === 429 ? backoff : status > 429 ? backoff.slice(0, 3) : []);
		expect(logins(sandbox).length).toBe(waits.length + 1);
	});
});

describe('two-factor authentication', () => {
	test.each([
		['Get Statistics', getStatistics],
		['Update Statistics Reporting Settings', updateSettings],
	])('%s: the challenge is not answered; the message says to use a machine token', async (_, parameters) => {
		const credential = passwordCredential(sandbox, TWO_FACTOR_USER);
		const result = await runApio(sandbox, parameters, { credential });
		expect(result.error?.message).toBe(
			'Netaxis APIO login failed: APIO asks the account "apio.2fa" for a second factor (two-factor authentication)',
		);
		expect(result.error?.description).toContain('Authentication: Machine Token');
		// One login only: a second one would send the user a second challenge.
		expect(trail(sandbox)).toEqual(['login']);
		expect(sandbox.apio.callCenters.settingsOf(SEED.basic).collectionPeriodMinutes).toBe(30);
	});
});

describe('machine token', () => {
	test.each([
		['Get Statistics', getStatistics],
		['Get Statistics Reporting Settings', getSettings],
		['Update Statistics Reporting Settings', updateSettings],
	])('%s: sent as the Bearer token, no login, nothing stored', async (_, parameters) => {
		const result = await runApio(sandbox, parameters, { credential: machineTokenCredential(sandbox) });
		expect(result.error).toBeUndefined();
		expect(logins(sandbox)).toEqual([]);
		expect(apiCalls(sandbox).map((call) => call.headers.authorization)).toEqual(
			apiCalls(sandbox).map(() => `Bearer ${DEMO_MACHINE_TOKEN}`),
		);
		expect(result.credentialsHelper.stored.get(CREDENTIAL)?.accessToken).toBe('');
	});

	test.each([
		['Get Statistics', getStatistics],
		['Get Statistics Reporting Settings', getSettings],
	])('%s: a refused machine token fails once, with no login and no repeat', async (_, parameters) => {
		const credential = machineTokenCredential(sandbox, { machineToken: 'revoked-machine-token' });
		const result = await runApio(sandbox, parameters, { credential });
		expect(result.error?.message).toBe('Netaxis APIO did not accept the login: Token is invalid or expired');
		expect(result.error?.description).toContain('Check the Machine Token');
		expect(trail(sandbox)).toEqual(['GET 401']);
		expect(JSON.stringify(result.error)).not.toContain('revoked-machine-token');
	});
});

describe('secrets', () => {
	test('no password or token in the output', async () => {
		const helper = newCredentialsHelper({ [CREDENTIAL]: passwordCredential(sandbox) });
		const result = await runApio(sandbox, getStatistics, { credentialsHelper: helper });
		const token = helper.stored.get(CREDENTIAL)?.accessToken as string;
		expect(token).toMatch(/^access-/);
		const output = JSON.stringify(result.items);
		expect(output).not.toContain(token);
		expect(output).not.toContain('apio-password');
	});
});
