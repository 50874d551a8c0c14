import type { IDataObject } from 'n8n-workflow';

/**
 * The webhook events of VCC Live's developer pages (About Webhooks). Async events are answered
 * at once with 200 OK (Responding to Requests); sync ones wait for the workflow's answer.
 */
export type VccLiveEvent =
	| 'callDisposition'
	| 'ivr'
	| 'mobileDisposition'
	| 'paymentTransaction'
	| 'projectLogin'
	| 'userCreated'
	| 'userModified';

export const SYNC_EVENTS: readonly VccLiveEvent[] = ['ivr', 'projectLogin'];

/** Events that carry a project and a disposition, and so can be filtered by them. */
export const DISPOSITION_EVENTS: readonly VccLiveEvent[] = ['callDisposition', 'mobileDisposition'];
export const PROJECT_EVENTS: readonly VccLiveEvent[] = [...DISPOSITION_EVENTS, 'paymentTransaction'];

export const isSync = (event: VccLiveEvent) => SYNC_EVENTS.includes(event);

const defined = (fields: IDataObject): IDataObject =>
	Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

const object = (value: unknown): IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};

/** Call Disposition (Async): the documented request object under readable names. */
function readDisposition(body: IDataObject): IDataObject {
	const disposition = object(body.disposition);
	return defined({
		callId: body.uuid,
		recordId: body.numberid,
		projectId: body.projectid,
		projectName: body.projectName,
		agentId: body.userid,
		agentUsername: body.username,
		agentName: body.agentName,
		agentComment: body.agent_description,
		direction: body.direction,
		callerNumber: body.source,
		calledNumber: body.destination,
		// The documentation spells the key "assesment"; the corrected spelling is read too.
		assessment: disposition.assesment ?? disposition.assessment,
		disposition: body.disposition,
		recordClosed: body.closed === undefined ? undefined : Number(body.closed) === 1,
		dispositionTime: body.create_time,
		timestamp: body.timestamp,
		firstOutboundCallAttempt: body.first_outbound_call_attempt,
		attemptedCalls: body.sum_attempted_calls,
		nextCallDate: body.next_calldate,
		nextContactId: body.nextContactId,
		phoneId: body.phone_id,
		callStartTime: body.call_start_time,
		teamIds: body.teamids,
		clientData: body.client_data,
	});
}

/** Payment Transaction (Async): the request object and its payment object. */
function readPayment(body: IDataObject): IDataObject {
	const payment = object(body.payment);
	return defined({
		callId: body.uuid,
		recordId: body.numberid,
		projectId: body.projectid,
		agentId: body.userid,
		agentUsername: body.username,
		inCall: body.in_call,
		timestamp: body.timestamp,
		teamIds: body.teamids,
		paymentStatus: payment.status,
		amount: payment.amount,
		currency: payment.currency,
		transactionId: payment.transactionid,
		payment: defined({
			status: payment.status,
			statusMessage: payment.status_message,
			amount: payment.amount,
			currency: payment.currency,
			transactionId: payment.transactionid,
			paymentType: payment.payment_type,
			paymentGateway: payment.payment_gw,
			virtualPosId: payment.vposid,
			cardNumberLength: payment.card_number_length,
			cardNumberLastDigits: payment.card_number_trailing,
			cardExpiration: payment.card_expiration,
			token: payment.token,
		}),
		clientData: body.client_data,
	});
}

/** User Created / User Changed (Async): the stored page shows only the field "new" (the user). */
function readUser(body: IDataObject): IDataObject {
	return defined({ user: body.new, previousUser: body.old });
}

/** IVR (Sync): the documented system variables; the IVR's own variables stay in `variables`. */
function readIvr(body: IDataObject): IDataObject {
	return defined({
		customer: body.customer,
		projectId: body.projectid,
		callerNumber: body.source,
		calledNumber: body.destination,
		callId: body.uuid,
		callShortId: body.vccsys_shortid,
		variables: body,
	});
}

/** Project Login (Sync): the agent asking to log in and the projects to grant or deny. */
function readProjectLogin(body: IDataObject): IDataObject {
	return defined({
		projectId: body.projectId,
		secondaryProjectIds: body.secondaryProjectIds,
		agentId: body.userId,
		agentUsername: body.username,
		groupId: body.groupId,
		customData: body.customData,
	});
}

const readers: Record<VccLiveEvent, (body: IDataObject) => IDataObject> = {
	callDisposition: readDisposition,
	// Mobile Disposition has no page of its own in the stored documentation: read as a disposition.
	mobileDisposition: readDisposition,
	paymentTransaction: readPayment,
	userCreated: readUser,
	userModified: readUser,
	ivr: readIvr,
	projectLogin: readProjectLogin,
};

/** The documented fields of an event under readable names (the body as received is kept apart). */
export function readEvent(event: VccLiveEvent, body: IDataObject): IDataObject {
	return readers[event](body);
}
