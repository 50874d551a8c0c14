/**
 * Version 1.1 of the VCC Live node: the Project is picked from "List projects", the
 * Disposition and the field names from the project's parameters, or typed. Through the
 * engine: what the lists hold and request, what an operation sends with a picked value, and
 * version 1 (saved workflows) left with its typed fields.
 */
import type { INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { loadListSearch, loadOptions, nodeTypes } from '../engine/harness';
import { DEMO_ACCOUNT, PROJECT_LIST, projectParameters } from '../sandbox/vcclive';
import { EXPECTED_AUTHORIZATION, jsonOf, onlyRequest, runVccLive, useSandbox, vccCredentials, vccRequests } from './kit';

const sandbox = useSandbox();

const picked = (value: string, mode: 'list' | 'id' = 'list') => ({ __rl: true, mode, value });
const run = (parameters: INodeParameters) => runVccLive(sandbox(), parameters, { typeVersion: 1.1 });
const lists = (method: string, parameters: INodeParameters, filter?: string) =>
	({ type: 'vccLive', method, parameters, credentials: vccCredentials(sandbox()), typeVersion: 1.1, filter }) as const;

describe('the Project list', () => {
	it('lists every project of GET /v2/projects by name, with its ID, folders left out', async () => {
		const found = await loadListSearch(lists('searchProjects', { resource: 'record', operation: 'get', projectId: picked('') }));
		expect(onlyRequest(sandbox())).toMatchObject({ method: 'GET', path: '/v2/projects' });
		const projects = PROJECT_LIST.filter((entry) => !entry.container);
		expect(found.results.map((result) => result.value).sort()).toEqual(projects.map((entry) => String(entry.projectid)).sort());
		for (const entry of projects) {
			const result = found.results.find((candidate) => candidate.value === String(entry.projectid));
			expect(result?.name).toContain(`${entry.name} (${entry.projectid})`);
			expect(result?.name.includes('inactive')).toBe(entry.status === 'inactive');
		}
		expect(found.results.map((result) => result.name)).toEqual([...found.results.map((result) => result.name)].sort((a, b) => a.localeCompare(b)));
	});

	it('narrows to the search text', async () => {
		const found = await loadListSearch(lists('searchProjects', { resource: 'record', operation: 'get', projectId: picked('') }, 'debrecen'));
		expect(found.results.map((result) => result.value)).toEqual(['370']);
	});

	it('says why when VCC Live refuses the list, without the token', async () => {
		sandbox().vcclive.errorsWithSuccess = ['error.permission_denied'];
		const listing = loadListSearch(lists('searchProjects', { resource: 'record', operation: 'get', projectId: picked('') }));
		await expect(listing).rejects.toThrow(/error\.permission_denied/);
		await listing.catch((error: Error & { description?: string }) => {
			expect(`${error.message} ${error.description ?? ''}`).not.toContain(DEMO_ACCOUNT.token);
		});
	});
});

describe('the Disposition and field lists', () => {
	const onRecord = (projectId: unknown) => ({ resource: 'record', operation: 'addDisposition', projectId }) as INodeParameters;

	it('list the dispositions of the picked project, from GET /v2/projects/[projectid]', async () => {
		const options = await loadOptions(lists('getDispositions', onRecord(picked('214'))));
		const request = onlyRequest(sandbox());
		expect(request).toMatchObject({ method: 'GET', path: '/v2/projects/214' });
		expect(request.headers.authorization).toBe(EXPECTED_AUTHORIZATION);
		const expected = projectParameters(214).dispositions.map((disposition) => ({
			name: `${disposition.name} (${disposition.dispositionid})`,
			value: String(disposition.dispositionid),
			description: `Assessment: ${disposition.assessment}`,
		}));
		expect([...options].sort((a, b) => String(a.value).localeCompare(String(b.value)))).toEqual(expected);
	});

	it('list the fields of the project typed By ID, then the phone fields', async () => {
		const options = await loadOptions(lists('getFields', { resource: 'record', operation: 'modify', projectId: picked(' 4 ', 'id') }));
		expect(onlyRequest(sandbox()).path).toBe('/v2/projects/4');
		const fieldNames = projectParameters(4).fields.map((field) => field.name);
		expect(options.slice(0, fieldNames.length).map((option) => option.value).sort()).toEqual([...fieldNames].sort());
		expect(options.find((option) => option.value === 'city')).toEqual({ name: 'City (city)', value: 'city', description: 'Type: simple' });
		expect(options.slice(fieldNames.length).map((option) => option.value)).toEqual(Array.from({ length: 9 }, (_unused, index) => `phone${index + 1}`));
	});

	it.each([
		['no project picked yet', picked('')],
		['a Project ID that is not a number', picked('21x', 'id')],
	])('have no disposition and only the phone fields, without a request, with %s', async (_which, projectId) => {
		await expect(loadOptions(lists('getDispositions', onRecord(projectId)))).resolves.toEqual([]);
		const fields = await loadOptions(lists('getFields', onRecord(projectId)));
		expect(fields.map((field) => field.value)).toEqual(Array.from({ length: 9 }, (_unused, index) => `phone${index + 1}`));
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('say which project VCC Live did not find', async () => {
		const listing = loadOptions(lists('getDispositions', onRecord(picked('999', 'id'))));
		await expect(listing).rejects.toMatchObject({ description: expect.stringContaining('Check the Project ID (999)') });
	});
});

describe('operations with picked values', () => {
	it('Record → Get sends the picked project', async () => {
		const result = await run({ resource: 'record', operation: 'get', projectId: picked('214'), recordId: '21402' });
		expect(result.error).toBeUndefined();
		expect(onlyRequest(sandbox()).path).toBe('/v2/projects/214/records/21402');
		expect(jsonOf(result)[0]).toMatchObject({ projectid: 214, numberid: 21402 });
	});

	it('Record → Add Disposition sends the picked disposition', async () => {
		const result = await run({
			resource: 'record',
			operation: 'addDisposition',
			projectId: picked('214'),
			recordId: '21402',
			dispositionId: '2',
			userId: '17',
		});
		expect(result.error).toBeUndefined();
		expect(onlyRequest(sandbox())).toMatchObject({
			method: 'POST',
			path: '/v2/projects/214/records/21402/dispositions',
			body: { dispositionid: '2', userid: '17' },
		});
	});

	it('Record → Modify sends the picked field names with their values', async () => {
		const result = await run({
			resource: 'record',
			operation: 'modify',
			projectId: picked('214', 'id'),
			recordId: '21402',
			form: { field: [{ name: 'city', value: 'Szeged' }, { name: 'phone1', value: '3619997400' }] },
		});
		expect(result.error).toBeUndefined();
		expect(onlyRequest(sandbox())).toMatchObject({ method: 'PUT', path: '/v2/projects/214/records/21402', body: { city: 'Szeged', phone1: '3619997400' } });
		expect(sandbox().vcclive.records.get('214', '21402')?.data).toMatchObject({ city: 'Szeged', phone1: '3619997400' });
	});

	it('Statistic → Get CDR Log asks for all projects with none picked, and for the picked one', async () => {
		const cdrLog = (projectId: unknown) =>
			({ resource: 'statistic', operation: 'getCdrLog', day: '2024-04-01T00:00:00', returnAll: false, limit: 1, projectId }) as INodeParameters;
		expect((await run(cdrLog(picked('')))).error).toBeUndefined();
		expect((await run(cdrLog(picked('4')))).error).toBeUndefined();
		expect(vccRequests(sandbox()).map((request) => request.query.projectid)).toEqual([undefined, '4']);
	});

	it('refuses a Project whose expression gives nothing before any request', async () => {
		const result = await run({ resource: 'project', operation: 'getQuotas', projectId: picked('={{ "" }}', 'id') });
		expect(result.error?.message).toMatch(/Project ID is missing/);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});
});

describe('the fields by version', () => {
	const { description } = nodeTypes.getByNameAndVersion('n8n-nodes-callcenter.vccLive');
	const { properties } = description;
	const operationsOf = (resource: string) =>
		(properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource))
			?.options ?? []) as Array<{ value: string }>;
	const shown = (version: number, parameters: INodeParameters) => {
		return NodeHelpers.getNodeParameters(properties, parameters, true, false, { typeVersion: version }, description) ?? {};
	};
	const cases = ['project', 'record', 'statistic'].flatMap((resource) => operationsOf(resource).map((operation) => [resource, operation.value]));

	it.each(cases)('%s → %s: version 1 keeps typed IDs, 1.1 picks the project from the list', (resource, operation) => {
		const v1 = shown(1, { resource, operation });
		const v11 = shown(1.1, { resource, operation });
		if (!('projectId' in v1)) return expect('projectId' in v11).toBe(false);
		expect(v1.projectId).toBe('');
		expect(v11.projectId).toEqual({ __rl: true, mode: 'list', value: '' });
		if ('dispositionId' in v1) expect(v1.dispositionId).toBe('');
	});

	it('has the lists on the operations that take a project', () => {
		expect(cases.length).toBeGreaterThan(10);
		const withProject = cases.filter(([resource, operation]) => 'projectId' in shown(1.1, { resource, operation }));
		expect(withProject.map(([, operation]) => operation)).toEqual(
			expect.arrayContaining(['getParameters', 'getQuotas', 'modifyQuotas', 'get', 'add', 'modify', 'addDisposition', 'batchDisposition', 'getCdrLog', 'getEmailLog']),
		);
	});
});
