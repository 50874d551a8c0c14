/**
 * Sandbox server: request recording, each fault kind, latency and a clean close().
 * LiveVox routes are used as the target because they are the first vendor mounted.
 */
import { FaultQueue, startSandbox } from './server';
import type { Sandbox } from './server';
import { LiveVoxTestClient } from './livevoxTestClient';

let sandbox: Sandbox;
let client: LiveVoxTestClient;
const infoPath = '/configuration/services/info';

async function serviceCount(): Promise<number> {
	const info = await client.call('GET', infoPath, { query: { callCenter: 433 } });
	return (info.body as { size: number }).size;
}

function create(name: string) {
	return client.call('POST', '/configuration/services', { query: { service: 53661, name } });
}

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(async () => {
	sandbox.livevox.reset();
	sandbox.faults.clear();
	sandbox.setLatency(0);
	client = new LiveVoxTestClient(sandbox);
	await client.login();
	sandbox.clearRequests();
});

describe('recording', () => {
	it('records vendor, method, path, query, lower-cased headers, parsed body and status', async () => {
		await client.call('POST', '/configuration/v6.0/services/search', {
			query: { count: 5, offset: 0 },
			body: { callDirection: 'OUTBOUND', acdFeature: ['MANUAL'] },
		});
		await client.call('POST', '/configuration/services/20575', { headers: { 'content-type': 'text/plain' }, body: 'hello' });
		expect(sandbox.requests).toHaveLength(2);
		expect(sandbox.requests[0]).toMatchObject({
			vendor: 'livevox',
			method: 'POST',
			path: '/configuration/v6.0/services/search',
			query: { count: '5', offset: '0' },
			body: { callDirection: 'OUTBOUND', acdFeature: ['MANUAL'] },
			status: 200,
		});
		expect(sandbox.requests[0].headers['lv-session']).toBe(client.sessionId);
		expect(sandbox.requests[1]).toMatchObject({ body: 'hello', status: 403 });
		sandbox.clearRequests();
		expect(sandbox.requests).toHaveLength(0);
	});

	it('answers 404 outside any vendor prefix', async () => {
		const response = await fetch(`${sandbox.url}/elsewhere/x?a=1&a=2`);
		expect(response.status).toBe(404);
		expect(sandbox.requests[0]).toMatchObject({ vendor: '', path: '/elsewhere/x', query: { a: ['1', '2'] } });
	});
});

describe('faults', () => {
	it('status: answers instead of handling, with Retry-After, for `times` matches', async () => {
		sandbox.faults.add({ vendor: 'livevox', method: 'post', path: '/configuration/services', times: 2, fault: { kind: 'status', status: 429, retryAfter: 3 } });
		const first = await create('A');
		expect(first.status).toBe(429);
		expect(first.headers.get('retry-after')).toBe('3');
		expect(first.body).toEqual({ code: 429, message: 'Too Many Requests' });
		expect((await create('B')).status).toBe(429);
		expect(await serviceCount()).toBe(12); // neither faulted create was processed
		expect((await create('C')).status).toBe(201);
		expect(sandbox.requests.map((request) => request.status)).toEqual([429, 429, 200, 201]);
		expect(sandbox.faults.pending).toBe(0);
	});

	it('status: a custom body and a RegExp path', async () => {
		sandbox.faults.add({ path: /^\/configuration\/services\/\d+$/, fault: { kind: 'status', status: 503, body: { code: 503, message: 'Down' } } });
		expect(await client.call('GET', '/configuration/services/20575')).toMatchObject({ status: 503, body: { message: 'Down' } });
		expect((await client.call('GET', '/configuration/services/20575')).status).toBe(200);
	});

	it('ignores rules for another vendor or method', async () => {
		sandbox.faults.add({ vendor: 'vcclive', fault: { kind: 'status', status: 500 } });
		sandbox.faults.add({ method: 'DELETE', fault: { kind: 'status', status: 500 } });
		expect((await client.call('GET', '/configuration/services/20575')).status).toBe(200);
		expect(sandbox.faults.pending).toBe(2);
	});

	it('drop: closes the connection before handling; nothing changes', async () => {
		sandbox.faults.add({ method: 'POST', path: '/configuration/services', fault: { kind: 'drop' } });
		await expect(create('Dropped')).rejects.toThrow();
		expect(sandbox.requests[0]).toMatchObject({ method: 'POST', status: 0 });
		expect(await serviceCount()).toBe(12);
	});

	it('dropAfterProcessing: the server acts, then the answer is lost', async () => {
		sandbox.faults.add({ method: 'POST', path: '/configuration/services', fault: { kind: 'dropAfterProcessing' } });
		await expect(create('Lost answer')).rejects.toThrow();
		expect(sandbox.requests[0].status).toBe(0);
		expect(await serviceCount()).toBe(13);
		expect(sandbox.livevox.services.get(53701)?.general.name).toBe('Lost answer');
	});

	it('delay: answers normally, after an undelayed request sent later', async () => {
		sandbox.faults.add({ path: infoPath, fault: { kind: 'delay', ms: 300 } });
		const order: string[] = [];
		const delayed = serviceCount().then((size) => order.push(`delayed:${size}`));
		await new Promise((resolve) => setImmediate(resolve));
		const prompt = client.call('GET', '/configuration/services/20575').then(() => order.push('prompt'));
		await Promise.all([delayed, prompt]);
		expect(order).toEqual(['prompt', 'delayed:12']);
	});

	it('refuses a rule that could never fire', () => {
		expect(() => new FaultQueue().add({ times: 0, fault: { kind: 'drop' } })).toThrow(/times/);
	});
});

describe('latency and close', () => {
	it('setLatency delays every response: one asked for later, with the latency lifted, answers first', async () => {
		sandbox.setLatency(300);
		const order: string[] = [];
		const slow = client.call('GET', '/configuration/services/20575').then((answer) => order.push(`slow:${answer.status}`));
		while (sandbox.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
		sandbox.setLatency(0);
		const fast = client.call('GET', '/configuration/services/20575').then((answer) => order.push(`fast:${answer.status}`));
		await Promise.all([slow, fast]);
		expect(order).toEqual(['fast:200', 'slow:200']);
		expect(() => sandbox.setLatency(-1)).toThrow();
	});

	it('close() ends pending requests and open sockets, and stops listening', async () => {
		const other = await startSandbox({ latencyMs: 60_000 });
		const otherClient = new LiveVoxTestClient(other);
		const pending = otherClient.raw('GET', '/configuration/services/20575');
		await new Promise((resolve) => setImmediate(resolve));
		while (other.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		await other.close();
		await expect(pending).rejects.toThrow();
		await expect(fetch(other.livevoxUrl + '/session/login', { method: 'POST' })).rejects.toThrow();
		await expect(other.close()).resolves.toBeUndefined();
	});
});
