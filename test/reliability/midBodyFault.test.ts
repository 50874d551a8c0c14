/**
 * The sandbox's "reset in the middle of the body" fault (dropMidBody): the vendor handles the
 * request, the client gets the status line, the headers and part of the body, then the socket
 * is destroyed. Read with node:http so the cut is seen as it happens on the wire.
 */
import { request } from 'node:http';

import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { LiveVoxTestClient } from '../sandbox/livevoxTestClient';

let sandbox: Sandbox;
let client: LiveVoxTestClient;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(async () => {
	sandbox.livevox.reset();
	sandbox.faults.clear();
	client = new LiveVoxTestClient(sandbox);
	await client.login();
	sandbox.clearRequests();
});

interface Received {
	status?: number;
	contentLength?: number;
	bytes: number;
	outcome: 'complete' | 'cut';
}

function get(path: string): Promise<Received> {
	return new Promise((resolve) => {
		const received: Received = { bytes: 0, outcome: 'cut' };
		const outgoing = request(
			`${sandbox.livevoxUrl}${path}`,
			{ headers: { 'lv-access': sandbox.livevox.account.accessToken, 'lv-session': client.sessionId } },
			(response) => {
				received.status = response.statusCode;
				received.contentLength = Number(response.headers['content-length']);
				response.on('data', (chunk: Buffer) => (received.bytes += chunk.length));
				response.on('end', () => resolve({ ...received, outcome: response.complete ? 'complete' : 'cut' }));
				response.on('error', () => resolve({ ...received, outcome: 'cut' }));
				response.on('aborted', () => resolve({ ...received, outcome: 'cut' }));
			},
		);
		outgoing.on('error', () => resolve(received));
		outgoing.end();
	});
}

const path = '/configuration/services?callCenter=433&count=5&offset=0';

test('without the fault the whole body arrives', async () => {
	const received = await get(path);
	expect(received).toMatchObject({ status: 200, outcome: 'complete' });
	expect(received.bytes).toBe(received.contentLength);
});

test('dropMidBody sends the status, the headers and part of the body, then resets', async () => {
	sandbox.faults.add({ path: '/configuration/services', fault: { kind: 'dropMidBody', fraction: 0.5 } });
	const received = await get(path);
	expect(received.status).toBe(200);
	expect(received.outcome).toBe('cut');
	expect(received.bytes).toBeGreaterThan(0);
	expect(received.bytes).toBeLessThan(received.contentLength as number);
	const [recorded] = sandbox.requests;
	// Recorded as never answered whole, but handled by the vendor (its state changes happen).
	expect(recorded).toMatchObject({ path: '/configuration/services', status: 0, handledStatus: 200 });
	// The rule is used up: the next request is answered in full.
	expect(await get(path)).toMatchObject({ status: 200, outcome: 'complete' });
});

test('a write cut in the middle of its answer was carried out', async () => {
	sandbox.faults.add({ method: 'POST', path: '/configuration/services', fault: { kind: 'dropMidBody' } });
	const result = await client.call('POST', '/configuration/services', { query: { service: 53661, name: 'Cut' } }).catch((error: unknown) => error);
	expect(result).toHaveProperty('message');
	expect(sandbox.requests[0]).toMatchObject({ method: 'POST', status: 0, handledStatus: 201 });
	expect(sandbox.livevox.services.get(53701)?.general.name).toBe('Cut');
});

test('an injected status is never handled by the vendor', async () => {
	sandbox.faults.add({ path: '/configuration/services', fault: { kind: 'status', status: 503 } });
	expect((await get(path)).status).toBe(503);
	expect(sandbox.requests[0].handledStatus).toBeUndefined();
	expect(sandbox.requests[0].status).toBe(503);
});
