import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apiCalls, jsonOf, runLiveVox, sent } from './fixture';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.livevox.reset();
	sandbox.clearRequests();
});

const pageQueries = () => apiCalls(sandbox).map((request) => request.query);

describe('List: count/offset pages, following next, with the limit passed into the pager', () => {
	test('Return All follows next across pages of the chosen size', async () => {
		const result = await runLiveVox(sandbox, {
			resource: 'service',
			operation: 'list',
			callCenterId: 433,
			returnAll: true,
			options: { pageSize: 5 },
		});
		expect(result.error).toBeUndefined();
		// The first page, then the list's size (Service List Info), then the other pages at once.
		expect(pageQueries()).toEqual([
			{ callCenter: '433', count: '5', offset: '0' },
			{ callCenter: '433' },
			{ callCenter: '433', count: '5', offset: '5' },
			{ callCenter: '433', count: '5', offset: '10' },
		]);
		expect(apiCalls(sandbox)[1].path).toBe('/configuration/services/info');
		const services = jsonOf(result);
		expect(services).toHaveLength(12);
		expect(new Set(services.map((service) => service.serviceId)).size).toBe(12);
		expect(services[0]).toEqual({ serviceId: 5607, name: 'Atlanta_FS_RPC (1)', callCenterId: 433 });
	});

	test('a Limit stops early: the last page asks only for what is missing, no further page is fetched', async () => {
		const result = await runLiveVox(sandbox, {
			resource: 'service',
			operation: 'list',
			callCenterId: 433,
			returnAll: false,
			limit: 7,
			options: { pageSize: 5 },
		});
		expect(pageQueries()).toEqual([
			{ callCenter: '433', count: '5', offset: '0' },
			{ callCenter: '433', count: '2', offset: '5' },
		]);
		expect(jsonOf(result)).toHaveLength(7);
	});

	test('a call center with 2,500 services: pages of the 1000 cap, and a Limit larger than a page', async () => {
		sandbox.livevox.seedCallCenter(9000, 2500);
		const all = await runLiveVox(sandbox, { resource: 'service', operation: 'list', callCenterId: 9000, returnAll: true });
		expect(pageQueries().map((query) => [query.count, query.offset])).toEqual([
			['1000', '0'],
			[undefined, undefined],
			['1000', '1000'],
			['1000', '2000'],
		]);
		expect(jsonOf(all)).toHaveLength(2500);

		sandbox.clearRequests();
		const some = await runLiveVox(sandbox, {
			resource: 'service',
			operation: 'list',
			callCenterId: 9000,
			returnAll: false,
			limit: 1200,
		});
		expect(pageQueries().map((query) => [query.count, query.offset])).toEqual([
			['1000', '0'],
			['200', '1000'],
		]);
		expect(jsonOf(some)).toHaveLength(1200);
	});

	test('Find Matching sends the documented search as a POST read, paged like List', async () => {
		const result = await runLiveVox(sandbox, {
			resource: 'service',
			operation: 'findMatching',
			callDirection: 'OUTBOUND',
			acdFeature: ['NO_ACD', 'AGENT_AT_READY_IN'],
			returnAll: false,
			limit: 20,
			filters: { callCenterIds: '429, 2829', attended: 'ATTENDED', clientId: 4199 },
		});
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{
				method: 'POST',
				path: '/configuration/services/search',
				query: { client: '4199', count: '20', offset: '0' },
				body: {
					callDirection: 'OUTBOUND',
					acdFeature: ['NO_ACD', 'AGENT_AT_READY_IN'],
					callCenter: [{ id: 429 }, { id: 2829 }],
					attended: 'ATTENDED',
				},
			},
		]);
		expect(jsonOf(result).map((service) => service.serviceId)).toEqual([19891, 20966, 26881, 27925, 40790]);
		expect(jsonOf(result)[4]).toEqual({
			serviceId: 40790,
			name: 'California_QC',
			callCenterId: 2829,
			acdFeatureCode: 'AGENT_AT_READY_IN',
		});
	});

	test('Find Matching with Return All in small pages returns exactly what one large page returns', async () => {
		const search = { resource: 'service', operation: 'findMatching', callDirection: 'OUTBOUND', acdFeature: ['AGENT_AT_READY_IN'], returnAll: true };
		const onePage = jsonOf(await runLiveVox(sandbox, search));
		expect(pageQueries()).toHaveLength(1);
		expect(onePage.length).toBeGreaterThan(4);
		sandbox.clearRequests();
		const smallPages = jsonOf(await runLiveVox(sandbox, { ...search, options: { pageSize: 2 } }));
		expect(smallPages).toEqual(onePage);
		expect(pageQueries().map((query) => query.offset)).toEqual(
			Array.from({ length: Math.ceil(onePage.length / 2) }, (_, page) => String(page * 2)),
		);
	});
});
