/**
 * The services of a call center, as the List operation and the Service / Services dropdowns
 * read them: what a wrong Call Center ID says, and dropdowns that stay quiet while there is
 * nothing to list yet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { loadListSearch, loadOptions, nodeTypes } from '../engine/harness';
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

/** Every property of a node's description, with those inside collections. */
function allProperties(type: string): INodeProperties[] {
	const walk = (properties: readonly unknown[]): INodeProperties[] =>
		(properties as INodeProperties[]).flatMap((property) => [
			property,
			...(property.type === 'collection' || property.type === 'fixedCollection' ? walk(property.options ?? []) : []),
		]);
	return walk(nodeTypes.getByNameAndVersion(`n8n-nodes-callcenter.${type}`).description.properties);
}

describe('nothing to list yet: the dropdowns stay empty and quiet, their hint says what fills them', () => {
	test.each(['liveVox', 'liveVoxTrigger'])('%s: every Call Center ID starts empty, not 0', (type) => {
		const fields = allProperties(type).filter((property) => property.name === 'callCenterId');
		expect(fields.length).toBeGreaterThan(0);
		for (const field of fields) {
			expect(field).toMatchObject({ type: 'string', default: '', placeholder: 'e.g. 433' });
			expect(field.description ?? '').not.toMatch(/\b0\b/);
		}
	});

	test.each(['liveVox', 'liveVoxTrigger'])('%s: every services dropdown has a hint naming the field that fills it', (type) => {
		const dropdowns = allProperties(type).filter(
			(property) =>
				['getServices', 'getServicesOfCallCenters'].includes(String(property.typeOptions?.loadOptionsMethod)) ||
				property.modes?.some((mode) => mode.typeOptions?.searchListMethod === 'searchServices'),
		);
		expect(dropdowns.length).toBeGreaterThan(0);
		for (const dropdown of dropdowns) expect(dropdown.hint).toMatch(/services of the Call Center IDs? above/);
	});

	test.each([
		['empty', ''],
		['0 (the old default)', 0],
		['not a number yet', '43a'],
		['missing', undefined],
	])('with a Call Center ID %s: no options, no error, no request', async (_label, callCenterId) => {
		const parameters = callCenterId === undefined ? {} : { callCenterId: callCenterId as string };
		await expect(supervisorOptions(parameters)).resolves.toEqual([]);
		await expect(reportOptions(typeof callCenterId === 'string' ? callCenterId : '')).resolves.toEqual([]);
		await expect(serviceSearch(callCenterId)).resolves.toEqual({ results: [] });
		expect(sandbox.requests).toEqual([]);
	});
});

describe('the examples open with no dropdown in error', () => {
	const examples = readdirSync(path.join(__dirname, '../../examples')).filter((file) => file.endsWith('.json'));
	const liveVoxNodes = examples.flatMap((file) => {
		const workflow = JSON.parse(readFileSync(path.join(__dirname, '../../examples', file), 'utf8')) as {
			nodes: Array<{ name: string; type: string; parameters: INodeParameters }>;
		};
		return workflow.nodes
			.filter((node) => /\.liveVox(Trigger)?$/.test(node.type))
			.map((node) => ({ file, node, type: node.type.split('.')[1] }));
	});

	test('there are LiveVox nodes in the examples, and none has a Call Center ID of 0', () => {
		expect(liveVoxNodes.length).toBeGreaterThanOrEqual(4);
		for (const { node } of liveVoxNodes) expect(node.parameters.callCenterId).not.toBe(0);
	});

	test('each example node with a Services dropdown names the sandbox call center 433, and its list fills', async () => {
		const withDropdown = liveVoxNodes.filter(({ node }) => node.parameters.serviceIds !== undefined);
		expect(withDropdown.length).toBeGreaterThanOrEqual(2);
		for (const { type, node } of withDropdown) {
			expect(node.parameters.callCenterId).toBe('433');
			const options = await loadOptions({ type, method: 'getServices', parameters: node.parameters, credentials: credentials() });
			expect(options.length).toBe(sandbox.livevox.services.serviceIdsOf(433)?.length);
		}
	});

	test('a report example without a call center typed lists no services, quietly; with one, that call center\'s services', async () => {
		const reports = liveVoxNodes.filter(({ node }) => node.parameters.resource === 'report');
		const typed = (node: { parameters: INodeParameters }) => (node.parameters.filters as { callCenterIds?: string } | undefined)?.callCenterIds;
		expect(reports.filter(({ node }) => typed(node) === undefined).length).toBeGreaterThan(0);
		expect(reports.filter(({ node }) => typed(node) === '433').length).toBeGreaterThan(0);
		for (const { type, node } of reports) {
			const options = await loadOptions({ type, method: 'getServicesOfCallCenters', parameters: node.parameters, credentials: credentials() });
			expect(options.length).toBe(typed(node) === undefined ? 0 : sandbox.livevox.services.serviceIdsOf(433)?.length);
		}
	});
});

describe('one Call Center ID, shown where it acts; both dropdowns in the same order', () => {
	test.each(['liveVox', 'liveVoxTrigger'])('%s: every Call Center ID that fills a list has one label', (type) => {
		const fields = allProperties(type).filter((property) => property.name === 'callCenterId');
		const fillers = fields.filter((field) => /Only used to fill/.test(field.description ?? ''));
		expect(fillers.length).toBeGreaterThan(0);
		for (const field of fillers) expect(field.displayName).toBe('Call Center ID (for the Services List)');
		// The others are the input of List and Get List Info themselves.
		for (const field of fields.filter((entry) => !fillers.includes(entry))) expect(field.displayName).toBe('Call Center ID');
	});

	/** The parameters n8n keeps (and the editor shows) for these values. */
	function shown(parameters: INodeParameters): string[] {
		const { description } = nodeTypes.getByNameAndVersion('n8n-nodes-callcenter.liveVox');
		const kept = NodeHelpers.getNodeParameters(description.properties, parameters, false, false, { typeVersion: 1 }, description);
		return Object.keys(kept ?? {});
	}

	test.each(['getGeneral', 'updateSettings', 'create', 'delete'])('%s: Call Center ID only while the Service is picked From List', (operation) => {
		const parameters = { resource: 'service', operation, callCenterId: '433' };
		expect(shown({ ...parameters, serviceId: { __rl: true, mode: 'list', value: '20575' } })).toContain('callCenterId');
		expect(shown({ ...parameters, serviceId: { __rl: true, mode: 'id', value: '20575' } })).not.toContain('callCenterId');
	});

	test('Supervisor Call: Launch Manual Calls hides it By ID; Get Queue Stats (a Services list and typed IDs) always shows it', () => {
		const launch = { resource: 'supervisorCall', operation: 'launchManualCalls', callCenterId: '433', phoneNumber: '4155550100' };
		expect(shown({ ...launch, serviceId: { __rl: true, mode: 'id', value: '21429' } })).not.toContain('callCenterId');
		expect(shown({ ...launch, serviceId: { __rl: true, mode: 'list', value: '21429' } })).toContain('callCenterId');
		expect(shown({ resource: 'supervisorCall', operation: 'getQueueStats', callCenterId: '433' })).toContain('callCenterId');
	});

	test('the Service list and the Services dropdown list a call center\'s services in the same order, by name', async () => {
		const { results } = await serviceSearch('433');
		const options = (await supervisorOptions({ callCenterId: '433' })) as INodePropertyOptions[];
		expect(results.map((result) => result.name)).toEqual(options.map((option) => option.name));
		expect(results.map((result) => result.value)).toEqual(options.map((option) => String(option.value)));
		const names = options.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(names[0]).toBe('Atlanta_FS_Callback (9) (20180)');
	});
});
