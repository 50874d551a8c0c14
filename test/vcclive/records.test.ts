/**
 * Record → Get and Record → Add Disposition through the engine: the documented request
 * (method, path, body), the items, IDs refused before any request, VCC Live's 404 in plain
 * words, and a disposition never sent twice after a dropped connection.
 */
import type { INodeParameters } from 'n8n-workflow';

import { DEMO_ACCOUNT } from '../sandbox/vcclive';
import { EXPECTED_AUTHORIZATION, hintsOf, jsonOf, runVccLive, useSandbox, vccRequests } from './kit';

const sandbox = useSandbox();

const getRecord = (projectId: string, recordId: string) => ({ resource: 'record', operation: 'get', projectId, recordId });
const addDisposition = (options: INodeParameters = {}, ids: { projectId?: string; recordId?: string } = {}) => ({
	resource: 'record',
	operation: 'addDisposition',
	projectId: ids.projectId ?? '214',
	recordId: ids.recordId ?? '21402',
	dispositionId: '3',
	userId: '17',
	options,
});

describe('Record → Get', () => {
	it('sends GET /v2/projects/[projectid]/records/[numberid] and puts out the record', async () => {
		const result = await runVccLive(sandbox(), getRecord('214', '21402'));
		expect(result.error).toBeUndefined();
		const [request] = vccRequests(sandbox());
		expect(request).toMatchObject({ method: 'GET', path: '/v2/projects/214/records/21402', query: {} });
		expect(request.headers.authorization).toBe(EXPECTED_AUTHORIZATION);
		const record = sandbox().vcclive.records.get('214', '21402');
		expect(jsonOf(result)).toEqual([{ projectid: 214, numberid: 21402, ...JSON.parse(JSON.stringify(record)) }]);
		expect(jsonOf(result)[0].cdrs).toHaveLength(3);
	});

	it.each([
		['project', '21x', '21402', /Project ID must be a whole number/],
		['record', '214', '../../cdrs', /Record ID must be a whole number/],
		['record (an expression giving nothing)', '214', '={{ "" }}', /Record ID is missing/],
	])('refuses a bad %s ID before any request', async (_which, projectId, recordId, message) => {
		const result = await runVccLive(sandbox(), getRecord(projectId, recordId));
		expect(result.error?.message).toMatch(message);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('says which record VCC Live did not find', async () => {
		const result = await runVccLive(sandbox(), getRecord('214', '99999'));
		expect(result.error).toMatchObject({ httpCode: '404' });
		expect(result.error?.message).toContain('VCC Live found nothing there');
		expect(result.error?.description).toContain('Check the Project ID (214) and the Record ID (99999)');
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain(DEMO_ACCOUNT.token);
	});
});

describe('Record → Add Disposition', () => {
	it('sends the documented body and the disposition is on the record', async () => {
		const result = await runVccLive(
			sandbox(),
			addDisposition({ nextCallDate: '2024-04-03T11:00:00', nextContactId: '2', description: 'University degree', avoidInCall: true }),
		);
		expect(result.error).toBeUndefined();
		const [request] = vccRequests(sandbox());
		const body = {
			dispositionid: '3',
			userid: '17',
			next_calldate: '2024-04-03 11:00:00',
			next_contactid: '2',
			description: 'University degree',
			avoid_in_call: true,
		};
		expect(request).toMatchObject({ method: 'POST', path: '/v2/projects/214/records/21402/dispositions', body });
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(jsonOf(result)).toEqual([{ projectid: 214, numberid: 21402, ...body, added: true }]);
		expect(sandbox().vcclive.records.get('214', '21402')?.events.at(-1)).toMatchObject(body);
	});

	it('sends only the mandatory fields when no option is set', async () => {
		await runVccLive(sandbox(), addDisposition());
		expect(vccRequests(sandbox())[0].body).toEqual({ dispositionid: '3', userid: '17' });
	});

	it.each([
		[{ nextCallDate: 'next tuesday' }, /Next Call Date "next tuesday" is not a date/],
		[{ nextContactId: 'phone2' }, /Next Phone Field must be a whole number/],
	])('refuses bad options before any request: %j', async (options, message) => {
		const result = await runVccLive(sandbox(), addDisposition(options));
		expect(result.error?.message).toMatch(message);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('refuses a bad disposition ID before any request', async () => {
		const result = await runVccLive(sandbox(), { ...addDisposition(), dispositionId: 'callback' });
		expect(result.error?.message).toMatch(/Disposition ID must be a whole number/);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('is sent once when the connection drops after VCC Live added it, and says how to check', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: Infinity, fault: { kind: 'dropAfterProcessing' } });
		const before = sandbox().vcclive.records.get('214', '21402')?.events.length ?? 0;
		const result = await runVccLive(sandbox(), addDisposition());
		expect(vccRequests(sandbox())).toHaveLength(1);
		expect(sandbox().vcclive.records.get('214', '21402')?.events).toHaveLength(before + 1);
		expect(result.error?.message).toMatch(/^The outcome is unknown: VCC Live/);
		expect(result.error?.description).toContain('Get record 21402 of project 214 (Record → Get) and look for disposition 3');
		expect(result.error?.description).toContain('It was not sent again');
	});

	it('is not retried after a 503', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: Infinity, fault: { kind: 'status', status: 503 } });
		const result = await runVccLive(sandbox(), addDisposition());
		expect(vccRequests(sandbox())).toHaveLength(1);
		expect(result.error?.message).toContain('VCC Live answered 503 to a change, which may or may not have been applied');
	});

	it('says which record VCC Live did not find', async () => {
		const result = await runVccLive(sandbox(), addDisposition({}, { recordId: '5' }));
		expect(result.error?.description).toContain('Check the Project ID (214) and the Record ID (5)');
		expect(sandbox().vcclive.records.get('214', '21402')?.events).toHaveLength(1);
	});
});

describe('Record → Modify Contact', () => {
	const modifyContact = (contact: number, fields: INodeParameters, recordId = '21402') => ({
		resource: 'record',
		operation: 'modifyContact',
		projectId: '214',
		recordId,
		contact,
		fields,
	});

	it('sends PUT …/contacts/[contact] with the fields set, and the contact changes', async () => {
		const fields = { title: 'Supervisor', name: 'Peter Green', phone: '3619997400', email: '' };
		const result = await runVccLive(sandbox(), modifyContact(2, fields));
		expect(result.error).toBeUndefined();
		expect(vccRequests(sandbox())[0]).toMatchObject({ method: 'PUT', path: '/v2/projects/214/records/21402/contacts/2', body: fields });
		expect(jsonOf(result)).toEqual([{ projectid: 214, numberid: 21402, contact: 2, ...fields, modified: true }]);
		expect(sandbox().vcclive.records.get('214', '21402')?.contacts.phone2).toEqual(fields);
	});

	it('refuses an update with no field before any request', async () => {
		const result = await runVccLive(sandbox(), modifyContact(1, {}));
		expect(result.error?.message).toBe('No contact field to set');
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it.each([
		[3, { name: 'X' }, 'VCC Live says the contact does not exist (error.contact_not_exists)', /only when the project has the fields phone2/],
		[1, { email: 'peter.green' }, 'VCC Live refused the email address as badly formatted (error.wrong_email_format)', /whole email address/],
	])('puts VCC Live’s documented 417 code of contact %s into plain words', async (contact, fields, message, advice) => {
		const result = await runVccLive(sandbox(), modifyContact(contact, fields));
		expect(result.error).toMatchObject({ message, httpCode: '417' });
		expect(result.error?.description).toMatch(advice);
		expect(vccRequests(sandbox())).toHaveLength(1);
	});

	it('is sent once when the connection drops after VCC Live changed it', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: Infinity, fault: { kind: 'dropAfterProcessing' } });
		const result = await runVccLive(sandbox(), modifyContact(1, { name: 'Anna Kovacs' }));
		expect(vccRequests(sandbox())).toHaveLength(1);
		expect(sandbox().vcclive.records.get('214', '21402')?.contacts.phone1.name).toBe('Anna Kovacs');
		expect(result.error?.message).toMatch(/^The outcome is unknown/);
		expect(result.error?.description).toContain('look at contact phone1');
	});
});

describe('Record → Batch Disposition', () => {
	const batch = (recordIds: string, options: INodeParameters = {}) => ({
		resource: 'record',
		operation: 'batchDisposition',
		projectId: '214',
		recordIds,
		dispositionId: '4',
		options,
	});

	it('sends one PUT with the common disposition and one element per record, and every record has it', async () => {
		const result = await runVccLive(
			sandbox(),
			batch('21401, 21403', { userId: '17', description: 'Campaign closed', nextCallDate: '2024-04-05T09:30:00', avoidInCall: true }),
		);
		expect(result.error).toBeUndefined();
		const disposition = { dispositionid: 4, userid: '17', description: 'Campaign closed', next_calldate: '2024-04-05 09:30:00' };
		expect(vccRequests(sandbox())).toHaveLength(1);
		expect(vccRequests(sandbox())[0]).toMatchObject({
			method: 'PUT',
			path: '/v2/projects/214/records/dispositions',
			body: { avoid_in_call: true, disposition, elements: [{ numberid: '21401' }, { numberid: '21403' }] },
		});
		for (const numberid of ['21401', '21403']) expect(sandbox().vcclive.records.get('214', numberid)?.events.at(-1)).toMatchObject(disposition);
		expect(sandbox().vcclive.records.get('214', '21402')?.events).toHaveLength(1);
		expect(jsonOf(result)).toEqual([
			{ projectid: 214, numberid: 21401, dispositionid: 4, result: true, error: null, errorcode: null },
			{ projectid: 214, numberid: 21403, dispositionid: 4, result: true, error: null, errorcode: null },
		]);
		expect(hintsOf(result)).toEqual([]);
	});

	it('puts out each record’s own result, with a warning for a record not changed', async () => {
		const result = await runVccLive(sandbox(), batch('21401,99'));
		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((row) => row.result)).toEqual([true, false]);
		expect(hintsOf(result)).toEqual(['1 of 2 records of project 214 were not changed: see "result" and "error" in the output']);
	});

	it('gives a record VCC Live’s error naming its element, and fails on an error naming none', async () => {
		const answer = (errors: unknown[]) => ({
			vendor: 'vcclive' as const,
			fault: { kind: 'status' as const, status: 200, body: { response: [true, false, true], errors } },
		});
		sandbox().faults.add(answer([{ index: 1, errorcode: 417, errormessage: 'error.argument_format_error' }]));
		const partial = await runVccLive(sandbox(), batch('21401, 21402, 21403'));
		expect(partial.error).toBeUndefined();
		expect(jsonOf(partial).map((row) => [row.numberid, row.result, row.error, row.errorcode])).toEqual([
			[21401, true, null, null],
			[21402, false, 'error.argument_format_error', 417],
			[21403, true, null, null],
		]);
		expect(hintsOf(partial)).toEqual(['1 of 3 records of project 214 were not changed: see "result" and "error" in the output']);

		sandbox().faults.add(answer(['error.permission_denied']));
		const failed = await runVccLive(sandbox(), batch('21401, 21402, 21403'));
		expect(failed.error?.message).toContain('error.permission_denied');
		expect(failed.error?.description).toContain('Some of the batch may have been applied');
		expect(vccRequests(sandbox())).toHaveLength(2);
	});

	it.each([
		['21401, x', /each of Record IDs must be a whole number/],
		['={{ "" }}', /Record IDs is empty/],
	])('refuses Record IDs %p before any request', async (recordIds, message) => {
		const result = await runVccLive(sandbox(), batch(recordIds));
		expect(result.error?.message).toMatch(message);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('is sent once when the connection drops after VCC Live applied it', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: Infinity, fault: { kind: 'dropAfterProcessing' } });
		const result = await runVccLive(sandbox(), batch('21401, 21402'));
		expect(vccRequests(sandbox())).toHaveLength(1);
		expect(sandbox().vcclive.records.get('214', '21401')?.events).toHaveLength(2);
		expect(result.error?.message).toMatch(/^The outcome is unknown/);
		expect(result.error?.description).toContain('look for disposition 4 among their events');
	});
});

describe('Record → Add', () => {
	const add = (fields: Array<{ name: string; value: string }>, options: INodeParameters = {}) => ({
		resource: 'record',
		operation: 'add',
		projectId: '214',
		form: { field: fields },
		options,
	});
	const fields = [
		{ name: 'name', value: 'Anna Kovacs' },
		{ name: 'phone1', value: '36201234567' },
		{ name: 'hobbies', value: 'Diving|Baking' },
	];

	it('sends POST …/records with the form, and the project has the record', async () => {
		const result = await runVccLive(sandbox(), add(fields, { phoneField: 'phone1', nextCallDate: '2024-04-03T10:00:00' }));
		expect(result.error).toBeUndefined();
		const body = {
			form: { name: 'Anna Kovacs', phone1: '36201234567', hobbies: 'Diving|Baking' },
			phone_field: 'phone1',
			next_calldate: '2024-04-03 10:00:00',
		};
		expect(vccRequests(sandbox())[0]).toMatchObject({ method: 'POST', path: '/v2/projects/214/records', body });
		expect(jsonOf(result)).toEqual([{ projectid: 214, ...body, result: true }]);
		expect(sandbox().vcclive.records.get('214', '21404')?.data).toEqual(body.form);
	});

	it.each([
		[[], 'Fields is empty'],
		[[{ name: ' ', value: 'x' }], 'A field of Fields has no name'],
		[[{ name: 'name', value: 'a' }, { name: 'name', value: 'b' }], 'The field "name" is given twice'],
	])('refuses %j before any request', async (given, message) => {
		const result = await runVccLive(sandbox(), add(given));
		expect(result.error?.message).toBe(message);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('is sent once when the connection drops after VCC Live added it: no second record to dial', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: Infinity, fault: { kind: 'dropAfterProcessing' } });
		const result = await runVccLive(sandbox(), add(fields));
		expect(vccRequests(sandbox())).toHaveLength(1);
		expect(sandbox().vcclive.records.recordIdsOf(214)).toEqual([21401, 21402, 21403, 21404]);
		expect(result.error?.message).toMatch(/^The outcome is unknown/);
		expect(result.error?.description).toContain("Look for the record in project 214's database");
	});
});

describe('Record → Batch Modify', () => {
	const batchModify = (recordIds: string, fields: Array<{ name: string; value: string }>) => ({
		resource: 'record',
		operation: 'batchModify',
		projectId: '214',
		recordIds,
		form: { field: fields },
	});

	it('sends one PUT …/records with an element per record, and the records change', async () => {
		const result = await runVccLive(sandbox(), batchModify('21401, 21402', [{ name: 'city', value: 'Pécs' }]));
		expect(result.error).toBeUndefined();
		expect(vccRequests(sandbox())).toHaveLength(1);
		expect(vccRequests(sandbox())[0]).toMatchObject({
			method: 'PUT',
			path: '/v2/projects/214/records',
			body: { elements: [{ numberid: '21401', form: { city: 'Pécs' } }, { numberid: '21402', form: { city: 'Pécs' } }] },
		});
		expect(sandbox().vcclive.records.get('214', '21402')?.data.city).toBe('Pécs');
		expect(sandbox().vcclive.records.get('214', '21403')?.data.city).not.toBe('Pécs');
		expect(jsonOf(result)).toEqual([
			{ projectid: 214, numberid: 21401, city: 'Pécs', result: true, error: null, errorcode: null },
			{ projectid: 214, numberid: 21402, city: 'Pécs', result: true, error: null, errorcode: null },
		]);
	});

	it.each([
		['21401', [], 'Fields is empty'],
		['21401;x', [{ name: 'city', value: 'Pécs' }], 'each of Record IDs must be a whole number, got "x"'],
	])('refuses %p with %j before any request', async (recordIds, fields, message) => {
		const result = await runVccLive(sandbox(), batchModify(recordIds, fields));
		expect(result.error?.message).toBe(message);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('is sent once when the connection drops after VCC Live changed the records', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: Infinity, fault: { kind: 'dropAfterProcessing' } });
		const result = await runVccLive(sandbox(), batchModify('21401', [{ name: 'city', value: 'Pécs' }]));
		expect(vccRequests(sandbox())).toHaveLength(1);
		expect(sandbox().vcclive.records.get('214', '21401')?.data.city).toBe('Pécs');
		expect(result.error?.message).toMatch(/^The outcome is unknown/);
	});

	it('is not retried after a 502', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: Infinity, fault: { kind: 'status', status: 502 } });
		const result = await runVccLive(sandbox(), batchModify('21401', [{ name: 'city', value: 'Pécs' }]));
		expect(vccRequests(sandbox())).toHaveLength(1);
		expect(result.error?.description).toContain('Get a few of the records of project 214 (Record → Get) and look at their data');
	});
});
