import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, IHttpRequestMethods, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { FullResponse } from '../shared/httpFailure';
import { timeoutSecondsOf } from '../shared/timeout';
import type { CoreRequest } from '../shared/vendorClient';
import { vendorClient } from '../shared/vendorClient';
import type { ElementError } from './vccLiveErrors';
import { quotedText, readEnvelope, splitElementErrors, vccLiveEnvelopeFailure, vccLiveFailure } from './vccLiveErrors';
import { vccLiveBaseUrl, vccLiveUser } from './vccLiveUrl';

export const VCC_LIVE_CREDENTIAL = 'vccLiveApi';
export const DEFAULT_TIMEOUT_SECONDS = 120;

export interface VccLiveRequest extends CoreRequest {
	method: IHttpRequestMethods;
	/** The path under the base URL, e.g. /v2/statistics/inbound. */
	path: string;
	qs?: IDataObject;
	/** A JSON body (POST and PUT): VCC Live's Database API takes JSON-encoded bodies. */
	body?: IDataObject | IDataObject[];
	/** What the body must be: the JSON envelope, or text (CSV, tab) that may also come as one. */
	expect: 'json' | 'text';
	/** What to do, by VCC Live error code, where the operation knows better than the generic words. */
	codeHints?: Partial<Record<string, string>>;
}

/** A batch's answer: `response` as it came, and the errors that name an element of the batch. */
export interface ElementAnswer {
	response: unknown;
	elementErrors: ElementError[];
}

export interface VccLiveClient {
	/** The envelope's `response` when the body was the envelope (errors checked); otherwise the body text. */
	request(request: VccLiveRequest): Promise<unknown>;
	/**
	 * A batch of `count` elements (a JSON array body) that VCC Live answers element by element:
	 * the errors naming an element by its index are returned for the operation to report per
	 * element; any other error fails the request, as in `request`.
	 */
	requestElements(request: VccLiveRequest, count: number): Promise<ElementAnswer>;
}

function secretsOf(credentials: ICredentialDataDecryptedObject): unknown[] {
	const token = credentials.apiToken;
	if (typeof token !== 'string' || token === '') return [];
	return [token, Buffer.from(`${vccLiveUser(credentials)}:${token}`).toString('base64')];
}

/**
 * VCC Live's address and errors, on the shared client core (nodes/shared/vendorClient): HTTP
 * Basic on every call, no login. VCC Live wraps answers in `{response, errors}` and a 200 can
 * carry errors, so every body is read for errors, whatever format was asked for.
 */
export async function vccLiveClient(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	options: { itemIndex?: number; timeoutSeconds?: number } = {},
): Promise<VccLiveClient> {
	const timeoutSeconds = timeoutSecondsOf(options.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
	const core = await vendorClient<VccLiveRequest>(
		context,
		{
			vendor: 'VCC Live',
			credentialType: VCC_LIVE_CREDENTIAL,
			secretsOf,
			async send(request, credentialOptions, data) {
				const accept = request.expect === 'json' ? 'application/json, text/plain, */*' : 'text/csv, text/plain, */*';
				const httpOptions: IHttpRequestOptions = {
					method: request.method,
					url: `${vccLiveBaseUrl(data)}${request.path}`,
					qs: request.qs,
					headers: request.body === undefined ? { Accept: accept } : { Accept: accept, 'Content-Type': 'application/json' },
					...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
					// As text: VCC Live may label JSON text/plain, and CSV must not be parsed as JSON.
					encoding: 'text',
					json: false,
					timeout: timeoutSeconds * 1000,
					// The whole response, failures included: the body is where VCC Live puts its error code.
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				};
				return (await context.helpers.httpRequestWithAuthentication.call(context, VCC_LIVE_CREDENTIAL, httpOptions, credentialOptions)) as FullResponse;
			},
			describeFailure: (request, failure, attempts) => vccLiveFailure(request, failure, { attempts, timeoutSeconds }),
			vendorMessage: quotedText,
		},
		{ itemIndex: options.itemIndex },
	);

	const textOf = async (request: VccLiveRequest): Promise<string> => {
		const { body } = await core.request(request);
		return typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body ?? '');
	};

	return {
		async request(request: VccLiveRequest): Promise<unknown> {
			const text = await textOf(request);
			const envelope = readEnvelope(text);
			const failure = vccLiveEnvelopeFailure(request, envelope, text);
			if (failure) core.fail(failure);
			return envelope ? envelope.response : text;
		},
		async requestElements(request: VccLiveRequest, count: number): Promise<ElementAnswer> {
			const text = await textOf(request);
			const split = splitElementErrors(text, count);
			const failure = vccLiveEnvelopeFailure(request, split?.envelope, text);
			if (failure) {
				// Errors that name no element: some elements may still have been applied.
				const check = request.checkAfterUnknownOutcome;
				if (split && split.envelope.errors.length > 0 && check) {
					failure.words = { ...failure.words, description: `${failure.words.description} Some of the batch may have been applied: ${check}.` };
				}
				core.fail(failure);
			}
			return { response: split?.envelope.response, elementErrors: split?.elementErrors ?? [] };
		},
	};
}
