/**
 * LiveVox sandbox: login and session rules, the version segment, pagination and the reads.
 * Writes are in livevoxWrites.test.ts; faults, latency and shutdown in server.test.ts.
 */
import { startSandbox } from './server';
import type { Sandbox } from './server';
import { LiveVoxTestClient } from './livevoxTestClient';

let sandbox: Sandbox;
let client: LiveVoxTestClient;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(async () => {
	sandbox.livevox.reset();
	sandbox.clearRequests();
	client = new LiveVoxTestClient(sandbox);
	await client.login();
});

describe('login and sessions', () => {
	it('logs in with the access token and credentials, and repeats the same session', async () => {
		expect(client.sessionId).toMatch(/^SESS-\d+-[0-9a-f]{8}$/);
		const first = sandbox.requests[0];
		expect(first).toMatchObject({ vendor: 'livevox', method: 'POST', path: '/session/login', status: 200 });
		expect(first.body).toEqual({ clientName: 'DEMO', userName: 'demo.user', password: 'demo-password' });
		const again = await client.raw('POST', '/session/login', {
			headers: { 'content-type': 'application/json', 'lv-access': 'demo-access-token' },
			body: { clientName: 'DEMO', userName: 'demo.user', password: 'demo-password', agent: false },
		});
		expect(again.body).toEqual({ sessionId: client.sessionId, clientId: 1001, userId: 2001, daysUntilPasswordExpires: 42 });
		expect(sandbox.livevox.loginCount).toBe(2);
	});

	it('refuses a wrong access token or wrong credentials at login', async () => {
		const body = { clientName: 'DEMO', userName: 'demo.user', password: 'demo-password' };
		const badToken = await client.raw('POST', '/session/login', { headers: { 'lv-access': 'nope' }, body });
		expect(badToken).toMatchObject({ status: 401, body: { code: 401, message: 'Invalid access token' } });
		const badPassword = await client.raw('POST', '/session/login', {
			headers: { 'lv-access': 'demo-access-token' },
			body: { ...body, password: 'wrong' },
		});
		expect(badPassword).toMatchObject({
			status: 401,
			body: { code: 401, message: 'Invalid client name, user name or password' },
		});
		expect(sandbox.livevox.loginCount).toBe(1);
	});

	it('checks LV-Access (403) before LV-Session (401) on every other call', async () => {
		const noToken = await client.call('GET', '/configuration/services/20575', { headers: { 'lv-session': client.sessionId } });
		expect(noToken).toMatchObject({ status: 403, body: { code: 403, message: 'Invalid or missing access token' } });
		const noSession = await client.call('GET', '/configuration/services/20575', {
			headers: { 'lv-access': 'demo-access-token' },
		});
		expect(noSession).toMatchObject({ status: 401, body: { code: 401, message: 'Session expired or invalid' } });
		const unknown = await client.call('GET', '/configuration/services/20575', {
			headers: { 'lv-access': 'demo-access-token', 'lv-session': 'SESS-99-deadbeef' },
		});
		expect(unknown.status).toBe(401);
	});

	it('expireSessions() invalidates sessions and the next login gets a new id', async () => {
		const oldSession = client.sessionId;
		sandbox.livevox.expireSessions();
		expect((await client.call('GET', '/configuration/services/20575')).status).toBe(401);
		const newSession = await client.login();
		expect(newSession).not.toBe(oldSession);
		expect((await client.call('GET', '/configuration/services/20575')).status).toBe(200);
	});

	it('expires a session after two idle hours on the sandbox clock', async () => {
		let clock = 1_700_000_000_000;
		sandbox.livevox.now = () => clock;
		await client.login(); // a new session started on the fake clock
		clock += 2 * 60 * 60 * 1000; // exactly two hours: still valid, and the use restarts the idle timer
		expect((await client.call('GET', '/configuration/services/20575')).status).toBe(200);
		clock += 2 * 60 * 60 * 1000 + 1;
		expect((await client.call('GET', '/configuration/services/20575')).status).toBe(401);
	});
});

describe('paths', () => {
	it('accepts an optional version segment and records the path as received', async () => {
		const versionedLogin = await client.raw('POST', '/session/v6.0/login', {
			headers: { 'lv-access': 'demo-access-token' },
			body: { clientName: 'DEMO', userName: 'demo.user', password: 'demo-password' },
		});
		expect(versionedLogin.status).toBe(200);
		const read = await client.call('GET', '/configuration/v6.0/services/20575');
		expect(read).toMatchObject({ status: 200, body: { serviceId: 20575 } });
		expect(sandbox.requests.map((request) => request.path)).toContain('/configuration/v6.0/services/20575');
		expect((await client.call('GET', '/configuration/v6/services/20575')).status).toBe(200);
	});

	it('answers 404 No route for unknown paths and wrong methods, and 400 for bad JSON', async () => {
		expect(await client.call('GET', '/configuration/nothing')).toMatchObject({
			status: 404,
			body: { code: 404, message: 'No route' },
		});
		expect((await client.call('PUT', '/configuration/services/20575')).status).toBe(404);
		expect((await client.call('GET', '/configuration/services/search')).status).toBe(404);
		const badJson = await client.call('POST', '/configuration/services/20575', { body: '{"name": ' });
		expect(badJson).toMatchObject({ status: 400, body: { code: 400 } });
	});
});

describe('pagination', () => {
	it('lists a call center page by page with the relative next uri of the doc', async () => {
		const first = await client.call('GET', '/configuration/services', { query: { callCenter: 433, count: 5, offset: 0 } });
		expect(first.status).toBe(200);
		const page = first.body as { service: Array<{ serviceId: number }>; next: string | null };
		expect(page.service).toHaveLength(5);
		expect(page.service[0]).toEqual({ serviceId: 5607, name: 'Atlanta_FS_RPC (1)', callCenterId: 433 });
		expect(page.next).toBe('configuration/services?count=5&callCenter=433&offset=5');

		const ids: number[] = [];
		let next: string | null = 'configuration/services?count=5&callCenter=433&offset=0';
		while (next !== null) {
			const response = await client.call('GET', '/' + next);
			const body = response.body as { service: Array<{ serviceId: number }>; next: string | null };
			ids.push(...body.service.map((service) => service.serviceId));
			next = body.next;
		}
		expect(ids).toHaveLength(12);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
	});

	it('validates count and offset and refuses unknown call centers', async () => {
		const tooMany = await client.call('GET', '/configuration/services', { query: { callCenter: 433, count: 1001, offset: 0 } });
		expect(tooMany).toMatchObject({ status: 400, body: { code: 400, message: 'count exceeds the hard cap of 1000' } });
		expect((await client.call('GET', '/configuration/services', { query: { callCenter: 433, count: 5 } })).status).toBe(400);
		expect(
			(await client.call('GET', '/configuration/services', { query: { callCenter: 433, count: -1, offset: 0 } })).status,
		).toBe(400);
		const unknown = await client.call('GET', '/configuration/services', { query: { callCenter: 999, count: 5, offset: 0 } });
		expect(unknown).toMatchObject({ status: 403, body: { code: 403, message: 'Unauthorized' } });
	});

	it('pages through 10,000 generated services', async () => {
		sandbox.livevox.seedCallCenter(7000, 10_000);
		const info = await client.call('GET', '/configuration/services/info', { query: { callCenter: 7000 } });
		expect((info.body as { size: number }).size).toBe(10_000);
		const seen = new Set<number>();
		let offset: number | null = 0;
		let pages = 0;
		while (offset !== null) {
			const response = await client.call('GET', '/configuration/services', { query: { callCenter: 7000, count: 1000, offset } });
			const body = response.body as { service: Array<{ serviceId: number }>; next: string | null };
			body.service.forEach((service) => seen.add(service.serviceId));
			offset = body.next === null ? null : Number(new URLSearchParams(body.next.split('?')[1]).get('offset'));
			pages += 1;
		}
		expect(pages).toBe(10);
		expect(seen.size).toBe(10_000);
	});

	it('finds matching services like the doc example, with UNATTENDED and paging', async () => {
		const search = { callDirection: 'OUTBOUND', acdFeature: ['NO_ACD', 'AGENT_AT_READY_IN'], callCenter: [{ id: 429 }, { id: 2829 }] };
		const attended = await client.call('POST', '/configuration/services/search', {
			query: { count: 20, client: 4199, offset: 0 },
			body: { ...search, attended: 'ATTENDED' },
		});
		expect(attended.body).toEqual({
			service: [19891, 20966, 26881, 27925, 40790].map((serviceId) =>
				expect.objectContaining({ serviceId, acdFeatureCode: 'AGENT_AT_READY_IN' }),
			),
			next: null,
		});
		const unattended = await client.call('POST', '/configuration/services/search', {
			query: { count: 2, offset: 0 },
			body: { ...search, attended: 'UNATTENDED' },
		});
		expect(unattended.body).toEqual({ service: [expect.objectContaining({ serviceId: 21003 })], next: null });
		const paged = await client.call('POST', '/configuration/services/search', { query: { count: 2, client: 4199, offset: 0 }, body: search });
		expect((paged.body as { next: string }).next).toBe('configuration/services/search?count=2&client=4199&offset=2');
		const missing = await client.call('POST', '/configuration/services/search', {
			query: { count: 2, offset: 0 },
			body: { callDirection: 'OUTBOUND', acdFeature: [] },
		});
		expect(missing.status).toBe(400);
	});
});

describe('reads', () => {
	it('reads the general tab exactly as the doc example', async () => {
		const response = await client.call('GET', '/configuration/services/20575');
		expect(response.body).toEqual({
			serviceId: 20575,
			name: 'Atlanta_FS_Inbound_8773402031 (6)',
			callCenterId: 433,
			abbreviation: '6',
			unattended: false,
			termCodeEnabled: true,
			acdFeatureCode: 'AGENT_AT_READY_IN',
			inboundService: 20575,
			callDirection: 'INBOUND',
			previewMode: 'NONE',
		});
	});

	it('reads every other tab', async () => {
		const hours = await client.call('GET', '/configuration/services/20575/inboundHours');
		expect((hours.body as { inboundHour: unknown[] }).inboundHour[0]).toEqual({
			id: 1012878,
			dayOfWeek: 'WEEKDAY',
			startTime: 43200000,
			endTime: 93540000,
		});
		const messaging = await client.call('GET', '/configuration/services/19770/messaging');
		expect(messaging.body).toEqual({
			property: [
				{ key: 'preview_template_id', value: '7125' },
				{ key: 'template_id', value: '7125' },
			],
			defaultInputFilterId: 21572,
		});
		expect((await client.call('GET', '/configuration/services/45108/pacing')).body).toEqual({
			method: 'LINES_AGENT',
			throttle: 15,
			maxWaitTime: 20,
		});
		const phone = await client.call('GET', '/configuration/services/20575/phone');
		expect(phone.body).toMatchObject({ serviceId: 20575, callCenterId: 433, defaultCallerId: '8773402033' });
		const settings = await client.call('GET', '/configuration/services/18892/settings');
		expect(settings.body).toMatchObject({ serviceId: 18892, callCenterId: 433, dialingProfileId: 321, lcidPackageId: null });
		const related = await client.call('GET', '/configuration/services/6545/related');
		expect(related.body).toMatchObject({ callCenter: { id: 433 }, inboundResourceGroup: { id: 17921 } });
		const info = await client.call('GET', '/configuration/services/info', { query: { callCenter: 433 } });
		expect(info.body).toEqual({ size: 12, lastModified: 1367530120000 });
	});

	it('answers 404 for an unknown service and 400 for a non-numeric id', async () => {
		expect(await client.call('GET', '/configuration/services/123/settings')).toMatchObject({
			status: 404,
			body: { code: 404, message: 'Service 123 not found' },
		});
		expect((await client.call('GET', '/configuration/services/abc')).status).toBe(400);
	});
});
