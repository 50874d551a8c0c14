/**
 * VCC Live sandbox: Basic auth, routes, the documented 417 checks (including the ones the
 * node never trips, since it validates first), the formats and the determinism of the data.
 */
import { VccLiveApi } from '../../credentials/VccLiveApi.credentials';
import { startSandbox } from './server';
import type { Sandbox } from './server';
import { DEMO_ACCOUNT, ERROR_CODES, INBOUND_COLUMNS } from './vcclive';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => {
	sandbox.vcclive.reset();
	sandbox.clearRequests();
});

const basic = (user: string, token: string) => `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;

async function get(query: Record<string, string>, options: { path?: string; method?: string; authorization?: string } = {}) {
	const url = new URL(`${sandbox.vccliveUrl}${options.path ?? '/v2/statistics/inbound'}`);
	for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
	const response = await fetch(url, {
		method: options.method ?? 'GET',
		headers: { authorization: options.authorization ?? basic(DEMO_ACCOUNT.user, DEMO_ACCOUNT.token) },
	});
	return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

const DAY = { from: '20240401', to: '20240401', dimensions: 'project' };

describe('authentication and routes', () => {
	it('refuses a missing or wrong Basic login with 401', async () => {
		expect((await get(DAY, { authorization: '' })).status).toBe(401);
		const wrong = await get(DAY, { authorization: basic(DEMO_ACCOUNT.user, 'nope') });
		expect(wrong).toMatchObject({ status: 401, text: '{"response":null,"errors":["error.authentication_failed"]}' });
	});

	it('answers 404 for another path and 405 for another method', async () => {
		expect((await get(DAY, { path: '/v2/statistics/outbound' })).status).toBe(404);
		expect((await get(DAY, { method: 'POST' })).status).toBe(405);
		expect((await get({}, { path: '/v2/projects/214/records/21401', method: 'DELETE' })).status).toBe(405);
		expect((await get({}, { path: '/v2/projects/214/records/21401/dispositions' })).status).toBe(405);
	});

	it('accepts the credential test request of the VCC Live API credential', async () => {
		const { qs } = new VccLiveApi().test.request;
		const answer = await get(qs as Record<string, string>);
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.text).errors).toEqual([]);
	});
});

describe('the documented 417 checks', () => {
	it.each([
		[{ to: '20240401', dimensions: 'project' }, ERROR_CODES.missing],
		[{ ...DAY, dimensions: '' }, ERROR_CODES.missing],
		[{ ...DAY, from: '2024-04-01' }, ERROR_CODES.format],
		[{ ...DAY, to: '20240431' }, ERROR_CODES.format],
		[{ ...DAY, from: '20240402' }, ERROR_CODES.format],
		[{ ...DAY, dimensions: 'project,agent' }, ERROR_CODES.format],
		[{ ...DAY, projects: '53,x' }, ERROR_CODES.format],
		[{ ...DAY, manual_sla: '0' }, ERROR_CODES.format],
		[{ ...DAY, of: 'xml' }, ERROR_CODES.format],
		[{ ...DAY, from: '20240115', to: '20240215' }, ERROR_CODES.interval],
	])('%j → %s', async (query, code) => {
		const answer = await get(query);
		expect(answer.status).toBe(417);
		expect(JSON.parse(answer.text)).toEqual({ response: null, errors: [code] });
	});

	it('lets a period of up to one month through: 15 Jan to 14 Feb, and 31 Jan to the end of February', async () => {
		expect((await get({ ...DAY, from: '20240115', to: '20240214' })).status).toBe(200);
		expect((await get({ ...DAY, from: '20240131', to: '20240228' })).status).toBe(200);
	});

	it('writes an error as a bare line for CSV and tab requests', async () => {
		const answer = await get({ ...DAY, from: '20240101', to: '20240301', of: 'tab' });
		expect(answer).toMatchObject({ status: 417, text: `${ERROR_CODES.interval}\n` });
	});

	it('refuses a spelling of CSV on demand, answering in JSON', async () => {
		sandbox.vcclive.refusedFormatValues.add('csv');
		expect(JSON.parse((await get({ ...DAY, of: 'csv' })).text).errors).toEqual([ERROR_CODES.format]);
		expect((await get({ ...DAY, of: 'cvs' })).status).toBe(200);
	});
});

describe('formats and data', () => {
	it('answers JSON labelled text/plain, the same for the same query every time', async () => {
		const first = await get(DAY);
		expect(first.contentType).toContain('text/plain');
		expect((await get(DAY)).text).toBe(first.text);
		const rows = JSON.parse(first.text).response as Array<Record<string, number>>;
		expect(rows.map((row) => [row.projectid, row.queueid, row.date])).toEqual([
			[4, -1, 20240401],
			[214, -1, 20240401],
			[370, -1, 20240401],
		]);
		expect(Object.keys(rows[0])).toEqual([...INBOUND_COLUMNS]);
	});

	it('answers CSV with a byte-order mark and CRLF, and tab with LF, for "csv", "cvs" and "tab"', async () => {
		const csv = await get({ ...DAY, of: 'csv' });
		expect(csv.contentType).toContain('text/csv');
		// fetch drops the byte-order mark when decoding; the raw bytes carry it.
		expect(csv.text.split('\r\n')[0]).toBe(INBOUND_COLUMNS.join(','));
		expect((await get({ ...DAY, of: 'cvs' })).text).toBe(csv.text);
		const tab = await get({ ...DAY, of: 'tab' });
		expect(tab.text.split('\n')[0]).toBe(INBOUND_COLUMNS.join('\t'));
		expect(tab.text.split('\n')).toHaveLength(5);
	});

	it('keeps answered calls consistent with the SLA: a longer SLA moves calls from after to before', async () => {
		const read = async (sla: string) => JSON.parse((await get({ ...DAY, manual_sla: sla })).text).response[0];
		const [short, long] = [await read('10'), await read('60')];
		expect(short.answered_before + short.answered_after).toBe(long.answered_before + long.answered_after);
		expect(long.answered_before).toBeGreaterThan(short.answered_before);
	});

	it('answers 200 with errors when told to', async () => {
		sandbox.vcclive.errorsWithSuccess = ['error.busy'];
		const answer = await get(DAY);
		expect(answer).toMatchObject({ status: 200, text: '{"response":null,"errors":["error.busy"]}' });
	});
});

describe('records and CDRs', () => {
	it('answers an unknown record or call with 404 and error.not_found', async () => {
		for (const path of ['/v2/projects/214/records/999', '/v2/projects/5/records/501', '/v2/cdr/2024/04/20240401-0214-4000-8000-000000000099']) {
			expect(await get({}, { path })).toMatchObject({ status: 404, text: '{"response":null,"errors":["error.not_found"]}' });
		}
	});

	it('refuses badly formatted CDR log options with 417', async () => {
		for (const query of [{ start: 'x' }, { num: '-1' }, { projectid: 'a' }] as Array<Record<string, string>>) {
			const answer = await get(query, { path: '/v2/cdrs/2024/04/01' });
			expect(answer).toMatchObject({ status: 417, text: '{"response":null,"errors":["error.argument_format_error"]}' });
		}
		expect((await get({}, { path: '/v2/cdrs/2024/02/30' })).status).toBe(417);
	});

	it('gives 10 CDRs without num, and the same ones every time', async () => {
		const first = JSON.parse((await get({}, { path: '/v2/cdrs/2024/04/01' })).text);
		expect(first.response.rows).toHaveLength(10);
		expect(JSON.parse((await get({}, { path: '/v2/cdrs/2024/04/01' })).text)).toEqual(first);
	});

	it('adds a disposition only with dispositionid and userid', async () => {
		const post = async (body: unknown) =>
			await fetch(`${sandbox.vccliveUrl}/v2/projects/214/records/21401/dispositions`, {
				method: 'POST',
				headers: { authorization: basic(DEMO_ACCOUNT.user, DEMO_ACCOUNT.token), 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
		expect((await post({ dispositionid: '1' })).status).toBe(417);
		expect(sandbox.vcclive.records.get('214', '21401')?.events).toHaveLength(1);
		const added = await post({ dispositionid: '1', userid: '17' });
		expect(await added.text()).toBe('{"response":true,"errors":[]}');
		expect(sandbox.vcclive.records.get('214', '21401')?.events).toHaveLength(2);
	});
});
