import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { failureWords } from '../shared/failureMessage';
import { holdCredential } from '../shared/heldCredential';
import type { FullResponse, HttpFailure } from '../shared/httpFailure';
import { readHttpFailure } from '../shared/httpFailure';
import type { RequestKind } from '../shared/retry';
import { withRetry } from '../shared/retry';
import { LoginFailed, SessionKeptExpiring } from '../shared/sessions';
import { sessionFailureWords } from '../shared/sessionWords';
import { vendorError } from '../shared/vendorError';
import { Throttle } from '../shared/throttle';
import { timeoutSecondsOf } from '../shared/timeout';
import { liveVoxBaseUrl, liveVoxPath } from './liveVoxUrl';

export const LIVEVOX_CREDENTIAL = 'liveVoxApi';
export const DEFAULT_TIMEOUT_SECONDS = 60;

export type LiveVoxContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface LiveVoxRequest {
	method: IHttpRequestMethods;
	/** The unversioned API path, e.g. /configuration/services/123. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Reads are retried on transient failures; writes never once they may have been sent. */
	kind: RequestKind;
	/** What to do, by HTTP status, where the operation knows better than the generic words. */
	hints?: Partial<Record<number, string>>;
	/** For writes: how to check whether a change whose answer was lost took effect. */
	checkAfterUnknownOutcome?: string;
	/** Extra request headers, e.g. Accept-Encoding: gzip for the CSV report. */
	headers?: Record<string, string>;
	/**
	 * For an answer that is not JSON and may be large (the Call Event Recovery CSV): reads a
	 * success's body as it arrives (n8n's HTTP layer has undone a gzip encoding), so it is
	 * never held whole, and returns what the call answers. A body that breaks off is a network
	 * failure: a read is sent again and `readBody` called afresh. Other answers are read whole.
	 */
	readBody?: (bytes: AsyncIterable<Uint8Array>) => Promise<unknown>;
	/**
	 * LiveVox codes that fail the call with these words, whether they come as the HTTP status
	 * (even a success status: the reports' "202 error") or as `code` in an error body.
	 */
	failureCodes?: Partial<Record<number, FailureCodeWords>>;
}

export interface FailureCodeWords {
	message: string;
	description: string;
}

export interface LiveVoxClient {
	request<T = unknown>(request: LiveVoxRequest): Promise<T>;
}

/** The message LiveVox put in its `{code, message}` error body, or a short plain-text body. */
function vendorMessage(body: unknown): string | undefined {
	if (typeof body === 'object' && body !== null && typeof (body as IDataObject).message === 'string') {
		return (body as IDataObject).message as string;
	}
	if (typeof body === 'string' && body.trim() !== '' && !body.trimStart().startsWith('<')) {
		return body.trim().slice(0, 300);
	}
	return undefined;
}

/** The `code` of a LiveVox error body, also when the body came as bytes. */
function bodyCode(body: unknown): number | undefined {
	let parsed = body;
	if (Buffer.isBuffer(body)) {
		if (body.length > 4096) return undefined;
		try {
			parsed = JSON.parse(body.toString('utf8'));
		} catch {
			return undefined;
		}
	}
	const code = typeof parsed === 'object' && parsed !== null ? (parsed as IDataObject).code : undefined;
	if (typeof code === 'number') return code;
	return typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : undefined;
}

/** The words for an answer whose HTTP status or body code the request lists as a failure. */
function listedFailure(request: LiveVoxRequest, status: number | undefined, body: unknown) {
	const codes = request.failureCodes;
	if (!codes) return undefined;
	const code = status !== undefined && codes[status] ? status : bodyCode(body);
	const words = code === undefined ? undefined : codes[code];
	return code !== undefined && words ? { code, words } : undefined;
}

/** A body no longer than this is kept as it arrives too, for an error code in it. */
const SHORT_BODY_BYTES = 4096;

/** A streamed answer whose body `readBody` could not read: not a network failure, so never retried. */
class UnreadableBody {
	constructor(readonly error: unknown) {}
}

/** A streamed answer: what `readBody` made of it, and the body itself when it was short. */
type ReadAnswer = FullResponse & { shortBody?: Buffer };

/** Every byte of a body that came as a stream. */
async function wholeBody(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
	const pieces: Uint8Array[] = [];
	for await (const piece of body) pieces.push(piece);
	return Buffer.concat(pieces);
}

const isStream = (body: unknown): body is AsyncIterable<Uint8Array> =>
	typeof body === 'object' && body !== null && Symbol.asyncIterator in body;

/**
 * A success read with `readBody` as it arrives. A body that breaks off ends there, and the
 * call fails with the connection's error (a network failure, retried for a read); an error
 * of `readBody` itself is not retried.
 */
async function readArriving(response: FullResponse, readBody: (bytes: AsyncIterable<Uint8Array>) => Promise<unknown>): Promise<ReadAnswer> {
	const short: Uint8Array[] = [];
	let size = 0;
	let cut: { error: unknown } | undefined;
	async function* arriving() {
		try {
			for await (const piece of response.body as AsyncIterable<Uint8Array>) {
				size += piece.length;
				if (size <= SHORT_BODY_BYTES) short.push(piece);
				yield piece;
			}
		} catch (error) {
			cut = { error };
		}
	}
	let body: unknown;
	try {
		body = await readBody(arriving());
	} catch (error) {
		body = new UnreadableBody(error);
	}
	if (cut) throw cut.error;
	if (body instanceof UnreadableBody) throw body;
	return { ...response, body, shortBody: size <= SHORT_BODY_BYTES ? Buffer.concat(short) : undefined };
}

const LOGIN_HINT =
	'Check the user name, password and access token in the credential, and that its environment or base URL is the one of your account.';

/** Errors the pipeline gives up on at once: an unreadable body, a failed login (already retried), a session that kept expiring. */
const isFinal = (error: unknown) =>
	error instanceof UnreadableBody || error instanceof LoginFailed || error instanceof SessionKeptExpiring;

/** What the credential's preAuthentication said when it failed without an HTTP answer (no session ID in the answer). */
function preAuthenticationMessage(error: unknown): string | undefined {
	for (let current = error as { message?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 5; current = current.cause as typeof current, depth++) {
		if (typeof current.message === 'string' && current.message.startsWith('LiveVox login')) return current.message;
	}
	return undefined;
}

function secretsOf(credentials: ICredentialDataDecryptedObject): unknown[] {
	return [credentials.password, credentials.accessToken, credentials.sessionId];
}

/**
 * The one place that knows LiveVox's address, authentication and errors. Every call goes
 * through n8n's httpRequestWithAuthentication with the credential read once (n8n logs in
 * when no session is stored; after a 401 it logs in again and the call is repeated once);
 * reads are retried on transient failures; after a 429 fewer calls are sent at a time.
 */
export async function liveVoxClient(
	context: LiveVoxContext,
	options: { itemIndex?: number; timeoutSeconds?: number } = {},
): Promise<LiveVoxClient> {
	const credential = await holdCredential(context, LIVEVOX_CREDENTIAL, {
		itemIndex: options.itemIndex,
		tokenField: 'sessionId',
		scope: (data) => [liveVoxBaseUrl(data), data.clientName, data.userName, data.agent === true].join('|'),
	});
	const credentials = credential.data;
	// The session the run began with too: a later login replaces it in the data.
	const firstSecrets = secretsOf(credentials);
	const baseUrl = liveVoxBaseUrl(credentials);
	const timeoutSeconds = timeoutSecondsOf(options.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
	const loginWords = (failed: LoginFailed) => {
		const failure = readHttpFailure(failed.error);
		const words = failureWords(failure, {
			vendor: 'LiveVox',
			kind: 'read',
			attempts: failed.attempts,
			vendorMessage: vendorMessage(failure.body) ?? preAuthenticationMessage(failed.error),
			hints: { 401: LOGIN_HINT, 403: LOGIN_HINT },
			timeoutSeconds,
		});
		const refused = failure.status === 401 || failure.status === 403;
		return refused ? words : { ...words, message: `${words.message}, when logging in` };
	};
	const throttle = new Throttle();

	return {
		async request<T>(request: LiveVoxRequest): Promise<T> {
			const httpOptions: IHttpRequestOptions = {
				method: request.method,
				url: `${baseUrl}${liveVoxPath(request.path, credentials.apiVersion)}`,
				qs: request.qs,
				body: request.body,
				headers: { Accept: 'application/json', ...request.headers },
				json: request.readBody === undefined,
				timeout: timeoutSeconds * 1000,
				// The whole response, so the status, Retry-After and body survive (n8n's error for
				// a failed call keeps only the status).
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			};
			if (request.readBody) httpOptions.encoding = 'stream';
			const sendOnce = async (credentialOptions: IAdditionalCredentialOptions) =>
				await throttle.run(async () => {
					const response = (await context.helpers.httpRequestWithAuthentication.call(
						context,
						LIVEVOX_CREDENTIAL,
						httpOptions,
						credentialOptions,
					)) as FullResponse;
					// Only a success is read as it arrives: any other answer is read for its error.
					if (isStream(response.body) && response.statusCode !== 200) response.body = await wholeBody(response.body);
					return response;
				}, (answer) => answer.statusCode === 429);
			const send = async (): Promise<ReadAnswer> => {
				const response = await credential.send(sendOnce, (answer) => answer.statusCode === 401);
				if (response.statusCode >= 400) {
					throw new NodeApiError(context.getNode(), response as unknown as JsonObject);
				}
				return request.readBody && isStream(response.body) ? await readArriving(response, request.readBody) : response;
			};
			const result = await withRetry(send, {
				kind: request.kind,
				describe: (error) => (isFinal(error) ? {} : readHttpFailure(error)),
			});
			if (!result.ok && result.error instanceof UnreadableBody) throw result.error.error;
			const sessionWords = result.ok
				? undefined
				: sessionFailureWords(result.error, {
						vendor: 'LiveVox',
						kind: request.kind,
						loginWords,
						vendorMessage: (response) => vendorMessage((response as FullResponse).body),
						hint401: request.hints?.[401],
					});
			if (sessionWords) {
				throw vendorError(context.getNode(), sessionWords, {
					secrets: [...firstSecrets, ...secretsOf(credentials)],
					httpCode: '401',
					itemIndex: options.itemIndex,
				});
			}
			const failure: HttpFailure = result.ok
				? { status: result.value.statusCode, body: result.value.shortBody ?? result.value.body, timedOut: false }
				: readHttpFailure(result.error);
			// A code the request lists fails the call even inside a success status (the reports' 202).
			const listed = listedFailure(request, failure.status, failure.body);
			if (result.ok && !listed) return result.value.body as T;
			const words = listed?.words ?? failureWords(failure, {
				vendor: 'LiveVox',
				kind: request.kind,
				attempts: result.attempts,
				vendorMessage: vendorMessage(failure.body),
				hints: request.hints,
				checkAfterUnknownOutcome: request.checkAfterUnknownOutcome,
				timeoutSeconds,
			});
			const status = listed?.code ?? failure.status;
			throw vendorError(context.getNode(), words, {
				secrets: [...firstSecrets, ...secretsOf(credentials)],
				httpCode: status === undefined ? undefined : String(status),
				itemIndex: options.itemIndex,
			});
		},
	};
}
