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

const object = (value: unknown): IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};

/** Readable name → VCC Live's key. */
type Names = Record<string, string>;

/** The fields of `body` named in `names`, under their readable names; absent ones left out. */
function rename(body: IDataObject, names: Names): IDataObject {
	const fields: IDataObject = {};
	for (const [readable, key] of Object.entries(names)) if (body[key] !== undefined) fields[readable] = body[key];
	return fields;
}

/** The fields dispositions and payments share: the call, the record, the project, the agent, when. */
const CALL: Names = {
	callId: 'uuid',
	recordId: 'numberid',
	projectId: 'projectid',
	agentId: 'userid',
	agentUsername: 'username',
	timestamp: 'timestamp',
	teamIds: 'teamids',
	clientData: 'client_data',
};

/** Call Disposition (Async): the documented request object. */
const DISPOSITION: Names = {
	...CALL,
	projectName: 'projectName',
	agentName: 'agentName',
	agentComment: 'agent_description',
	direction: 'direction',
	callerNumber: 'source',
	calledNumber: 'destination',
	disposition: 'disposition',
	dispositionTime: 'create_time',
	firstOutboundCallAttempt: 'first_outbound_call_attempt',
	attemptedCalls: 'sum_attempted_calls',
	nextCallDate: 'next_calldate',
	nextContactId: 'nextContactId',
	phoneId: 'phone_id',
	callStartTime: 'call_start_time',
};

/** Payment Transaction (Async): the payment object. */
const PAYMENT: Names = {
	status: 'status',
	statusMessage: 'status_message',
	amount: 'amount',
	currency: 'currency',
	transactionId: 'transactionid',
	paymentType: 'payment_type',
	paymentGateway: 'payment_gw',
	virtualPosId: 'vposid',
	cardNumberLength: 'card_number_length',
	cardNumberLastDigits: 'card_number_trailing',
	cardExpiration: 'card_expiration',
	token: 'token',
};

/** IVR (Sync): the documented system variables. */
const IVR: Names = {
	customer: 'customer',
	projectId: 'projectid',
	callerNumber: 'source',
	calledNumber: 'destination',
	callId: 'uuid',
	callShortId: 'vccsys_shortid',
};

/** Project Login (Sync): the agent asking to log in and the projects to grant or deny. */
const PROJECT_LOGIN: Names = {
	projectId: 'projectId',
	secondaryProjectIds: 'secondaryProjectIds',
	agentId: 'userId',
	agentUsername: 'username',
	groupId: 'groupId',
	customData: 'customData',
};

function readDisposition(body: IDataObject): IDataObject {
	const disposition = object(body.disposition);
	// The documentation spells the key "assesment"; the corrected spelling is read too.
	const assessment = disposition.assesment ?? disposition.assessment;
	return {
		...rename(body, DISPOSITION),
		...(assessment === undefined ? {} : { assessment }),
		...(body.closed === undefined ? {} : { recordClosed: Number(body.closed) === 1 }),
	};
}

function readPayment(body: IDataObject): IDataObject {
	const payment = rename(object(body.payment), PAYMENT);
	// What a flow checks first, beside the call: the status, the amount and the transaction.
	const summary = rename(payment, { paymentStatus: 'status', amount: 'amount', currency: 'currency', transactionId: 'transactionId' });
	return { ...rename(body, { ...CALL, inCall: 'in_call' }), ...summary, payment };
}

const readers: Record<VccLiveEvent, (body: IDataObject) => IDataObject> = {
	callDisposition: readDisposition,
	// Mobile Disposition has no page of its own in the stored documentation: read as a disposition.
	mobileDisposition: readDisposition,
	paymentTransaction: readPayment,
	// User Created / User Changed: the stored page shows only the field "new" (the user).
	userCreated: (body) => rename(body, { user: 'new', previousUser: 'old' }),
	userModified: (body) => rename(body, { user: 'new', previousUser: 'old' }),
	// The IVR's own variables stay whole in `variables`.
	ivr: (body) => ({ ...rename(body, IVR), variables: body }),
	projectLogin: (body) => rename(body, PROJECT_LOGIN),
};

/** The documented fields of an event under readable names (the body as received is kept apart). */
export function readEvent(event: VccLiveEvent, body: IDataObject): IDataObject {
	return readers[event](body);
}
