/**
 * The services of a call center, as the List operation and the Service / Services dropdowns
 * read them: what a wrong Call Center ID says.
 */
import type { INodeParameters } from 'n8n-workflow';

import { loadListSearch, loadOptions } from '../engine/harness';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apiCalls, liveVoxCredentials, runLiveVox } from './fixture';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.livevox.reset();
	sandbox.clearRequests();
});

const credentials = () => ({ liveVoxApi: liveVoxCredentials(sandbox) });

const supervisorOptions = (parameters: INodeParameters) =>
	loadOptions({
		type: 'liveVox',
		method: 'getServices',
		parameters: { resource: 'supervisorCall', operation: 'getQueueStats', ...parameters },
		credentials: credentials(),
	});

const reportOptions = (callCenterIds: string) =>
	loadOptions({
		type: 'liveVox',
		method: 'getServicesOfCallCenters',
		parameters: { resource: 'report', operation: 'callRecording', filters: { callCenterIds } },
		credentials: credentials(),
	});

const serviceSearch = (callCenterId: unknown) =>
	loadListSearch({
		type: 'liveVox',
		method: 'searchServices',
		parameters: {
			resource: 'service',
			operation: 'getGeneral',
			callCenterId: callCenterId as number,
			serviceId: { __rl: true, mode: 'list', value: '' },
		},
		credentials: credentials(),
	});

const noServices = (id: number) => `No services found for call center ${id} — check the Call Center ID (or your user cannot see it)`;

describe('a call center with no visible services (LiveVox answers 403 Unauthorized)', () => {
	test('the sandbox answers as LiveVox does', async () => {
		const result = await runLiveVox(sandbox, { resource: 'service', operation: 'list', callCenterId: 999, returnAll: true });
		const pages = apiCalls(sandbox).filter((call) => call.path === '/configuration/services');
		expect(pages.map((call) => call.status)).toEqual([403]);
		expect(result.error).toBeDefined();
	});

	test('List says no services were found and to check the ID, not that a role is missing; nothing is retried', async () => {
		const result = await runLiveVox(sandbox, { resource: 'service', operation: 'list', callCenterId: 999, returnAll: false, limit: 5 });
		expect(result.error?.message).toBe(noServices(999));
		expect(result.error?.description).toContain('Get List Info');
		expect(`${result.error?.message} ${result.error?.description}`).not.toMatch(/role|lacks/i);
		expect(result.error?.httpCode).toBe('403');
		expect(apiCalls(sandbox).filter((call) => call.path === '/configuration/services')).toHaveLength(1);
	});

	test('the Services dropdowns and the Service list say the same, for the ID as typed so far (43 of 433)', async () => {
		await expect(supervisorOptions({ callCenterId: 43 })).rejects.toThrow(noServices(43));
		await expect(reportOptions('433, 999')).rejects.toThrow(noServices(999));
		await expect(serviceSearch(999)).rejects.toThrow(noServices(999));
	});
});
