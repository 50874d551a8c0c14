/**
 * The in-flight limit (a tenant rate limit): with latency holding requests open, the requests
 * beyond `maxInFlight` get 429 with Retry-After and are not handled; once the limit is lifted,
 * or for another vendor, everything is served.
 */
import { LiveVoxTestClient } from './livevoxTestClient';
import { startSandbox } from './server';
import type { Sandbox } from './server';

let sandbox: Sandbox;
let client: LiveVoxTestClient;
const info = () => client.call('GET', '/configuration/services/info', { query: { callCenter: 433 } });

beforeAll(async () => {
	sandbox = await startSandbox();
	client = new LiveVoxTestClient(sandbox);
	await client.login();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.setInFlightLimit(undefined);
	sandbox.setLatency(0);
	sandbox.clearRequests();
});

test('requests beyond the limit are refused with 429 and Retry-After while the others are served', async () => {
	sandbox.setLatency(150);
	sandbox.setInFlightLimit({ maxInFlight: 2, retryAfterSeconds: 3 });
	const answers = await Promise.all(Array.from({ length: 5 }, info));
	const statuses = answers.map((answer) => answer.status).sort();
	expect(statuses).toEqual([200, 200, 429, 429, 429]);
	const refused = answers.filter((answer) => answer.status === 429);
	expect(refused.map((answer) => answer.headers.get('retry-after'))).toEqual(['3', '3', '3']);
	expect(sandbox.inFlightRefusals).toBe(3);
	expect(sandbox.requests.filter((request) => request.handledStatus === 200)).toHaveLength(2);
});

test('a served request frees its place once answered', async () => {
	sandbox.setInFlightLimit({ maxInFlight: 1 });
	for (let index = 0; index < 3; index++) expect((await info()).status).toBe(200);
	expect(sandbox.inFlightRefusals).toBe(0);
});

test('a limit for another vendor, or no limit, refuses nothing', async () => {
	sandbox.setLatency(100);
	sandbox.setInFlightLimit({ maxInFlight: 1, vendor: 'vcclive' });
	expect((await Promise.all([info(), info(), info()])).map((answer) => answer.status)).toEqual([200, 200, 200]);
	sandbox.setInFlightLimit(undefined);
	expect((await Promise.all([info(), info(), info()])).map((answer) => answer.status)).toEqual([200, 200, 200]);
	expect(() => sandbox.setInFlightLimit({ maxInFlight: 0 })).toThrow(/positive whole number/);
});
