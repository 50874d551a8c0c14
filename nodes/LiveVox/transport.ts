import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import type { FullResponse } from '../shared/httpFailure';
import { timeoutSecondsOf } from '../shared/timeout';
import type { CoreRequest } from '../shared/vendorClient';
import { vendorClient } from '../shared/vendorClient';
import type { FailureCodeWords } from './liveVoxErrors';
import { listedFailure, liveVoxFailure, liveVoxLoginWords, liveVoxMessage } from './liveVoxErrors';
import { liveVoxBaseUrl, liveVoxPath } from './liveVoxUrl';

export type { FailureCodeWords } from './liveVoxErrors';

export const LIVEVOX_CREDENTIAL = 'liveVoxApi';
export const DEFAULT_TIMEOUT_SECONDS = 60;

export type LiveVoxContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface LiveVoxRequest extends CoreRequest {
	method: IHttpRequestMethods;
	/** The unversioned API path, e.g. /configuration/services/123. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Extra request headers, e.g. Accept-Encoding: gzip for the CSV report. */
	headers?: Record<string, string>;
	/**
	 * LiveVox codes that fail the call with these words, whether they come as the HTTP status
	 * (even a success status: the reports' "202 error") or as `code` in an error body.
	 */
	failureCodes?: Partial<Record<number, FailureCodeWords>>;
}

export interface LiveVoxClient {
	request<T = unknown>(request: LiveVoxRequest): Promise<T>;
}

const secretsOf = (credentials: ICredentialDataDecryptedObject): unknown[] => [
	credentials.password,
	credentials.accessToken,
	credentials.sessionId,
];

/**
 * LiveVox's address, session and errors, on the shared client core (nodes/shared/vendorClient):
 * the session id is the credential's expirable field, which n8n fills by logging in.
 */
export async function liveVoxClient(
	context: LiveVoxContext,
	options: { itemIndex?: number; timeoutSeconds?: number } = {},
): Promise<LiveVoxClient> {
	const timeoutSeconds = timeoutSecondsOf(options.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
	const core = await vendorClient<LiveVoxRequest>(
		context,
		{
			vendor: 'LiveVox',
			credentialType: LIVEVOX_CREDENTIAL,
			hold: {
				tokenField: 'sessionId',
				scope: (data) => [liveVoxBaseUrl(data), data.clientName, data.userName, data.agent === true].join('|'),
			},
			secretsOf,
			async send(request, credentialOptions, data) {
				const httpOptions: IHttpRequestOptions = {
					method: request.method,
					url: `${liveVoxBaseUrl(data)}${liveVoxPath(request.path, data.apiVersion)}`,
					qs: request.qs,
					body: request.body,
					headers: { Accept: 'application/json', ...request.headers },
					json: request.readBody === undefined,
					timeout: timeoutSeconds * 1000,
					// The whole response, so the status, Retry-After and body survive.
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				};
				if (request.readBody) httpOptions.encoding = 'stream';
				return (await context.helpers.httpRequestWithAuthentication.call(
					context,
					LIVEVOX_CREDENTIAL,
					httpOptions,
					credentialOptions,
				)) as FullResponse;
			},
			describeFailure: (request, failure, attempts) => liveVoxFailure(request, failure, { attempts, timeoutSeconds }),
			loginWords: (failed) => liveVoxLoginWords(failed, timeoutSeconds),
			vendorMessage: liveVoxMessage,
		},
		{ itemIndex: options.itemIndex },
	);

	return {
		async request<T>(request: LiveVoxRequest): Promise<T> {
			const answer = await core.request(request);
			// A code the request lists fails the call even inside a success status (the reports' 202).
			const listed = listedFailure(request.failureCodes, answer.statusCode, answer.shortBody ?? answer.body);
			if (listed) core.fail({ words: listed.words, httpCode: String(listed.code) });
			return answer.body as T;
		},
	};
}
