/**
 * Project → Get Parameters through the engine: the documented request, the project's fields
 * and dispositions as one item, a bad Project ID refused before any request, and VCC Live's
 * 404 in plain words.
 */
import { DEMO_ACCOUNT, projectParameters } from '../sandbox/vcclive';
import { EXPECTED_AUTHORIZATION, jsonOf, runVccLive, useSandbox, vccRequests } from './kit';

const sandbox = useSandbox();

const getParameters = (projectId: string) => ({ resource: 'project', operation: 'getParameters', projectId });

describe('Project → Get Parameters', () => {
	it('sends GET /v2/projects/[projectid] and puts out the fields and dispositions', async () => {
		const result = await runVccLive(sandbox(), getParameters('214'));
		expect(result.error).toBeUndefined();
		const requests = vccRequests(sandbox());
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', path: '/v2/projects/214', query: {} });
		expect(requests[0].headers.authorization).toBe(EXPECTED_AUTHORIZATION);
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
