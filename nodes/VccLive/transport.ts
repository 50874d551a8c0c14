import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FailureWords } from '../shared/failureMessage';
import { failureWords } from '../shared/failureMessage';
import { holdCredential } from '../shared/heldCredential';
import type { FullResponse } from '../shared/httpFailure';
import { readHttpFailure } from '../shared/httpFailure';
import type { RequestKind } from '../shared/retry';
import { withRetry } from '../shared/retry';
import { vendorError } from '../shared/vendorError';
import { Throttle } from '../shared/throttle';
import { timeoutSecondsOf } from '../shared/timeout';
import { documentedErrorWords, errorCodesIn, readEnvelope } from './vccLiveErrors';
import { vccLiveBaseUrl, vccLiveUser } from './vccLiveUrl';

export const VCC_LIVE_CREDENTIAL = 'vccLiveApi';
export const DEFAULT_TIMEOUT_SECONDS = 120;

const VENDOR = 'VCC Live';

const LOGIN_HINT =
	'Check the customer, user and API token in the credential. VCC Live accepts API calls only from allow-listed IP addresses: have your VCC Live admin allow the address of your n8n server.';

export interface VccLiveRequest {
	method: IHttpRequestMethods;
	/** The path under the base URL, e.g. /v2/statistics/inbound. */
	path: string;
	qs?: IDataObject;
	/** Reads are retried on transient failures; writes never once they may have been sent. */
	kind: RequestKind;
	/** What the body must be: the JSON envelope, or text (CSV, tab) that may also come as one. */
	expect: 'json' | 'text';
	/** What to do, by VCC Live error code, where the operation knows better than the generic words. */
	codeHints?: Partial<Record<string, string>>;
}

export interface VccLiveClient {
	/** The envelope's `response` when the body was the envelope (errors checked); otherwise the body text. */
	request(request: VccLiveRequest): Promise<unknown>;
}

/** The text of a body that is not JSON, short enough to quote in a message. */
function quotedText(body: unknown): string | undefined {
	if (typeof body !== 'string' || body.trim() === '' || body.trimStart().startsWith('<')) return undefined;
	return body.trim().slice(0, 200);
}

function secretsOf(credentials: ICredentialDataDecryptedObject): unknown[] {
	const token = credentials.apiToken;
	if (typeof token !== 'string' || token === '') return [];
	return [token, Buffer.from(`${vccLiveUser(credentials)}:${token}`).toString('base64')];
}

/**
 * The one place that knows VCC Live's address, authentication and errors. Calls go through
 * n8n's httpRequestWithAuthentication (HTTP Basic from the credential, read once); reads are
 * retried on transient failures, and after a 429 fewer calls are sent at a time. VCC Live
 * wraps answers in `{response, errors}` and a 200 can carry errors, so every body is read
 * for errors, whatever format was asked for.
 */
export async function vccLiveClient(
	context: IExecuteFunctions,
	options: { itemIndex?: number; timeoutSeconds?: number } = {},
): Promise<VccLiveClient> {
	const credential = await holdCredential(context, VCC_LIVE_CREDENTIAL, { itemIndex: options.itemIndex });
	const credentials = credential.data;
	const baseUrl = vccLiveBaseUrl(credentials);
	const timeoutSeconds = timeoutSecondsOf(options.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
	const secrets = secretsOf(credentials);
	const throttle = new Throttle();

	const fail = (words: FailureWords, httpCode: string | undefined, codes: readonly string[] = []): never => {
		throw vendorError(context.getNode(), words, { secrets, httpCode, itemIndex: options.itemIndex, details: { errors: [...codes] } });
	};

	return {
		async request(request: VccLiveRequest): Promise<unknown> {
			const httpOptions: IHttpRequestOptions = {
				method: request.method,
				url: `${baseUrl}${request.path}`,
				qs: request.qs,
				headers: { Accept: request.expect === 'json' ? 'application/json, text/plain, */*' : 'text/csv, text/plain, */*' },
				// As text: VCC Live may label JSON text/plain, and CSV must not be parsed as JSON.
				encoding: 'text',
				json: false,
				timeout: timeoutSeconds * 1000,
				// The whole response, failures included: n8n's error for a failed call drops the
				// body, and the body is where VCC Live puts its error code.
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			};
			const send = async (): Promise<FullResponse> => {
				const response = await credential.send(
					async (credentialOptions) =>
						await throttle.run(
							async () =>
								(await context.helpers.httpRequestWithAuthentication.call(
									context,
									VCC_LIVE_CREDENTIAL,
									httpOptions,
									credentialOptions,
								)) as FullResponse,
							(answer) => answer.statusCode === 429,
						),
				);
				// Thrown only to be read by readHttpFailure below (status, Retry-After, body); never passed on.
				if (response.statusCode >= 400) throw new NodeApiError(context.getNode(), response as unknown as JsonObject);
				return response;
			};
			const result = await withRetry(send, { kind: request.kind, describe: readHttpFailure });
			if (!result.ok) {
				const failure = readHttpFailure(result.error);
				const codes = errorCodesIn(failure.body);
				const words =
					documentedErrorWords(codes, request.codeHints) ??
					failureWords(failure, {
						vendor: VENDOR,
						kind: request.kind,
						attempts: result.attempts,
						vendorMessage: codes.length > 0 ? codes.join(', ') : quotedText(failure.body),
						hints: { 401: LOGIN_HINT, 403: LOGIN_HINT },
						timeoutSeconds,
					});
				const httpCode = failure.status === undefined ? undefined : String(failure.status);
				return fail(words, httpCode, codes);
			}

			const { body } = result.value;
			const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body ?? '');
			const envelope = readEnvelope(text);
			if (envelope && envelope.errors.length > 0) {
				const words = documentedErrorWords(envelope.errors, request.codeHints) ?? {
					message: `VCC Live answered with errors: ${envelope.errors.join(', ').slice(0, 300)}`,
					description: 'VCC Live accepted the call but reported errors instead of data: check the node parameters.',
				};
				return fail(words, '200', envelope.errors);
			}
			if (envelope === undefined && request.expect === 'json') {
				return fail(
					{
						message: 'VCC Live answered with something other than its JSON envelope',
						description: `It began: ${quotedText(text)?.slice(0, 100) ?? '(empty or HTML)'}. Check the Base URL in the credential.`,
					},
					'200',
				);
			}
			return envelope ? envelope.response : text;
		},
	};
}
