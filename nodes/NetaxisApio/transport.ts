import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, IHttpRequestOptions, IRequestOptions } from 'n8n-workflow';

import type { FullResponse } from '../shared/httpFailure';
import { readHttpFailure } from '../shared/httpFailure';
import { timeoutSecondsOf } from '../shared/timeout';
import type { CoreRequest } from '../shared/vendorClient';
import { vendorClient } from '../shared/vendorClient';
import { apioApiUrl, usesMachineToken } from './apioAddress';
import { apioErrorMessage, apioFailure, apioLoginWords, loginFailure } from './apioErrors';
import { forgetPassingLoginFailure, lastLoginFailure } from './apioLogin';

export const APIO_CREDENTIAL = 'netaxisApioApi';
export const DEFAULT_TIMEOUT_SECONDS = 60;

export interface ApioRequest extends CoreRequest {
	method: 'GET' | 'PUT';
	/** The path under the credential's API prefix, e.g. /tenants/foo/groups/bar/.../statistics/ */
	path: string;
	qs?: IDataObject;
	/** A JSON body; on a GET it is sent as the body anyway, as APIO's statistics call wants. */
	body?: IDataObject;
}

export interface ApioClient {
	request<T = unknown>(request: ApioRequest): Promise<T>;
}

const secretsOf = (credentials: ICredentialDataDecryptedObject): unknown[] => [
	credentials.password,
	credentials.machineToken,
	credentials.accessToken,
];

/**
 * APIO's address, token and errors, on the shared client core (nodes/shared/vendorClient):
 * the access token is the credential's expirable field (a machine token needs no login).
 */
export async function apioClient(context: IExecuteFunctions, options: { itemIndex: number; timeoutSeconds?: number }): Promise<ApioClient> {
	const { itemIndex } = options;
	const timeout = timeoutSecondsOf(options.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS) * 1000;
	const headers = { Accept: 'application/json' };
	const core = await vendorClient<ApioRequest>(
		context,
		{
			vendor: 'Netaxis APIO',
			credentialType: APIO_CREDENTIAL,
			hold: {
				// A machine token needs no login and has no other to replace it.
				tokenField: (data) => (usesMachineToken(data) ? undefined : 'accessToken'),
				scope: (data) => `${apioApiUrl(data, '')}|${String(data.username ?? '')}`,
				describeLoginFailure: (error, data) => lastLoginFailure.get(data) ?? readHttpFailure(error),
				beforeLogin: forgetPassingLoginFailure,
			},
			secretsOf,
			async send(request, credentialOptions, data) {
				const url = apioApiUrl(data, request.path);
				if (request.method === 'GET' && request.body !== undefined) {
					// n8n's httpRequest helpers drop the body of every GET. APIO's statistics call reads
					// its range from one, and requestWithAuthentication is the one n8n helper that sends it.
					const getWithBody: IRequestOptions = {
						method: 'GET',
						uri: url,
						qs: request.qs,
						body: request.body,
						headers,
						json: true,
						simple: false,
						resolveWithFullResponse: true,
						timeout,
					};
					return (await context.helpers.requestWithAuthentication.call(context, APIO_CREDENTIAL, getWithBody, credentialOptions, itemIndex)) as FullResponse;
				}
				const httpOptions: IHttpRequestOptions = {
					method: request.method,
					url,
					qs: request.qs,
					body: request.body,
					headers,
					json: true,
					timeout,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				};
				return (await context.helpers.httpRequestWithAuthentication.call(context, APIO_CREDENTIAL, httpOptions, credentialOptions)) as FullResponse;
			},
			failed: (response) => response.statusCode < 200 || response.statusCode >= 300,
			describeFailure: (request, failure, attempts, data) =>
				apioFailure(request, failure, { attempts, timeoutSeconds: timeout / 1000, machineToken: usesMachineToken(data) }),
			loginWords: apioLoginWords,
			vendorMessage: apioErrorMessage,
			// A login n8n's older helper repeated itself after a failure of the call: reported as it is.
			recognise: loginFailure,
		},
		{ itemIndex },
	);
	return {
		async request<T>(request: ApioRequest): Promise<T> {
			return (await core.request(request)).body as T;
		},
	};
}
