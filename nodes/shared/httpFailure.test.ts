import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FullResponse } from './httpFailure';
import { readHttpFailure } from './httpFailure';

const node: INode = { id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

/**
 * Stands in for axios's AxiosError: n8n's NodeApiError recognises it by its class name and
 * reads `response.status` from it, as it does for a real one.
 */
class AxiosError extends Error {
	readonly isAxiosError = true;
	readonly config = { url: 'https://api.example.com/x' };

	constructor(
		message: string,
		readonly code?: string,
		readonly response?: { status: number; headers: Record<string, string>; data?: unknown },
	) {
		super(message);
		this.name = 'AxiosError';
	}
}

const statusError = (status: number, data?: unknown, headers: Record<string, string> = {}) =>
	new AxiosError(`Request failed with status code ${status}`, status < 500 ? 'ERR_BAD_REQUEST' : 'ERR_BAD_RESPONSE', {
		status,
		headers,
		data,
	});

/** What n8n-core's httpRequestWithAuthentication throws: `new NodeApiError(node, axiosError)`. */
const wrapped = (error: Error) => new NodeApiError(node, error as unknown as JsonObject);

/** The same as n8n-workflow ≥ 2.41 leaves it: the axios error kept as `cause` (2.8 drops it). */
function wrappedKeepingCause(error: Error) {
	const apiError = wrapped(error);
	Object.defineProperty(apiError, 'cause', { value: error });
	return apiError;
}

/** What the LiveVox transport throws for a full response with a failing status. */
const failedResponse = (response: FullResponse) => new NodeApiError(node, response as unknown as JsonObject);

describe('readHttpFailure on a failed full response (the transport wraps it in NodeApiError)', () => {
	it('reads status, Retry-After and the JSON body', () => {
		const error = failedResponse({ statusCode: 429, headers: { 'retry-after': '3' }, body: { code: 429, message: 'Too Many Requests' } });
		expect(readHttpFailure(error)).toEqual({
			status: 429,
			retryAfter: '3',
			body: { code: 429, message: 'Too Many Requests' },
			timedOut: false,
		});
	});

	it('reads a Retry-After given as an HTTP date, unchanged', () => {
		const error = failedResponse({ statusCode: 503, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }, body: '' });
		expect(readHttpFailure(error)).toEqual({ status: 503, retryAfter: 'Wed, 21 Oct 2015 07:28:00 GMT', body: undefined, timedOut: false });
	});

	it('parses a JSON body that came as a Buffer or a string, and keeps other text as it is', () => {
		const body = (value: unknown) => readHttpFailure(failedResponse({ statusCode: 500, headers: {}, body: value })).body;
		expect(body(Buffer.from('{"code":500,"message":"boom"}'))).toEqual({ code: 500, message: 'boom' });
		expect(body('{"message":"no service"}')).toEqual({ message: 'no service' });
		expect(body(Buffer.from('plain words'))).toBe('plain words');
		expect(body('<html>Bad Gateway</html>')).toBe('<html>Bad Gateway</html>');
		expect(body(null)).toBeUndefined();
	});

	it('has no Retry-After when the response had none', () => {
		expect(readHttpFailure(failedResponse({ statusCode: 404, headers: {}, body: {} })).retryAfter).toBeUndefined();
	});
});

describe('readHttpFailure on an axios error with a response', () => {
	const tooManyRequests = () => statusError(429, { code: 429, message: 'Too Many Requests' }, { 'retry-after': '3' });
	const expected = { status: 429, retryAfter: '3', body: { code: 429, message: 'Too Many Requests' }, timedOut: false };

	it('reads status, Retry-After and body from the axios error itself', () => {
		expect(readHttpFailure(tooManyRequests())).toEqual(expected);
	});

	it('reads them through NodeApiError when it keeps the axios error as cause', () => {
		expect(readHttpFailure(wrappedKeepingCause(tooManyRequests()))).toEqual(expected);
	});

	it('reads them several causes deep', () => {
		const outer = Object.assign(new Error('outer'), { cause: Object.assign(new Error('middle'), { cause: tooManyRequests() }) });
		expect(readHttpFailure(outer)).toEqual(expected);
	});

	it.each([400, 401, 403, 404, 422, 429, 500, 502, 503])(
		'reads status %i and an object body from the NodeApiError n8n-workflow 2.8 throws (Retry-After is lost there)',
		(status) => {
			const failure = readHttpFailure(wrapped(statusError(status, { code: status, message: 'vendor says no' }, { 'retry-after': '3' })));
			expect(failure).toEqual({ status, body: { code: status, message: 'vendor says no' }, timedOut: false });
		},
	);

	it('parses a Buffer body, directly and through NodeApiError', () => {
		const error = () => statusError(500, Buffer.from('{"code":500,"message":"boom"}'));
		expect(readHttpFailure(error()).body).toEqual({ code: 500, message: 'boom' });
		expect(readHttpFailure(wrapped(error())).body).toEqual({ code: 500, message: 'boom' });
	});

	it('keeps a string body from the axios error', () => {
		expect(readHttpFailure(statusError(502, 'Bad Gateway')).body).toBe('Bad Gateway');
		expect(readHttpFailure(wrappedKeepingCause(statusError(502, 'Bad Gateway')))).toMatchObject({ status: 502, body: 'Bad Gateway' });
	});
});

describe('readHttpFailure on a failure without an answer', () => {
	const cases: Array<[string, () => Error, string, boolean]> = [
		['reset', () => new AxiosError('read ECONNRESET', 'ECONNRESET'), 'ECONNRESET', false],
		['socket hang up', () => new AxiosError('socket hang up', 'ECONNRESET'), 'ECONNRESET', false],
		['refused', () => new AxiosError('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'), 'ECONNREFUSED', false],
		['unknown host', () => new AxiosError('getaddrinfo ENOTFOUND api.example.com', 'ENOTFOUND'), 'ENOTFOUND', false],
		['DNS failure', () => new AxiosError('getaddrinfo EAI_AGAIN api.example.com', 'EAI_AGAIN'), 'EAI_AGAIN', false],
		['unreachable', () => new AxiosError('connect EHOSTUNREACH 10.0.0.1:443', 'EHOSTUNREACH'), 'EHOSTUNREACH', false],
		['broken pipe', () => new AxiosError('write EPIPE', 'EPIPE'), 'EPIPE', false],
		['axios timeout', () => new AxiosError('timeout of 1000ms exceeded', 'ECONNABORTED'), 'ETIMEDOUT', true],
		['connect timeout', () => new AxiosError('connect ETIMEDOUT 10.0.0.1:443', 'ETIMEDOUT'), 'ETIMEDOUT', true],
	];

	describe.each([
		['the axios error itself', (error: Error): unknown => error],
		['NodeApiError from n8n-workflow 2.8', wrapped],
		['NodeApiError keeping the cause', wrappedKeepingCause],
	])('from %s', (_label, wrap) => {
		it.each(cases)('reads %s', (_name, error, networkCode, timedOut) => {
			expect(readHttpFailure(wrap(error()))).toEqual({ networkCode, timedOut });
		});
	});

	it('reads a plain Node error with a code', () => {
		expect(readHttpFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toEqual({
			networkCode: 'ECONNRESET',
			timedOut: false,
		});
		expect(readHttpFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toEqual({
			networkCode: 'ECONNREFUSED',
			timedOut: false,
		});
	});

	it.each([
		['getaddrinfo EAI_AGAIN api.example.com', 'EAI_AGAIN'],
		['getaddrinfo ENOTFOUND api.example.com', 'ENOTFOUND'],
		['connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'],
		['socket hang up', 'ECONNRESET'],
	])('guesses the code from the text %p when no code is left', (message, networkCode) => {
		expect(readHttpFailure(new Error(message))).toEqual({ networkCode, timedOut: false });
	});

	it('counts a timeout message without a code as a timeout', () => {
		expect(readHttpFailure(new Error('timeout of 60000ms exceeded'))).toEqual({ networkCode: 'ETIMEDOUT', timedOut: true });
	});

	it('falls back to ECONNRESET for an error that says nothing more', () => {
		expect(readHttpFailure(new Error('something broke'))).toEqual({ networkCode: 'ECONNRESET', timedOut: false });
		expect(readHttpFailure('a string')).toEqual({ networkCode: 'ECONNRESET', timedOut: false });
		expect(readHttpFailure(undefined)).toEqual({ networkCode: 'ECONNRESET', timedOut: false });
	});

	it('does not loop on an error that is its own cause', () => {
		const error: Error & { cause?: unknown } = new Error('read ECONNRESET');
		error.cause = error;
		expect(readHttpFailure(error)).toEqual({ networkCode: 'ECONNRESET', timedOut: false });
	});
});
