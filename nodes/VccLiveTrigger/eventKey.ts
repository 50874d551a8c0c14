import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { VccLiveEvent } from './events';

/** JSON with object keys sorted at every level, so equal bodies give equal text. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as IDataObject)
			.filter(([, inner]) => inner !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([name, inner]) => `${JSON.stringify(name)}:${canonicalJson(inner)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

const present = (parts: unknown[]) => parts.every((part) => part !== undefined && part !== null && part !== '');

/**
 * What identifies one occurrence of an event, from its own ids and time: a disposition by call,
 * record, project and time; a payment by call, transaction, status (the in-progress and the final
 * object are two events) and time. Events without documented ids (users, IVR, Project Login),
 * or a body missing them, are identified by their whole body.
 */
function identity(event: VccLiveEvent, body: IDataObject): unknown[] {
	if (event === 'callDisposition' || event === 'mobileDisposition') {
		const parts = [body.uuid, body.numberid, body.projectid, body.timestamp ?? body.create_time];
		if (present(parts)) return parts;
	}
	if (event === 'paymentTransaction') {
		const payment = (body.payment ?? {}) as IDataObject;
		const parts = [body.uuid, payment.transactionid, payment.status, body.timestamp];
		if (present(parts)) return parts;
	}
	return [canonicalJson(body)];
}

/** A stable key for an event: a resend of the same event gets the same key (SHA-256, hex). */
export function eventKey(event: VccLiveEvent, body: IDataObject): string {
	return createHash('sha256').update(canonicalJson([event, ...identity(event, body)])).digest('hex');
}
