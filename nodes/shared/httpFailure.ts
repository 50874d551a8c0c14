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
 * n8n swaps the message of a network error for a sentence of its own; where no code is
 * left to read, these are the sentences and raw texts each code comes back as.
 */
const NETWORK_SIGNS: Array<[code: string, pattern: RegExp]> = [
	['ETIMEDOUT', /timeout of \d+ms exceeded|ETIMEDOUT|ESOCKETTIMEDOUT|timed out|connection was aborted|ECONNABORTED/i],
	['ECONNREFUSED', /ECONNREFUSED|refused the connection/i],
	['EAI_AGAIN', /EAI_AGAIN|DNS server returned an error/i],
	['ENOTFOUND', /ENOTFOUND|getaddrinfo|incorrect host/i],
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

/** The error and the errors it wraps (`cause`), outermost first. */
function causeChain(error: Record<string, unknown>): Array<Record<string, unknown>> {
	const chain: Array<Record<string, unknown>> = [];
	for (let current: unknown = error; isObject(current) && chain.length < 5 && !chain.includes(current); current = current.cause) {
		chain.push(current);
	}
	return chain;
}

/** A failure with an answer: its status, Retry-After and body. */
export function answered(status: number, headers: unknown, body: unknown): HttpFailure {
	const retryAfter = isObject(headers) ? headers['retry-after'] : undefined;
	return {
		status,
		retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
		body: parseBody(body),
		timedOut: false,
	};
}

/** What a failed answer (read with its status, not thrown) tells: status, Retry-After, body. */
export const readAnswer = (response: FullResponse): HttpFailure => answered(response.statusCode, response.headers, response.body);

const NODE_ERROR_CODE = /^E[A-Z0-9_]+$/;
/** Node's code for a stream that ended before it was complete: what a body cut in the middle is. */
export const CUT_BODY_CODE = 'ERR_STREAM_PREMATURE_CLOSE';
const CUT_BODY = /stream has been aborted|premature close/i;
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);

/**
 * Reads status, Retry-After, body and network code from what a request threw: a failed
 * full response (our own `failedResponse`), an axios error (thrown as it is, or kept as the
 * `cause` of n8n's NodeApiError from n8n-workflow 2.41 on), n8n's NodeApiError (status or
 * network code in `httpCode`, body in `context.data`), or a network error.
 */
export function readHttpFailure(error: unknown): HttpFailure {
	if (!isObject(error)) return { networkCode: 'ECONNRESET', timedOut: false };
	const response = error.errorResponse;
	if (isObject(response) && typeof response.statusCode === 'number') {
		return answered(response.statusCode, response.headers, response.body);
	}
	const chain = causeChain(error);
	const axiosResponse = chain
		.map((link) => link.response)
		.find((candidate): candidate is Record<string, unknown> => isObject(candidate) && typeof candidate.status === 'number');
	if (axiosResponse) return answered(axiosResponse.status as number, axiosResponse.headers, axiosResponse.data);
	const httpCode = Number(error.httpCode);
	if (Number.isInteger(httpCode) && httpCode >= 100) {
		const context = isObject(error.context) ? error.context : {};
		return { status: httpCode, body: parseBody(context.data), timedOut: false };
	}
	// Node's code, on the error or a cause, or where n8n-workflow 2.8 leaves it (`httpCode`).
	const code = chain
		.flatMap((link) => [link.code, link.httpCode])
		.find((candidate): candidate is string => typeof candidate === 'string' && NODE_ERROR_CODE.test(candidate));
	const texts = chain
		.flatMap((link) => [link.message, ...(Array.isArray(link.messages) ? link.messages : [])])
		.filter((text): text is string => typeof text === 'string');
	// axios's word for an answer cut off in the middle of its body (the connection was reset
	// after the headers): a network failure like a reset, not a bad answer to read.
	if (code === 'ERR_BAD_RESPONSE' && texts.some((text) => CUT_BODY.test(text))) {
		return { networkCode: CUT_BODY_CODE, timedOut: false };
	}
	if (code !== undefined) {
		return TIMEOUT_CODES.has(code) ? { networkCode: 'ETIMEDOUT', timedOut: true } : { networkCode: code, timedOut: false };
	}
	const guessed = networkCode(texts);
	return { networkCode: guessed, timedOut: guessed === 'ETIMEDOUT' };
}
