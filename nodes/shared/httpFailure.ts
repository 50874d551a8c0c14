import type { FailureFacts } from './retry';

/** What a failed HTTP call tells us. */
export interface HttpFailure extends FailureFacts {
	/** The response body, parsed when it was JSON. */
	body?: unknown;
	/** Whether the failure was the request timeout. */
	timedOut: boolean;
}

/** A response as n8n's helpers return it with `returnFullResponse`. */
export interface FullResponse<T = unknown> {
	body: T;
	headers: Record<string, unknown>;
	statusCode: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

function parseBody(data: unknown): unknown {
	if (data === undefined || data === null || data === '') return undefined;
	const text = Buffer.isBuffer(data) ? data.toString('utf8') : data;
	if (typeof text !== 'string') return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * n8n swaps the message of a network error for a sentence of its own and drops the error
 * code (NodeApiError keeps neither the axios error nor its `code`); these are the
 * sentences and raw texts each code comes back as.
 */
const NETWORK_SIGNS: Array<[code: string, pattern: RegExp]> = [
	['ETIMEDOUT', /timeout of \d+ms exceeded|ETIMEDOUT|ESOCKETTIMEDOUT|timed out|connection was aborted|ECONNABORTED/i],
	['ECONNREFUSED', /ECONNREFUSED|refused the connection/i],
	['ENOTFOUND', /ENOTFOUND|getaddrinfo|incorrect host/i],
	['EAI_AGAIN', /EAI_AGAIN|DNS server returned an error/i],
	['EHOSTUNREACH', /EHOSTUNREACH|host is unreachable/i],
	['EPIPE', /EPIPE/],
	['ECONNRESET', /ECONNRESET|socket hang up|closed unexpectedly|closed the connection|aborted/i],
];

function networkCode(texts: string[]): string {
	for (const [code, pattern] of NETWORK_SIGNS) {
		if (texts.some((text) => pattern.test(text))) return code;
	}
	return 'ECONNRESET';
}

/**
 * Reads status, Retry-After, body and network code from what a request threw: a failed
 * full response (our own `failedResponse`), n8n's NodeApiError (status in `httpCode`, body
 * in `context.data`), or a network error.
 */
export function readHttpFailure(error: unknown): HttpFailure {
	if (!isObject(error)) return { networkCode: 'ECONNRESET', timedOut: false };
	const response = error.errorResponse;
	if (isObject(response) && typeof response.statusCode === 'number') {
		const headers = isObject(response.headers) ? response.headers : {};
		const retryAfter = headers['retry-after'];
		return {
			status: response.statusCode,
			retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
			body: parseBody(response.body),
			timedOut: false,
		};
	}
	const httpCode = Number(error.httpCode);
	if (Number.isInteger(httpCode) && httpCode >= 100) {
		const context = isObject(error.context) ? error.context : {};
		return { status: httpCode, body: parseBody(context.data), timedOut: false };
	}
	const texts = [error.message, ...(Array.isArray(error.messages) ? error.messages : []), error.code]
		.filter((text): text is string => typeof text === 'string');
	const code = networkCode(texts);
	return { networkCode: code, timedOut: code === 'ETIMEDOUT' };
}
