/**
 * The projects' records, with state: three per project (recordIdsOf), each with custom data,
 * a contact, the dispositions set on it ("events", to which Add Disposition appends) and its
 * CDRs of 1 April 2024. Shapes follow "Get detailed record information" and "Add disposition".
 */
import { DateTime } from 'luxon';

import type { SandboxResponse } from '../types';
import { isPlainObject } from '../types';
import type { Cdr } from './cdrData';
import { cdrsOfDay, recordIdsOf } from './cdrData';
import { PROJECTS } from './inboundData';

export interface SandboxRecord {
	[key: string]: unknown;
	data: Record<string, unknown>;
	contacts: Record<string, { email: string; name: string; phone: string; title: string }>;
	events: Array<Record<string, unknown>>;
	cdrs: Cdr[];
	create_date: string;
	create_date_utc: string;
}

/** The day whose CDRs the records carry. */
export const RECORD_CDR_DAY = DateTime.fromISO('2024-04-01', { zone: 'UTC' });

function seedRecord(projectid: number, numberid: number): SandboxRecord {
	const index = numberid % 100;
	return {
		data: { name: `Customer ${numberid}`, city: ['Budapest', 'Debrecen', 'Szeged'][index % 3], product: index },
		contacts: { phone1: { email: `customer${numberid}@example.com`, name: `Customer ${numberid}`, phone: `3620${String(numberid).padStart(7, '0')}`, title: 'customer' } },
		events: [{ dispositionid: 1, userid: 17, create_date: '2024-03-28 10:00:00', description: 'first call' }],
		cdrs: cdrsOfDay(RECORD_CDR_DAY, projectid).filter((cdr) => cdr.numberid === numberid),
		create_date: '2024-03-01 09:00:00',
		create_date_utc: '2024-03-01 08:00:00',
	};
}

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
const answer = (status: number, response: unknown, errors: unknown[] = []): SandboxResponse => ({
	status,
	headers: TEXT,
	body: JSON.stringify({ response, errors }),
});

/**
 * Not in the pages we hold: the answer to an unknown project or record. The imitation says
 * 404 with the envelope's error "error.not_found", as it does for an unknown path.
 */
export const notFound = () => answer(404, null, ['error.not_found']);

/** How many phone fields (phone1, phone2, …) each project has: contacts beyond them do not exist. */
export const PHONE_FIELDS: Readonly<Record<number, number>> = { 4: 1, 214: 2, 370: 1 };

/** Modify contact's documented error shape: `response` false, errors as objects. */
const contactError = (code: string) => answer(417, false, [{ index: 1, errorcode: 417, errormessage: code }]);

export class RecordStore {
	private records = new Map<string, SandboxRecord>();

	constructor() {
		this.reset();
	}

	reset(): void {
		this.records = new Map();
		for (const project of PROJECTS) {
			for (const numberid of recordIdsOf(project.projectid)) this.records.set(`${project.projectid}/${numberid}`, seedRecord(project.projectid, numberid));
		}
	}

	/** The record IDs of a project, in order. */
	recordIdsOf(projectid: number): number[] {
		return [...this.records.keys()]
			.filter((key) => key.startsWith(`${projectid}/`))
			.map((key) => Number(key.slice(key.indexOf('/') + 1)))
			.sort((a, b) => a - b);
	}

	get(projectid: string, numberid: string): SandboxRecord | undefined {
		return this.records.get(`${projectid}/${numberid}`);
	}

	/** GET /v2/projects/[projectid]/records/[numberid] */
	read(projectid: string, numberid: string): SandboxResponse {
		const record = this.get(projectid, numberid);
		return record ? answer(200, record) : notFound();
	}

	/**
	 * PUT /v2/projects/[projectid]/records/[numberid] ("Modify record"): the body's key value
	 * pairs are merged into the record's data, `next_contact` (phone1 … phone9) is kept as the
	 * record's next number; the answer is `true`. The page's error example is cut short in the
	 * copies: an empty body is 417 error.argument_missing_or_empty here, as for Add.
	 */
	modify(projectid: string, numberid: string, body: unknown, query: Record<string, unknown>): SandboxResponse {
		const record = this.get(projectid, numberid);
		if (!record) return notFound();
		if (!isPlainObject(body) || Object.keys(body).length === 0) return answer(417, false, ['error.argument_missing_or_empty']);
		const next = query.next_contact;
		if (next !== undefined && !(typeof next === 'string' && /^phone[1-9]$/.test(next))) return answer(417, false, ['error.argument_format_error']);
		record.data = { ...record.data, ...body };
		if (typeof next === 'string') record.next_contact = next;
		return answer(200, true);
	}

	/**
	 * PUT .../contacts/[contact]: the fields given are set on the contact (phone1, phone2, …);
	 * a contact beyond the project's phone fields is error.contact_not_exists, a bad email
	 * error.wrong_email_format (the two codes the page documents, with 417).
	 */
	modifyContact(projectid: string, numberid: string, contact: string, body: unknown): SandboxResponse {
		const record = this.get(projectid, numberid);
		if (!record) return notFound();
		const index = Number(contact);
		if (!(index >= 1 && index <= (PHONE_FIELDS[Number(projectid)] ?? 1))) return contactError('error.contact_not_exists');
		const given = isPlainObject(body) ? body : {};
		if (typeof given.email === 'string' && given.email !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(given.email)) {
			return contactError('error.wrong_email_format');
		}
		const key = `phone${index}`;
		const current = record.contacts[key] ?? { email: '', name: '', phone: '', title: '' };
		const fields = Object.fromEntries(['email', 'name', 'phone', 'title'].filter((name) => typeof given[name] === 'string').map((name) => [name, given[name] as string]));
		record.contacts[key] = { ...current, ...fields };
		return answer(200, true);
	}

	/**
	 * POST /v2/projects/[projectid]/records: `form` is required (417
	 * error.argument_missing_or_empty otherwise); the record gets the next ID of the project.
	 * The page says only that the answer "states whether the request is successful": the
	 * imitation answers `true`.
	 */
	add(projectid: string, body: unknown): SandboxResponse {
		if (!PROJECTS.some((project) => String(project.projectid) === projectid)) return notFound();
		const given = isPlainObject(body) ? body : {};
		if (!isPlainObject(given.form) || Object.keys(given.form).length === 0) return answer(417, null, ['error.argument_missing_or_empty']);
		const ids = this.recordIdsOf(Number(projectid));
		const numberid = (ids.at(-1) ?? Number(projectid) * 100) + 1;
		this.records.set(`${projectid}/${numberid}`, {
			data: { ...given.form },
			contacts: {},
			events: [],
			cdrs: [],
			create_date: '2024-04-02 12:00:00',
			create_date_utc: '2024-04-02 10:00:00',
			...(typeof given.phone_field === 'string' ? { phone_field: given.phone_field } : {}),
			...(typeof given.next_calldate === 'string' ? { next_calldate: given.next_calldate } : {}),
		});
		return answer(200, true);
	}

	/**
	 * PUT /v2/projects/[projectid]/records (batch record modification): each element's `form`
	 * (with the body's `default`) is merged into the data of the record its `numberid` names;
	 * the partial results, not documented in shape, are true or false as for dispositions.
	 */
	batchModify(projectid: string, body: unknown): SandboxResponse {
		return this.eachElement(projectid, body, (record, own, given) => {
			if (!isPlainObject(own.form)) return false;
			record.data = { ...record.data, ...(isPlainObject(given.default) ? given.default : {}), ...own.form };
			return true;
		});
	}

	/** A batch body's elements applied one by one to the records their `numberid` names: false for one it does not have. */
	private eachElement(
		projectid: string,
		body: unknown,
		apply: (record: SandboxRecord, element: Record<string, unknown>, given: Record<string, unknown>) => boolean,
	): SandboxResponse {
		const given = isPlainObject(body) ? body : {};
		if (!Array.isArray(given.elements) || given.elements.length === 0) return answer(417, null, ['error.argument_missing_or_empty']);
		const results = given.elements.map((element: unknown) => {
			const own = isPlainObject(element) ? element : {};
			const record = typeof own.numberid === 'string' ? this.get(projectid, own.numberid) : undefined;
			return record ? apply(record, own, given) : false;
		});
		return answer(200, results);
	}

	/**
	 * PUT /v2/projects/[projectid]/records/dispositions: the common `disposition` and each
	 * element's own keys become an event of the record its `numberid` names. The answer is
	 * "an array of partial results by elements"; their shape is not documented: the imitation
	 * answers true for a record it changed and false for one it does not have.
	 */
	batchDisposition(projectid: string, body: unknown): SandboxResponse {
		return this.eachElement(projectid, body, (record, own, given) => {
			const keys = Object.fromEntries(Object.entries(own).filter(([name]) => name !== 'numberid' && name !== 'search'));
			record.events.push({ ...(isPlainObject(given.disposition) ? given.disposition : {}), ...keys, create_date: '2024-04-02 12:00:00' });
			return true;
		});
	}

	/**
	 * POST .../dispositions: dispositionid and userid are mandatory (417
	 * error.argument_missing_or_empty, the code the inbound page documents for that case);
	 * the event is appended and the answer is `true`.
	 */
	addDisposition(projectid: string, numberid: string, body: unknown): SandboxResponse {
		const record = this.get(projectid, numberid);
		if (!record) return notFound();
		const given = isPlainObject(body) ? body : {};
		const missing = ['dispositionid', 'userid'].some((name) => typeof given[name] !== 'string' || given[name] === '');
		if (missing) return answer(417, null, ['error.argument_missing_or_empty']);
		record.events.push({ ...given, create_date: '2024-04-02 12:00:00' });
		return answer(200, true);
	}
}
