import { timingSafeEqual } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { decryptBody, type Read } from './bodyCipher';
import { eventKey } from './eventKey';
import { isSync, readEvent, type VccLiveEvent } from './events';
import { type EventFilters, passesFilters } from './filters';
import { readBody, withoutSecurityParameters } from './payload';

export interface WebhookRequest {
	method: string;
	query: IDataObject;
	/** The body as received, before any parsing; empty for GET. */
	rawBody: string;
}

export interface ReceiveSettings {
	event: VccLiveEvent;
	filters: EventFilters;
	/** The URL parameter holding the secret key, and the key; undefined: not checked. */
	secretParameter: string;
	urlSecretKey?: string;
	/** The body's encryption key; undefined: bodies are plain. */
	encryptionKey?: string;
}

export type Outcome =
	| { kind: 'refused'; status: 400 | 401; message: string }
	| { kind: 'filteredOut' }
	| { kind: 'event'; item: IDataObject };

const sameSecret = (given: string, expected: string) => {
	const a = Buffer.from(given, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
};

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * What to do with one webhook request: refuse it (wrong secret key: 401; a body that cannot be
 * decrypted or read: 400), drop it (an async event the filters leave out) or start the workflow
 * with one item. Nothing here ever puts a secret into a message or an item.
 */
export function receive(request: WebhookRequest, settings: ReceiveSettings, receivedAt: string): Outcome {
	if (settings.urlSecretKey !== undefined) {
		const given = firstValue(request.query[settings.secretParameter]);
		if (typeof given !== 'string' || !sameSecret(given, settings.urlSecretKey)) {
			return { kind: 'refused', status: 401, message: 'Unauthorized' };
		}
	}
	const fields = withoutSecurityParameters(request.query, settings.secretParameter);
	const read = readRequest(request, settings, fields);
	if ('unreadable' in read) return { kind: 'refused', status: 400, message: read.unreadable };
	const body = read.value;
	// A dynamic URL may carry variables of its own beside a body.
	const urlParameters = read.value === fields || Object.keys(fields).length === 0 ? undefined : fields;
	if (!isSync(settings.event) && !passesFilters(settings.event, body, settings.filters)) {
		return { kind: 'filteredOut' };
	}
	return {
		kind: 'event',
		item: {
			event: settings.event,
			eventKey: eventKey(settings.event, body),
			...readEvent(settings.event, body),
			receivedAt,
			body,
			...(urlParameters ? { urlParameters } : {}),
		},
	};
}

/** The event object: from the URL for a GET or DELETE without body (IVR, Project Login), else from the body. */
function readRequest(request: WebhookRequest, settings: ReceiveSettings, fields: IDataObject): Read<IDataObject> {
	if (request.rawBody.trim() === '' && ['GET', 'DELETE'].includes(request.method.toUpperCase())) return { value: fields };
	if (settings.encryptionKey === undefined) return readBody(request.rawBody);
	const text = decryptBody(request.rawBody, settings.encryptionKey, stringOrUndefined(firstValue(request.query.iv)));
	return 'unreadable' in text ? text : readBody(text.value);
}

function stringOrUndefined(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}
