import type { FailureFacts } from './retry';

/** What a failed HTTP call tells us, read from n8n's error and the response inside it. */
export interface HttpFailure extends FailureFacts {
	/** The response body, parsed when it was JSON. */
	body?: unknown;
	/** Whether the failure was the request timeout. */
	timedOut: boolean;
	/** The low-level message, for a failure without a response (never includes request data). */
	networkMessage?: string;
}

interface ResponseLike {
	status?: number;
	headers?: Record<string, unknown>;
	data?: unknown;
}

interface ErrorLike {
	cause?: unknown;
	response?: ResponseLike;
	code?: unknown;
	message?: unknown;
	httpCode?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

/** The innermost error carrying a response or a network code (n8n wraps axios errors in `cause`). */
function innermost(error: unknown): ErrorLike | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && isObject(current); depth++) {
		const candidate = current as ErrorLike;
		if (isObject(candidate.response) || typeof candidate.code === 'string') return candidate;
		current = candidate.cause;
	}
	return isObject(error) ? (error as ErrorLike) : undefined;
}

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

/** Reads status, Retry-After, body and network code from whatever n8n's HTTP helpers threw. */
export function readHttpFailure(error: unknown): HttpFailure {
	const inner = innermost(error);
	const response = inner?.response;
	if (response && typeof response.status === 'number') {
		const retryAfter = response.headers?.['retry-after'];
		return {
			status: response.status,
			retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
			body: parseBody(response.data),
			timedOut: false,
		};
	}
	const code = typeof inner?.code === 'string' ? inner.code : undefined;
	const message = typeof inner?.message === 'string' ? inner.message : undefined;
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message ?? '');
	return {
		networkCode: timedOut ? 'ETIMEDOUT' : (code ?? 'ECONNRESET'),
		networkMessage: message,
		timedOut,
	};
}
