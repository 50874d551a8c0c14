import type { IDataObject } from 'n8n-workflow';

import type { Read } from './bodyCipher';

/** A form body as the IVR's "Content type is form" sends it: key1=value1&key2=value2. */
const FORM = /^[^=&\s]+=[^&]*(?:&[^=&\s]+=[^&]*)*$/;

/**
 * The event object of a request body (after decryption): a JSON object, as the async events
 * and Project Login send it, or a form body, as the IVR may. Anything else is refused.
 */
export function readBody(text: string): Read<IDataObject> {
	const trimmed = text.trim();
	if (trimmed.startsWith('{')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(trimmed);
		} catch {
			return { unreadable: 'The body is not valid JSON' };
		}
		if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
			return { unreadable: 'The body is not a JSON object' };
		}
		return { value: parsed as IDataObject };
	}
	if (FORM.test(trimmed)) {
		const fields: IDataObject = {};
		for (const [name, value] of new URLSearchParams(trimmed)) fields[name] = value;
		return { value: fields };
	}
	return { unreadable: trimmed === '' ? 'The body is empty' : 'The body is neither a JSON object nor form fields' };
}

/** URL parameters that belong to the webhook's security, never to the event: they stay out of items. */
export function withoutSecurityParameters(query: IDataObject, secretParameter: string): IDataObject {
	const fields: IDataObject = {};
	for (const [name, value] of Object.entries(query)) {
		if (name === 'iv' || name === secretParameter) continue;
		fields[name] = value;
	}
	return fields;
}
