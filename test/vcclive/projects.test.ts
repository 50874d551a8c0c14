/**
 * Project → Get Parameters and List through the engine: the documented requests, the
 * project's fields and dispositions as one item, every folder and project as items, bad input
 * refused before any request, and VCC Live's 404 in plain words. Quota limits: quotas.test.ts.
 */
import { DEMO_ACCOUNT, PROJECT_LIST, projectParameters } from '../sandbox/vcclive';
import { jsonOf, onlyRequest, runVccLive, useSandbox, vccRequests } from './kit';

const sandbox = useSandbox();

const getParameters = (projectId: string) => ({ resource: 'project', operation: 'getParameters', projectId });

describe('Project → Get Parameters', () => {
	it('sends GET /v2/projects/[projectid] and puts out the fields and dispositions', async () => {
		const result = await runVccLive(sandbox(), getParameters('214'));
		expect(result.error).toBeUndefined();
		expect(onlyRequest(sandbox())).toMatchObject({ method: 'GET', path: '/v2/projects/214', query: {} });
		expect(jsonOf(result)).toEqual([{ projectid: 214, ...JSON.parse(JSON.stringify(projectParameters(214))) }]);
		const [item] = jsonOf(result) as Array<{ fields: Array<{ name: string; values: unknown[] }>; dispositions: unknown[] }>;
		expect(item.fields.map((field) => field.name)).toEqual(['name', 'city', 'product']);
		expect(item.fields[1].values).toHaveLength(3);
		expect(item.dispositions).toHaveLength(3);
	});

	it('gives each project its own parameters', async () => {
		const result = await runVccLive(sandbox(), getParameters('4'));
		expect(vccRequests(sandbox())[0].path).toBe('/v2/projects/4');
		expect(jsonOf(result)[0]).toMatchObject({ projectid: 4, fields: projectParameters(4).fields });
		expect(projectParameters(4).fields[0].fieldid).not.toBe(projectParameters(214).fields[0].fieldid);
	});

	it.each([
		['letters', '21x', /Project ID must be a whole number/],
		['a path', '../records', /Project ID must be a whole number/],
		['an expression giving nothing', '={{ "" }}', /Project ID is missing/],
	])('refuses a Project ID of %s before any request', async (_which, projectId, message) => {
		const result = await runVccLive(sandbox(), getParameters(projectId));
		expect(result.error?.message).toMatch(message);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('says which project VCC Live did not find', async () => {
		const result = await runVccLive(sandbox(), getParameters('999'));
		expect(result.error).toMatchObject({ httpCode: '404' });
		expect(result.error?.description).toContain('Check the Project ID (999)');
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain(DEMO_ACCOUNT.token);
	});

	it('is retried after a dropped connection, being a read', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: 1, fault: { kind: 'dropAfterProcessing' } });
		const result = await runVccLive(sandbox(), getParameters('370'));
		expect(result.error).toBeUndefined();
		expect(vccRequests(sandbox())).toHaveLength(2);
		expect(jsonOf(result)[0]).toMatchObject({ projectid: 370 });
	});
});

const list = (parameters: Record<string, unknown> = {}) => ({ resource: 'project', operation: 'list', returnAll: true, ...parameters });

describe('Project → List', () => {
	it('sends GET /v2/projects and puts out every folder and project, active or not, as VCC Live sends them', async () => {
		const result = await runVccLive(sandbox(), list());
		expect(result.error).toBeUndefined();
		expect(onlyRequest(sandbox())).toMatchObject({ method: 'GET', path: '/v2/projects', query: {} });
		expect(jsonOf(result)).toEqual(PROJECT_LIST.map((entry) => ({ ...entry })));
		expect(jsonOf(result).map((entry) => entry.status)).toContain('inactive');
		expect(result.items.map((item) => item.pairedItem)).toEqual(PROJECT_LIST.map(() => ({ item: 0 })));
	});

	it('leaves the folders out when Include Folders is off', async () => {
		const result = await runVccLive(sandbox(), list({ options: { includeFolders: false } }));
		expect(jsonOf(result).map((entry) => entry.projectid)).toEqual([4, 214, 370]);
		expect(jsonOf(result).every((entry) => entry.container === false)).toBe(true);
	});

	it('puts out at most Limit entries', async () => {
		const result = await runVccLive(sandbox(), list({ returnAll: false, limit: 2 }));
		expect(jsonOf(result).map((entry) => entry.projectid)).toEqual([PROJECT_LIST[0].projectid, PROJECT_LIST[1].projectid]);
	});

	it('refuses a Limit of 0 before any request', async () => {
		const result = await runVccLive(sandbox(), list({ returnAll: false, limit: 0 }));
		expect(result.error?.message).toMatch(/Limit must be a whole number of at least 1/);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('reports errors VCC Live sends with a 200 instead of putting out nothing', async () => {
		sandbox().vcclive.errorsWithSuccess = ['error.permission_denied'];
		const result = await runVccLive(sandbox(), list());
		expect(result.error?.message).toContain('error.permission_denied');
		expect(result.items).toHaveLength(0);
	});
});
