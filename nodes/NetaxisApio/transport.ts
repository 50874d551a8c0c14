import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { failureWords } from '../shared/failureMessage';
import { holdCredential } from '../shared/heldCredential';
import { readHttpFailure } from '../shared/httpFailure';
import type { RequestKind } from '../shared/retry';
import { withRetry } from '../shared/retry';
import { vendorError } from '../shared/vendorError';
import { Throttle } from '../shared/throttle';
import { timeoutSecondsOf } from '../shared/timeout';
import { apioApiUrl, usesMachineToken } from './apioAddress';
import { apioErrorMessage, invalidRangeHint } from './apioErrors';
import { forgetPassingLoginFailure, lastLoginFailure, LOGIN_FAILED } from './apioLogin';
import { LoginFailed, SessionKeptExpiring } from '../shared/sessions';
import { sessionFailureWords } from '../shared/sessionWords';

export const APIO_CREDENTIAL = 'netaxisApioApi';
export const DEFAULT_TIMEOUT_SECONDS = 60;
const VENDOR = 'Netaxis APIO';

export interface ApioRequest {
	method: 'GET' | 'PUT';
	/** The path under the credential's API prefix, e.g. /tenants/foo/groups/bar/.../statistics/ */
	path: string;
	qs?: IDataObject;
	/** A JSON body; on a GET it is sent as the body anyway, as APIO's statistics call wants. */
	body?: IDataObject;
	/** Reads are retried on transient failures; writes never once they may have been sent. */
	kind: RequestKind;
	/** What to do, by HTTP status, where the operation knows better than the generic words. */
	hints?: Partial<Record<number, string>>;
	/** For writes: how to check whether a change whose answer was lost took effect. */
	checkAfterUnknownOutcome?: string;
}

export interface ApioClient {
	request<T = unknown>(request: ApioRequest): Promise<T>;
}

interface ApioResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** A failed login, thrown by the credential's preAuthentication and wrapped by n8n on the way. */
function loginFailure(error: unknown): { message: string; description: string } | undefined {
	const { message, messages, description } = (error ?? {}) as {
		message?: unknown;
		messages?: unknown;
		description?: unknown;
	};
	const said = [message, ...(Array.isArray(messages) ? messages : [])].find(
		(text): text is string => typeof text === 'string' && text.startsWith(LOGIN_FAILED),
	);
	return said ? { message: said, description: typeof description === 'string' ? description : '' } : undefined;
}

function secretsOf(credentials: ICredentialDataDecryptedObject): unknown[] {
	return [credentials.password, credentials.machineToken, credentials.accessToken];
}

/**
 * The one place that knows APIO's address, authentication and errors. Every call goes
 * through n8n's credential helpers, which log in when no access token is stored. A 401
 * logs in once more and repeats the call once (a refused call changed nothing, so this
 * holds for writes too); reads are retried on transient failures, writes never once sent;
 * after a 429 fewer calls are sent at a time.
 */
export async function apioClient(
	context: IExecuteFunctions,
	options: { itemIndex: number; timeoutSeconds?: number },
): Promise<ApioClient> {
	const { itemIndex } = options;
	// A machine token needs no login and has no other to replace it.
	const credential = await holdCredential(context, APIO_CREDENTIAL, {
		itemIndex,
		tokenField: (data) => (usesMachineToken(data) ? undefined : 'accessToken'),
		scope: (data) => `${apioApiUrl(data, '')}|${String(data.username ?? '')}`,
		describeLoginFailure: (error, data) => lastLoginFailure.get(data) ?? readHttpFailure(error),
		beforeLogin: forgetPassingLoginFailure,
	});
	const credentials = credential.data;
	// The token the run began with too: a later login replaces it in the data.
	const firstSecrets = secretsOf(credentials);
	const throttle = new Throttle();
	const timeout = timeoutSecondsOf(options.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS) * 1000;
	const headers = { Accept: 'application/json' };

	async function sendOnce(request: ApioRequest, credentialOptions: IAdditionalCredentialOptions): Promise<ApioResponse> {
		const url = apioApiUrl(credentials, request.path);
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
			return (await context.helpers.requestWithAuthentication.call(
				context,
				APIO_CREDENTIAL,
				getWithBody,
				credentialOptions,
				itemIndex,
			)) as ApioResponse;
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
		return (await context.helpers.httpRequestWithAuthentication.call(
			context,
			APIO_CREDENTIAL,
			httpOptions,
			credentialOptions,
		)) as ApioResponse;
	}

	const loginWords = (failed: LoginFailed) => {
		const words = loginFailure(failed.error) ?? { message: `${LOGIN_FAILED}: APIO could not be reached`, description: 'Check the Base URL of the credential and that this machine can reach it.' };
		return failed.attempts > 1 ? { ...words, message: `${words.message} (tried ${failed.attempts} times)` } : words;
	};

	async function fail(request: ApioRequest, error: unknown, attempts: number): Promise<never> {
		let words = sessionFailureWords(error, {
			vendor: VENDOR,
			kind: request.kind,
			loginWords,
			vendorMessage: (response) => apioErrorMessage((response as ApioResponse).body),
		}) ?? loginFailure(error);
		let httpCode: string | undefined;
		if (!words) {
			const failure = readHttpFailure(error);
			httpCode = failure.status === undefined ? undefined : String(failure.status);
			const vendorMessage = failure.status === undefined ? undefined : apioErrorMessage(failure.body);
			const rangeHint = failure.status === 400 ? invalidRangeHint(vendorMessage) : undefined;
			words = failureWords(failure, {
				vendor: VENDOR,
				kind: request.kind,
				attempts,
				vendorMessage,
				hints: {
					401: usesMachineToken(credentials)
						? 'Check the Machine Token in the credential: APIO may have revoked it.'
						: 'n8n logged in again and APIO still refused the call: check that the account is active and has rights on this tenant and group.',
					403: 'This call needs at least Group Admin rights on the group: ask an APIO administrator.',
					404: 'Check the Tenant, Group and Call Center (its user ID with domain, e.g. support@sip.example.com), and the API Path Prefix of the credential.',
					...request.hints,
					...(rangeHint ? { 400: rangeHint } : {}),
				},
				checkAfterUnknownOutcome: request.checkAfterUnknownOutcome,
				timeoutSeconds: timeout / 1000,
			});
		}
		const secrets = [...firstSecrets, ...secretsOf(credentials)];
		throw vendorError(context.getNode(), words, { secrets, httpCode, itemIndex });
	}

	return {
		async request<T>(request: ApioRequest): Promise<T> {
			const attempt = async () => {
				// A 401 is an expired access token: logged in again and sent once more. Answers are read
				// with their status rather than thrown, so n8n's own renewal never runs: n8n drops the
				// body of a failed response, and its older helper logs in again after any failure.
				const response = await credential.send(
					async (credentialOptions) =>
						await throttle.run(
							async () => await sendOnce(request, credentialOptions),
							(answer) => answer.statusCode === 429,
						),
					(answer) => answer.statusCode === 401,
				);
				// Thrown only to be read by readHttpFailure (status, Retry-After, body); never passed on.
				if (response.statusCode < 200 || response.statusCode >= 300) {
					throw new NodeApiError(context.getNode(), response as unknown as JsonObject);
				}
				return response.body as T;
			};
			// A failed login was retried already (a refused one is not: each try counts against the account).
			const describe = (error: unknown) =>
				error instanceof LoginFailed || error instanceof SessionKeptExpiring || loginFailure(error) ? {} : readHttpFailure(error);
			const result = await withRetry(attempt, { kind: request.kind, describe });
			if (result.ok) return result.value;
			return await fail(request, result.error, result.attempts);
		},
	};
}
