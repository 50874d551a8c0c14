import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apiCalls, byId, jsonOf, liveVoxCredentials, runLiveVox, sent } from './fixture';

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

const read = (operation: string, serviceId: number) =>
	runLiveVox(sandbox, { resource: 'service', operation, serviceId: byId(serviceId) });

describe('Service reads: one request as documented, the answer as the item', () => {
	test('Get General logs in with LV-Access, then reads with LV-Access and LV-Session', async () => {
		const result = await read('getGeneral', 20575);
		expect(result.error).toBeUndefined();
		const [login, call] = sandbox.requests;
		expect(sent(login)).toMatchObject({ method: 'POST', path: '/session/login' });
		expect(login.headers['lv-access']).toBe('demo-access-token');
		expect(sent(call)).toEqual({ method: 'GET', path: '/configuration/services/20575', query: {}, body: undefined });
		expect(call.headers['lv-access']).toBe('demo-access-token');
		expect(call.headers['lv-session']).toMatch(/^SESS-/);
		expect(jsonOf(result)).toEqual([
			{
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
			},
		]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test.each([
		['getPacing', 45108, '/configuration/services/45108/pacing', { method: 'LINES_AGENT', throttle: 15, maxWaitTime: 20 }],
		['getPhone', 20575, '/configuration/services/20575/phone', { serviceId: 20575, callCenterId: 433 }],
		['getSettings', 18892, '/configuration/services/18892/settings', { serviceId: 18892, dialingSort: 'DEFAULT' }],
		['getRelated', 6545, '/configuration/services/6545/related', { callCenter: { id: 433 } }],
	])('%s of service %s sends one GET to %s and puts out the answer', async (operation, serviceId, path, expected) => {
		const result = await read(operation, serviceId);
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox).map(sent)).toEqual([{ method: 'GET', path, query: {}, body: undefined }]);
		expect(jsonOf(result)).toHaveLength(1);
		expect(jsonOf(result)[0]).toMatchObject(expected);
	});

	test('Get Messaging adds the key/value pairs as one object', async () => {
		const result = await read('getMessaging', 19770);
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{ method: 'GET', path: '/configuration/services/19770/messaging', query: {}, body: undefined },
		]);
		const [messaging] = jsonOf(result);
		expect(messaging.serviceId).toBe(19770);
		expect(messaging.property).toEqual([
			{ key: 'preview_template_id', value: '7125' },
			{ key: 'template_id', value: '7125' },
		]);
		expect(messaging.properties).toEqual({ preview_template_id: '7125', template_id: '7125' });
		expect(messaging.defaultInputFilterId).toBe(21572);
	});

	test('Get Inbound Hours: one item per entry, times as HH:mm (25:59 past midnight) and the specific date', async () => {
		const result = await read('getInboundHours', 20575);
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{ method: 'GET', path: '/configuration/services/20575/inboundHours', query: {}, body: undefined },
		]);
		expect(jsonOf(result)).toEqual([
			{ serviceId: 20575, id: 1012878, dayOfWeek: 'WEEKDAY', startTime: 43200000, endTime: 93540000, start: '12:00', end: '25:59' },
			{ serviceId: 20575, id: 1012879, dayOfWeek: 'WEEKEND', startTime: 46800000, endTime: 93540000, start: '13:00', end: '25:59' },
			{
				serviceId: 20575,
				id: 1063008,
				dayOfWeek: 'SPECIFIC_DATE',
				date: 1580446800000,
				startTime: 54000000,
				endTime: 61200000,
				start: '15:00',
				end: '17:00',
				dateText: '2020-01-31',
			},
		]);
	});

	test('Get List Info sends the call center and adds the change time as ISO', async () => {
		const result = await runLiveVox(sandbox, { resource: 'service', operation: 'getListInfo', callCenterId: 433 });
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{ method: 'GET', path: '/configuration/services/info', query: { callCenter: '433' }, body: undefined },
		]);
		const [info] = jsonOf(result);
		expect(info).toMatchObject({ callCenterId: 433, size: 12 });
		expect(info.lastModifiedIso).toBe(new Date(info.lastModified as number).toISOString());
	});

	test('several input items give one result each, paired with their item', async () => {
		const result = await runLiveVox(
			sandbox,
			{ resource: 'service', operation: 'getGeneral', serviceId: byId('={{ $json.id }}') },
			{ items: [{ id: 20575 }, { id: 5607 }] },
		);
		expect(jsonOf(result).map((service) => service.serviceId)).toEqual([20575, 5607]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		// One login serves both calls.
		expect(sandbox.livevox.loginCount).toBe(1);
	});

	test('an API version in the credential goes after the first path segment, login included', async () => {
		const result = await runLiveVox(
			sandbox,
			{ resource: 'service', operation: 'getGeneral', serviceId: byId(20575) },
			{
				credentials: {
					liveVoxApi: liveVoxCredentials(sandbox, { apiVersion: 'v6.0' }),
				},
			},
		);
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.map((request) => request.path)).toEqual([
			'/session/v6.0/login',
			'/configuration/v6.0/services/20575',
		]);
	});

	test('the agent flag is sent with the login only when set', async () => {
		await runLiveVox(sandbox, { resource: 'service', operation: 'getGeneral', serviceId: byId(20575) });
		expect(sandbox.requests[0].body).toEqual({ clientName: 'DEMO', userName: 'demo.user', password: 'demo-password' });
		sandbox.clearRequests();
		sandbox.livevox.expireSessions();
		await runLiveVox(
			sandbox,
			{ resource: 'service', operation: 'getGeneral', serviceId: byId(20575) },
			{ credentials: { liveVoxApi: liveVoxCredentials(sandbox, { agent: true }) } },
		);
		expect(sandbox.requests[0].body).toMatchObject({ agent: true });
	});
});
