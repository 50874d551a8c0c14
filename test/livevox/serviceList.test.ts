import { loadListSearch } from '../engine/harness';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { liveVoxCredentials } from './fixture';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.livevox.reset();
	sandbox.clearRequests();
});

const search = (callCenterId: number, filter?: string, paginationToken?: string) =>
	loadListSearch({
		type: 'liveVox',
		method: 'searchServices',
		parameters: { resource: 'service', operation: 'getGeneral', callCenterId, serviceId: { __rl: true, mode: 'list', value: '' } },
		credentials: { liveVoxApi: liveVoxCredentials(sandbox) },
		filter,
		paginationToken,
	});

describe('the Service dropdown lists the services of the call center entered', () => {
	test('names with IDs, values as IDs, from one page of 1000', async () => {
		const { results, paginationToken } = await search(433);
		expect(results).toHaveLength(12);
		expect(results[0]).toEqual({ name: 'Atlanta_FS_Callback (9) (20180)', value: '20180' });
		expect(results).toContainEqual({ name: 'Atlanta_FS_RPC (1) (5607)', value: '5607' });
		expect(paginationToken).toBeUndefined();
		const list = sandbox.requests.filter((request) => request.path === '/configuration/services');
		expect(list.map((request) => request.query)).toEqual([{ callCenter: '433', count: '1000', offset: '0' }]);
	});

	test('the search text filters by name or ID', async () => {
		const byName = await search(433, 'inbound_8773');
		expect(byName.results.map((result) => result.value)).toEqual(['20575']);
		const byNumber = await search(433, '5608');
		expect(byNumber.results.map((result) => result.value)).toEqual(['5608']);
	});

	test('a call center with more than 1000 services is listed whole, its pages fetched as List Services does', async () => {
		sandbox.livevox.seedCallCenter(9200, 1500);
		const { results, paginationToken } = await search(9200);
		expect(results).toHaveLength(1500);
		expect(new Set(results.map((result) => result.value)).size).toBe(1500);
		expect(paginationToken).toBeUndefined();
		const pages = sandbox.requests.filter((request) => request.path === '/configuration/services');
		expect(pages.map((request) => request.query.offset)).toEqual(['0', '1000']);
	});

	test('without a call center it lists nothing, quietly, and sends nothing', async () => {
		await expect(search(0)).resolves.toEqual({ results: [] });
		expect(sandbox.requests).toHaveLength(0);
	});
});
