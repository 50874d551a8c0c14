/**
 * Writes refused before they were processed: a 401 whose new login then fails says the
 * change was not made and why; a 429 with Retry-After is waited for and sent once more; a
 * write answered 5xx is never sent twice.
 */
import { retryClock } from '../../nodes/shared/retry';
import type { RunResult } from '../engine/harness';
import { newCredentialsHelper, runNode } from '../engine/harness';
import type { Family } from '../reliability/scenarios';
import { CALLBACK_PATH, WRITE_FAMILIES } from '../reliability/scenarios';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.livevox.reset();
	sandbox.faults.clear();
	sandbox.clearRequests();
});

const callback = WRITE_FAMILIES.find((family) => family.id === 'callback') as Family;
const LOGIN = '/session/login';
const credentials = () => ({
	liveVoxApi: {
		environment: 'custom',
		customBaseUrl: sandbox.livevoxUrl,
		apiVersion: '',
		clientName: 'DEMO',
		userName: 'demo.user',
		password: 'demo-password',
		accessToken: 'demo-access-token',
		agent: false,
		sessionId: '',
	},
});

async function run(helper = newCredentialsHelper(credentials()), waits: number[] = []): Promise<RunResult> {
	const saved = { ...retryClock };
	retryClock.sleep = async (ms: number) => {
		waits.push(ms);
	};
	try {
		return await runNode({ type: 'liveVox', parameters: callback.call.parameters, credentials: credentials(), credentialsHelper: helper });
	} finally {
		Object.assign(retryClock, saved);
	}
}

const trail = () =>
	sandbox.requests.filter((request) => request.vendor === 'livevox').map((request) => `${request.path === LOGIN ? 'login' : request.method} ${request.status}`);
const accepted = () => sandbox.requests.filter((request) => request.path === CALLBACK_PATH && request.handledStatus !== undefined && request.handledStatus < 300).length;

test('a write refused with 401 whose new login fails: the change was not made, and the login failure says why', async () => {
	const helper = newCredentialsHelper(credentials());
	await run(helper);
	sandbox.livevox.expireSessions();
	sandbox.clearRequests();
	sandbox.faults.add({ vendor: 'livevox', path: LOGIN, times: Infinity, fault: { kind: 'status', status: 500 } });
	const result = await run(helper);
	expect(result.error?.message).toMatch(/^The change was not made: the login to LiveVox failed \(LiveVox had a server error \(500\)/);
	expect(result.error?.message).not.toMatch(/may or may not have been applied/);
	expect(result.error?.description).toMatch(/nothing was applied/);
	expect(accepted()).toBe(0);
	// The login is retried as a read is (it changes nothing); the write was refused once.
	expect(trail().filter((entry) => entry.startsWith('login')).length).toBeGreaterThan(1);
	expect(trail().filter((entry) => entry.startsWith('POST')).length).toBe(1);
});

test('a write answered 429 with Retry-After is sent once more after the wait, and applied once', async () => {
	sandbox.faults.add({ vendor: 'livevox', path: CALLBACK_PATH, fault: { kind: 'status', status: 429, retryAfter: 2 } });
	const waits: number[] = [];
	const result = await run(undefined, waits);
	expect(result.error).toBeUndefined();
	expect(waits).toEqual([2000]);
	expect(trail()).toEqual(['login 200', 'POST 429', 'POST 204']);
	expect(accepted()).toBe(1);
});

test('a write answered 429 with Retry-After again after its one resend fails, saying nothing was done', async () => {
	sandbox.faults.add({ vendor: 'livevox', path: CALLBACK_PATH, times: Infinity, fault: { kind: 'status', status: 429, retryAfter: 1 } });
	const result = await run();
	expect(result.error?.message).toMatch(/LiveVox is limiting the rate of requests \(tried 2 times\)/);
	expect(trail()).toEqual(['login 200', 'POST 429', 'POST 429']);
});

test.each([500, 503])('a write answered %s is not sent again', async (status) => {
	sandbox.faults.add({ vendor: 'livevox', path: CALLBACK_PATH, times: Infinity, fault: { kind: 'status', status, retryAfter: 1 } });
	const result = await run();
	expect(result.error?.message).toMatch(/may or may not have been applied/);
	expect(trail()).toEqual(['login 200', `POST ${status}`]);
});
