/**
 * VCC Live webhook bodies as the developer pages document them (docs/VCC-LIVE-WEBHOOKS.md):
 * the documented fields with the sample values where a page shows a sample, plausible values
 * where it only lists a field. `seq` makes each built event a distinct occurrence.
 */
import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import type { VccLiveEvent } from '../../../nodes/VccLiveTrigger/events';
import { cdrByUuid } from './cdrData';

/** The sandbox sends the events the VCC Live Trigger knows, under the same names. */
export type WebhookEvent = VccLiveEvent;

export const WEBHOOK_EVENTS: readonly WebhookEvent[] = [
	'callDisposition',
	'mobileDisposition',
	'paymentTransaction',
	'userCreated',
	'userModified',
	'ivr',
	'projectLogin',
];

/** A webhook body: JSON values, as n8n's IDataObject describes them. */
export type Payload = IDataObject;

const pad = (value: number) => String(value).padStart(2, '0');
const at = (seq: number) => `2026-03-02 10:${pad(seq % 60)}:00`;
const isoAt = (seq: number) => `2026-03-02T10:${pad(seq % 60)}:00+01:00`;

/** The disposition object of a Call Disposition, with its assessment (spelled "assesment", as documented). */
export const dispositionObject = (assessment: string): Payload => ({ assesment: assessment, callback: 0, comission_collector: 0, comment_mode: 'allow' });

function disposition(seq: number, overrides: Payload): Payload {
	return {
		agent_description: 'Customer asked for a callback',
		agentName: 'Anna Agent',
		client_data: { name: 'Jane Customer', contacts: { phone: '36301234567' } },
		closed: 1,
		create_time: at(seq),
		destination: '36301234567',
		direction: 'out',
		disposition: dispositionObject('success'),
		first_outbound_call_attempt: at(seq),
		next_calldate: '',
		nextContactId: 1,
		numberid: 8000 + seq,
		phone_id: 1,
		projectid: 214,
		projectName: 'Outbound sales',
		source: '3615550100',
		sum_attempted_calls: 1,
		teamids: [3],
		timestamp: isoAt(seq),
		userid: 17,
		username: 'anna',
		uuid: `a7587a1a-2581-4dfe-b9aa-${String(seq).padStart(12, '0')}`,
		...overrides,
	};
}

const builders: Record<WebhookEvent, (seq: number, overrides: Payload) => Payload> = {
	callDisposition: disposition,
	mobileDisposition: disposition,
	// The page's sample body, with a call and a record of its own per event.
	paymentTransaction: (seq, overrides) => ({
		payment: {
			payment_type: 'creditcard',
			card_number_trailing: '1234',
			card_number_length: 16,
			card_expiration: '1218',
			payment_gw: 'testgw',
			transactionid: `431fba930c344aa0b6d6445882${String(seq).padStart(6, '0')}`,
			amount: 100000,
			currency: 'huf',
			status: 'successful',
			status_message: 'cde.success',
			vposid: null,
			token: null,
		},
		in_call: true,
		uuid: `b7587a1a-2581-4dfe-b9aa-${String(seq).padStart(12, '0')}`,
		numberid: 9000 + seq,
		projectid: 214,
		teamids: [3],
		timestamp: isoAt(seq),
		userid: 17,
		username: 'anna',
		...overrides,
	}),
	userCreated: (seq, overrides) => ({ new: { userid: 100 + seq, username: `agent${seq}`, name: `Agent ${seq}` }, ...overrides }),
	userModified: (seq, overrides) => ({
		new: { userid: 100 + seq, username: `agent${seq}`, name: `Agent ${seq} (renamed)` },
		old: { userid: 100 + seq, username: `agent${seq}`, name: `Agent ${seq}` },
		...overrides,
	}),
	// The system variables, and one "Get digits" variable of the IVR's own.
	ivr: (seq, overrides) => ({
		customer: 'acme',
		projectid: 4,
		source: '3615550100',
		destination: '3615550999',
		uuid: `c7587a1a-2581-4dfe-b9aa-${String(seq).padStart(12, '0')}`,
		vccsys_shortid: `s${seq}`,
		pin: '1234',
		...overrides,
	}),
	// The page's sample request body.
	projectLogin: (seq, overrides) => ({
		projectId: 1,
		userId: 2 + seq,
		username: 'x',
		groupId: 2,
		customData: [],
		secondaryProjectIds: [2, 3, 4, 5],
		...overrides,
	}),
};

export function buildPayload(event: WebhookEvent, seq: number, overrides: Payload = {}): Payload {
	return builders[event](seq, overrides);
}

/**
 * The fields of a disposition set after one of the sandbox's calls (a CDR UUID of the sandbox,
 * yyyymmdd-pppp-4000-8000-00000000iiii): its record, project, agent, direction and numbers, set
 * when the call ended, with the given assessment — overrides for a Call Disposition, so that
 * Record → Get and Statistic → Get CDR find what the event names.
 */
export function sandboxCallDisposition(uuid: string, assessment: string): Payload {
	const match = /^(\d{4})(\d{2})\d{2}-/.exec(uuid);
	const cdr = match ? cdrByUuid(Number(match[1]), Number(match[2]), uuid) : undefined;
	if (!cdr) throw new Error(`${uuid} is not a call of the sandbox (yyyymmdd-pppp-4000-8000-00000000iiii, see the IDs to try)`);
	const ended = DateTime.fromFormat(cdr.billing_ts, 'yyyy-MM-dd HH:mm:ss', { zone: 'UTC' }).plus({ seconds: cdr.billingtime });
	return {
		uuid: cdr.uuid,
		numberid: cdr.numberid,
		projectid: cdr.projectid,
		userid: cdr.userid,
		direction: cdr.direction === 'inbound' ? 'in' : 'out',
		source: cdr.source,
		destination: cdr.destination,
		create_time: ended.toFormat('yyyy-MM-dd HH:mm:ss'),
		timestamp: ended.toISO({ suppressMilliseconds: true }),
		disposition: dispositionObject(assessment),
	};
}
