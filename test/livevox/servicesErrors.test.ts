import { retryClock } from '../../nodes/shared/retry';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apiCalls, byId, jsonOf, liveVoxCredentials, runLiveVox } from './fixture';

let sandbox: Sandbox;
let expireAfterPath: string | undefined;
const realSleep = retryClock.sleep;
const sleeps: number[] = [];

beforeAll(async () => {
	sandbox = await startSandbox({
		// Ends the session right after the first answer to this path: the next call meets a 401.
		onRequestDone: (request) => {
			if (expireAfterPath !== undefined && request.path === expireAfterPath && request.status === 200) {
				expireAfterPath = undefined;
				sandbox.livevox.expireSessions();
			}
		},
	});
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.livevox.reset();
	sandbox.clearRequests();
	sandbox.faults.clear();
	sleeps.length = 0;
	retryClock.sleep = async (ms: number) => {
		sleeps.push(ms);
	};
});
afterEach(() => {
	retryClock.sleep = realSleep;
});

const getGeneral = (serviceId: unknown, options = {}) =>
	runLiveVox(sandbox, { resource: 'service', operation: 'getGeneral', serviceId: byId(serviceId as string) }, options);

describe('sessions', () => {
	test('a session that expires in the middle of a paged pull is renewed once, with no failure', async () => {
		expireAfterPath = '/configuration/services';
		const result = await runLiveVox(sandbox, {
			resource: 'service',
			operation: 'list',
			callCenterId: 433,
			returnAll: true,
			options: { pageSize: 5 },
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toHaveLength(12);
		expect(sandbox.livevox.loginCount).toBe(2);
		expect(result.credentialsHelper.preAuthenticationRuns.get('liveVoxApi')).toBe(2);
		// The pages only: the list's size (Service List Info) is looked up between the first page and the others.
		const pages = apiCalls(sandbox).filter((request) => request.path === '/configuration/services');
		const statuses = pages.map((request) => `${request.query.offset}:${request.status}`);
		expect(statuses.filter((status) => status.endsWith(':200'))).toEqual(['0:200', '5:200', '10:200']);
		// One call (the size lookup) is refused with the old session, then sent once with the new one.
		expect(apiCalls(sandbox).filter((request) => request.status === 401).map((request) => request.path)).toEqual([
			'/configuration/services/info',
		]);
	});

	test('the stored session is reused by the next run, without a new login', async () => {
		const first = await getGeneral(20575);
		const second = await getGeneral(5607, { credentialsHelper: first.credentialsHelper });
		expect(second.error).toBeUndefined();
		expect(sandbox.livevox.loginCount).toBe(1);
	});

	test('a wrong password fails the login with a clear message and no secret in it', async () => {
		const result = await getGeneral(20575, {
			credentials: { liveVoxApi: liveVoxCredentials(sandbox, { password: 'wrong-secret-pw' }) },
		});
		expect(result.error?.message).toMatch(/LiveVox did not accept the login/);
		expect(result.error?.description).toMatch(/client name|user name|password/i);
		expect(JSON.stringify(result.run)).not.toContain('wrong-secret-pw');
		expect(JSON.stringify(result.run)).not.toContain('demo-access-token');
		expect(apiCalls(sandbox)).toHaveLength(0);
	});
});

describe('vendor errors become NodeApiErrors with LiveVox message and a hint', () => {
	test('404: the service does not exist', async () => {
		const result = await getGeneral(123);
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toContain('Service 123 not found');
		expect(result.error?.description).toMatch(/Service ID/);
		expect(apiCalls(sandbox)).toHaveLength(1);
	});

	test("403 on a change: Managers need the 'Modify Services' power", async () => {
		sandbox.livevox.permissions.modifyServices = false;
		const result = await runLiveVox(sandbox, {
			resource: 'service',
			operation: 'updateGeneral',
			serviceId: byId(20575),
			updateFields: { name: 'Renamed' },
		});
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.message).toContain("Modify Services");
		expect(result.error?.description).toMatch(/Managers need the 'Modify Services' optional power/);
	});

	test('400 from Delete: the 90-day campaign rule is explained', async () => {
		const result = await runLiveVox(sandbox, { resource: 'service', operation: 'delete', serviceId: byId(5607) });
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toMatch(/90 days/);
	});

	test('with Continue On Fail, a failed item gives an error item and the others go on', async () => {
		const result = await runLiveVox(
			sandbox,
			{ resource: 'service', operation: 'getGeneral', serviceId: byId('={{ $json.id }}') },
			{ items: [{ id: 20575 }, { id: 123 }, { id: 'abc' }, { id: 5607 }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out[0].serviceId).toBe(20575);
		expect(out[1].error).toMatch(/Service 123 not found/);
		expect(out[2].error).toMatch(/Service ID must be a whole number/);
		expect(out[3].serviceId).toBe(5607);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		// The bad ID never reached LiveVox.
		expect(apiCalls(sandbox).map((request) => request.path)).toEqual([
			'/configuration/services/20575',
			'/configuration/services/123',
			'/configuration/services/5607',
		]);
	});
});

describe('reads are retried on transient failures, writes never once sent', () => {
	test('a read retries a 503 and a 429, honouring Retry-After, then succeeds', async () => {
		sandbox.faults.add({ path: '/configuration/services/20575', fault: { kind: 'status', status: 503 } });
		sandbox.faults.add({ path: '/configuration/services/20575', fault: { kind: 'status', status: 429, retryAfter: 7 } });
		const result = await getGeneral(20575);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0].serviceId).toBe(20575);
		expect(apiCalls(sandbox).map((request) => request.status)).toEqual([503, 429, 200]);
		expect(sleeps).toHaveLength(2);
		expect(sleeps[1]).toBe(7000);
	});

	test('a read gives up after the attempts allowed and says how many were made', async () => {
		sandbox.faults.add({ path: '/configuration/services/20575', times: 10, fault: { kind: 'status', status: 500 } });
		const result = await getGeneral(20575);
		expect(result.error?.message).toMatch(/server error \(500\) \(tried 4 times\)/);
		expect(apiCalls(sandbox)).toHaveLength(4);
	});

	test('a read retries a dropped connection', async () => {
		sandbox.faults.add({ path: '/configuration/services/20575', fault: { kind: 'drop' } });
		const result = await getGeneral(20575);
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox).map((request) => request.status)).toEqual([0, 200]);
	});

	test('a read slower than the Timeout option is abandoned and asked again', async () => {
		sandbox.faults.add({ path: '/configuration/services/20575', fault: { kind: 'delay', ms: 2500 } });
		const result = await runLiveVox(sandbox, {
			resource: 'service',
			operation: 'getGeneral',
			serviceId: byId(20575),
			requestOptions: { timeout: 1 },
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0].serviceId).toBe(20575);
		expect(apiCalls(sandbox)).toHaveLength(2);
	});

	test('a write answered 500 is not sent again; the error says to check before running again', async () => {
		sandbox.faults.add({ path: '/configuration/services/20575', method: 'POST', fault: { kind: 'status', status: 500 } });
		const result = await runLiveVox(sandbox, {
			resource: 'service',
			operation: 'updateGeneral',
			serviceId: byId(20575),
			updateFields: { name: 'Renamed' },
		});
		expect(result.error?.message).toMatch(/may or may not have been applied/);
		expect(result.error?.description).toMatch(/Get the service's General tab/);
		expect(apiCalls(sandbox)).toHaveLength(1);
	});

	test('a create whose answer is lost after LiveVox acted is not sent twice: the outcome is reported unknown', async () => {
		sandbox.faults.add({ path: '/configuration/services', method: 'POST', fault: { kind: 'dropAfterProcessing' } });
		const result = await runLiveVox(sandbox, { resource: 'service', operation: 'create', serviceId: byId(53661), name: 'Once' });
		expect(result.error?.message).toMatch(/The outcome is unknown/);
		expect(result.error?.description).toMatch(/look for "Once"/);
		expect(apiCalls(sandbox).filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(sandbox.livevox.services.get(53701)?.general.name).toBe('Once');
		expect(sandbox.livevox.services.get(53702)).toBeUndefined();
	});
});
