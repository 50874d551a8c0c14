/**
 * Project → Get Quota Limits and Modify Quota Limits through the engine: the documented
 * requests, the quota trees put out one item per quota with its path, the example's bare
 * array sent, a partial success reported quota by quota, bad input refused before any
 * request, an unknown project in plain words, and the write never sent twice.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { quotaIdsOf, QUOTAS_PER_PROJECT } from '../sandbox/vcclive';
import { hintsOf, jsonOf, onlyRequest, runVccLive, useSandbox, vccRequests } from './kit';

const sandbox = useSandbox();

const getQuotas = (projectId: string) => ({ resource: 'project', operation: 'getQuotas', projectId });
type QuotaPair = { quotaId: string | number; value: string | number };
const modifyQuotas = (quota: QuotaPair[], projectId = '214'): INodeParameters => ({
	resource: 'project',
	operation: 'modifyQuotas',
	projectId,
	quotas: { quota },
});
const [FIRST, SECOND, THIRD] = quotaIdsOf(214);

describe('Project → Get Quota Limits', () => {
	it('sends GET /v2/projects/[projectid]/quotas and puts out each deepest-level quota with its path', async () => {
		const result = await runVccLive(sandbox(), getQuotas('214'));
		expect(result.error).toBeUndefined();
		expect(onlyRequest(sandbox())).toMatchObject({ method: 'GET', path: '/v2/projects/214/quotas', query: {} });
		const rows = jsonOf(result);
		expect(rows).toHaveLength(QUOTAS_PER_PROJECT);
		// The sandbox's tree: cities, each with a quota per product; then an edge quota per city.
		expect(rows[0]).toEqual({
			projectid: 214,
			type: 'cell',
			quotaid: FIRST,
			valueid: 21404,
			value: 10,
			act_value: 0,
			diff_value: 10,
			value_name: 'phone',
			export_value: 'PHONE',
			path: ['Budapest', 'phone'],
			path_text: 'Budapest / phone',
		});
		expect(rows.map((row) => row.path_text)).toEqual([
			'Budapest / phone',
			'Budapest / internet',
			'Debrecen / phone',
			'Debrecen / internet',
			'Szeged / phone',
			'Szeged / internet',
			'Budapest',
			'Debrecen',
			'Szeged',
		]);
		expect(rows.map((row) => row.type)).toEqual([...Array<string>(6).fill('cell'), ...Array<string>(3).fill('edge')]);
		expect(rows.map((row) => row.quotaid)).toEqual(quotaIdsOf(214));
		for (const row of rows) expect(row.diff_value).toBe((row.value as number) - (row.act_value as number));
	});

	it('says which project VCC Live did not find', async () => {
		const result = await runVccLive(sandbox(), getQuotas('999'));
		expect(result.error).toMatchObject({ httpCode: '404' });
		expect(result.error?.description).toContain('Check the Project ID (999)');
	});

	it('refuses a Project ID that is not digits before any request', async () => {
		const result = await runVccLive(sandbox(), getQuotas('214/quotas'));
		expect(result.error?.message).toMatch(/Project ID must be a whole number/);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('is retried after a dropped connection, being a read', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: 1, fault: { kind: 'dropAfterProcessing' } });
		const result = await runVccLive(sandbox(), getQuotas('4'));
		expect(result.error).toBeUndefined();
		expect(vccRequests(sandbox())).toHaveLength(2);
		expect(jsonOf(result)).toHaveLength(QUOTAS_PER_PROJECT);
	});
});

describe('Project → Modify Quota Limits', () => {
	it('sends the example’s bare array of {quotaid, value} and says each quota was set', async () => {
		const result = await runVccLive(
			sandbox(),
			modifyQuotas([
				{ quotaId: String(FIRST), value: '15' },
				{ quotaId: SECOND, value: 20 },
			]),
		);
		expect(result.error).toBeUndefined();
		const request = onlyRequest(sandbox());
		expect(request).toMatchObject({ method: 'POST', path: '/v2/projects/214/quotas', query: {} });
		expect(request.body).toEqual([
			{ quotaid: FIRST, value: 15 },
			{ quotaid: SECOND, value: 20 },
		]);
		expect(jsonOf(result)).toEqual([
			{ projectid: 214, quotaid: FIRST, value: 15, set: true, error: null, errorcode: null },
			{ projectid: 214, quotaid: SECOND, value: 20, set: true, error: null, errorcode: null },
		]);
		const quotas = sandbox().vcclive.quotas.of(214);
		expect(quotas.find((quota) => quota.quotaid === FIRST)?.value).toBe(15);
		expect(quotas.find((quota) => quota.quotaid === SECOND)?.value).toBe(20);
		expect(hintsOf(result)).toEqual([]);
	});

	it('reports a partial success quota by quota: set, or not set with VCC Live’s error', async () => {
		const result = await runVccLive(
			sandbox(),
			modifyQuotas([
				{ quotaId: FIRST, value: 5 },
				{ quotaId: 999999, value: 5 },
				{ quotaId: THIRD, value: 7 },
			]),
		);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			{ projectid: 214, quotaid: FIRST, value: 5, set: true, error: null, errorcode: null },
			{ projectid: 214, quotaid: 999999, value: 5, set: false, error: 'error.not_found', errorcode: 417 },
			{ projectid: 214, quotaid: THIRD, value: 7, set: true, error: null, errorcode: null },
		]);
		expect(sandbox().vcclive.quotas.of(214).find((quota) => quota.quotaid === THIRD)?.value).toBe(7);
		expect(hintsOf(result)).toEqual(['1 of 3 quotas of project 214 were not set: see "set" and "error" in the output']);
	});

	it('reads the page’s partial answer: errors by index, and the indexes set in response', async () => {
		sandbox().faults.add({
			vendor: 'vcclive',
			times: 1,
			fault: {
				kind: 'status',
				status: 200,
				body: {
					errors: [
						{ errorcode: 417, index: 1, errormessage: 'error.missing_arguments' },
						{ errorcode: 417, index: 3, errormessage: 'error.missing_arguments' },
					],
					response: { '0': true, '2': true },
				},
			},
		});
		const quota = [1, 2, 3, 4].map((n) => ({ quotaId: 214000 + n, value: n }));
		const result = await runVccLive(sandbox(), modifyQuotas(quota));
		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((row) => [row.quotaid, row.set, row.error])).toEqual([
			[214001, true, null],
			[214002, false, 'error.missing_arguments'],
			[214003, true, null],
			[214004, false, 'error.missing_arguments'],
		]);
	});

	it('does not count a quota as set when the answer says nothing of it', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: 1, fault: { kind: 'status', status: 200, body: { errors: [], response: { '0': true } } } });
		const result = await runVccLive(
			sandbox(),
			modifyQuotas([
				{ quotaId: FIRST, value: 1 },
				{ quotaId: SECOND, value: 2 },
			]),
		);
		const [, second] = jsonOf(result) as IDataObject[];
		expect(second).toMatchObject({ quotaid: SECOND, set: false, errorcode: null });
		expect(second.error).toContain('check it with Project → Get Quota Limits');
	});

	it('fails the item on an error that names no quota, saying some may have been set', async () => {
		sandbox().faults.add({
			vendor: 'vcclive',
			times: 1,
			fault: { kind: 'status', status: 200, body: { errors: [{ errorcode: 417, errormessage: 'error.bad_arguments' }], response: { '0': true } } },
		});
		const result = await runVccLive(sandbox(), modifyQuotas([{ quotaId: FIRST, value: 1 }]));
		expect(result.error?.message).toContain('error.bad_arguments');
		expect(result.error?.description).toContain('Some of the batch may have been applied: Get the quota limits of project 214 (Project → Get Quota Limits)');
	});

	it.each<[string, QuotaPair[], RegExp]>([
		['no quota', [], /Quotas is empty/],
		['a Quota ID of letters', [{ quotaId: 'abc', value: '1' }], /Quota 1: Quota ID must be a whole number, got "abc"/],
		['a missing Quota ID', [{ quotaId: '', value: '1' }], /Quota 1: Quota ID is missing/],
		['a Value with decimals', [{ quotaId: FIRST, value: '1.5' }], /Quota 1: Value must be a whole number, got "1.5"/],
		['a negative Value', [{ quotaId: FIRST, value: -3 }], /Quota 1: Value must be a whole number, got "-3"/],
		['a missing Value', [{ quotaId: FIRST, value: '' }, { quotaId: SECOND, value: '' }], /Quota 1: Value is missing/],
		['a Value too large to be exact', [{ quotaId: FIRST, value: '9'.repeat(20) }], /Quota 1: Value must be a whole number/],
		['the second quota bad', [{ quotaId: FIRST, value: 1 }, { quotaId: SECOND, value: 'ten' }], /Quota 2: Value must be a whole number/],
		[
			'a quota given twice',
			[
				{ quotaId: FIRST, value: 1 },
				{ quotaId: String(FIRST), value: 2 },
			],
			new RegExp(`Quota ID ${FIRST} is given twice`),
		],
	])('refuses %s before any request', async (_which, quota, message) => {
		const result = await runVccLive(sandbox(), modifyQuotas(quota));
		expect(result.error?.message).toMatch(message);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('says which project VCC Live did not find', async () => {
		const result = await runVccLive(sandbox(), modifyQuotas([{ quotaId: FIRST, value: 1 }], '999'));
		expect(result.error).toMatchObject({ httpCode: '404' });
		expect(result.error?.description).toContain('Check the Project ID (999)');
		expect(vccRequests(sandbox())).toHaveLength(1);
	});

	it('is sent once when the connection drops after VCC Live set the quotas, and says how to check', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: Infinity, fault: { kind: 'dropAfterProcessing' } });
		const result = await runVccLive(sandbox(), modifyQuotas([{ quotaId: FIRST, value: 42 }]));
		expect(vccRequests(sandbox())).toHaveLength(1);
		expect(sandbox().vcclive.quotas.of(214).find((quota) => quota.quotaid === FIRST)?.value).toBe(42);
		expect(result.error?.message).toMatch(/^The outcome is unknown: VCC Live/);
		expect(result.error?.description).toContain('Get the quota limits of project 214 (Project → Get Quota Limits)');
		expect(result.error?.description).toContain('It was not sent again');
	});

	it('is not retried after a 503', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: Infinity, fault: { kind: 'status', status: 503 } });
		const result = await runVccLive(sandbox(), modifyQuotas([{ quotaId: FIRST, value: 1 }]));
		expect(vccRequests(sandbox())).toHaveLength(1);
		expect(result.error?.message).toContain('VCC Live answered 503 to a change, which may or may not have been applied');
	});

	it('sets what Get Quota Limits then reads back', async () => {
		await runVccLive(sandbox(), modifyQuotas([{ quotaId: THIRD, value: 33 }]));
		const result = await runVccLive(sandbox(), getQuotas('214'));
		expect(jsonOf(result).find((row) => row.quotaid === THIRD)).toMatchObject({ value: 33, diff_value: 33 - (jsonOf(result)[2].act_value as number) });
	});
});
