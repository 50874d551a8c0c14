/**
 * List with Return All (or a Limit over more than two pages): the first page and the list's
 * size from Service List Info at the same time, then the other pages concurrently — each entry
 * once, in list order, with no request beyond the size; without the size, one page after the
 * other.
 */
import { pageRequests } from '../../nodes/shared/pages';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apiCalls, jsonOf, runLiveVox } from './fixture';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
	sandbox.livevox.seedCallCenter(9100, 10_000);
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.faults.clear();
	sandbox.setLatency(0);
	sandbox.clearRequests();
});

const listPath = '/configuration/services';
const pageOffsets = () =>
	apiCalls(sandbox)
		.filter((request) => request.path === listPath)
		.map((request) => Number(request.query.offset));

test('10,000 services: 10 pages and one size lookup, every service once and in order', async () => {
	// A session stored by an earlier run: without one, the other calls wait for the first call's login.
	const earlier = await runLiveVox(sandbox, { resource: 'service', operation: 'getListInfo', callCenterId: 9100 });
	sandbox.clearRequests();
	sandbox.setLatency(20);
	// The first page is answered two seconds late: a size lookup sent with it arrives while it
	// is held, one sent after its answer could not, however busy the machine.
	sandbox.faults.add({ vendor: 'livevox', path: listPath, fault: { kind: 'delay', ms: 2000 } });
	const result = await runLiveVox(
		sandbox,
		{ resource: 'service', operation: 'list', callCenterId: 9100, returnAll: true },
		{ credentialsHelper: earlier.credentialsHelper },
	);
	expect(result.error).toBeUndefined();
	const services = jsonOf(result);
	expect(services).toHaveLength(10_000);
	expect(new Set(services.map((service) => service.serviceId)).size).toBe(10_000);
	const sequential = apiCalls(sandbox).map((request) => request.path);
	expect(sequential.filter((path) => path === `${listPath}/info`)).toHaveLength(1);
	// The size lookup went out with the first page, before its (held) answer.
	const [firstPage, sizeLookup] = apiCalls(sandbox);
	expect([firstPage.path, firstPage.query.offset, sizeLookup.path]).toEqual([listPath, '0', `${listPath}/info`]);
	expect(sizeLookup.receivedAt).toBeLessThan(firstPage.doneAt);
	expect(pageOffsets().sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, page) => page * 1000));
	// In list order: the same as one page after the other would give.
	sandbox.clearRequests();
	sandbox.faults.add({ vendor: 'livevox', path: `${listPath}/info`, fault: { kind: 'status', status: 403 }, times: Infinity });
	const oneByOne = await runLiveVox(sandbox, { resource: 'service', operation: 'list', callCenterId: 9100, returnAll: true });
	expect(jsonOf(oneByOne)).toEqual(services);
});

test('when the size lookup fails, the pages follow the next links one by one', async () => {
	sandbox.faults.add({ vendor: 'livevox', path: `${listPath}/info`, fault: { kind: 'status', status: 403 } });
	const result = await runLiveVox(sandbox, { resource: 'service', operation: 'list', callCenterId: 9100, returnAll: true });
	expect(result.error).toBeUndefined();
	expect(jsonOf(result)).toHaveLength(10_000);
	expect(pageOffsets()).toEqual(Array.from({ length: 10 }, (_, page) => page * 1000));
});

test('a list that fits in one page: the page and the size lookup, sent together, nothing more', async () => {
	sandbox.livevox.seedCallCenter(9200, 700);
	const result = await runLiveVox(sandbox, { resource: 'service', operation: 'list', callCenterId: 9200, returnAll: true });
	expect(jsonOf(result)).toHaveLength(700);
	expect(apiCalls(sandbox).map((request) => [request.path, request.query.offset])).toEqual([
		[listPath, '0'],
		[`${listPath}/info`, undefined],
	]);
});

test('a Limit within two pages asks no size', async () => {
	const result = await runLiveVox(sandbox, { resource: 'service', operation: 'list', callCenterId: 9100, returnAll: false, limit: 2000 });
	expect(jsonOf(result)).toHaveLength(2000);
	expect(apiCalls(sandbox).map((request) => [request.path, request.query.offset])).toEqual([
		[listPath, '0'],
		[listPath, '1000'],
	]);
});

test('a Limit of 2,500: the size is looked up, no page asks beyond the limit', async () => {
	const result = await runLiveVox(sandbox, { resource: 'service', operation: 'list', callCenterId: 9100, returnAll: false, limit: 2500 });
	expect(jsonOf(result)).toHaveLength(2500);
	const pages = apiCalls(sandbox)
		.filter((request) => request.path === listPath)
		.map((request) => [Number(request.query.offset), Number(request.query.count)])
		.sort((a, b) => a[0] - b[0]);
	expect(pages).toEqual([
		[0, 1000],
		[1000, 1000],
		[2000, 500],
	]);
});

test('pageRequests covers a range in whole pages, clipped only at the limit', () => {
	expect(pageRequests(1000, 3500, 1000)).toEqual([
		{ offset: 1000, count: 1000 },
		{ offset: 2000, count: 1000 },
		{ offset: 3000, count: 1000 },
	]);
	expect(pageRequests(5, 12, 5, 12)).toEqual([
		{ offset: 5, count: 5 },
		{ offset: 10, count: 2 },
	]);
	expect(pageRequests(10, 10, 5)).toEqual([]);
});
