import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject, IDataObject, INode } from 'n8n-workflow';

import type { FailureWords } from './failureMessage';
import type { HoldOptions } from './heldCredential';
import { holdCredential } from './heldCredential';
import type { FullResponse, HttpFailure } from './httpFailure';
import { readAnswer, readHttpFailure } from './httpFailure';
import type { RequestKind } from './retry';
import { withRetry } from './retry';
import { LoginFailed, SessionKeptExpiring } from './sessions';
import { sessionFailureWords } from './sessionWords';
import type { ReadAnswer, ReadBody } from './streamedBody';
import { isStream, readArriving, UnreadableBody, wholeBody } from './streamedBody';
import { sharedThrottle } from './throttle';
import { vendorError } from './vendorError';

interface ClientContext {
	getCredentials(type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject>;
	getNode(): INode;
}

/** What every vendor request says of itself. */
export interface CoreRequest {
	/** Reads are retried on transient failures; writes never once they may have been sent. */
	kind: RequestKind;
	/** For a large answer that is not JSON: a success's body is read as it arrives (see streamedBody). */
	readBody?: ReadBody;
	/** What to do, by HTTP status, where the operation knows better than the generic words. */
	hints?: Partial<Record<number, string>>;
	/** For a write: how to check whether a change whose answer was lost took effect. */
	checkAfterUnknownOutcome?: string;
}

/** How a failure reads in the vendor's words. */
export interface VendorFailure {
	words: FailureWords;
	httpCode?: string;
	details?: IDataObject;
}

/** What only the vendor knows: its credential, its secrets, how it sends, how it reads its errors. */
export interface VendorSpec<R extends CoreRequest> {
	/** The vendor's name as people know it, e.g. "LiveVox". */
	vendor: string;
	credentialType: string;
	/** The session or token field, scope and login quirks (see holdCredential); no tokenField: never logs in. */
	hold?: Omit<HoldOptions, 'itemIndex'>;
	secretsOf(data: ICredentialDataDecryptedObject): unknown[];
	/** Sends one request through n8n's helper; answers are returned with their status, not thrown. */
	send(request: R, credentialOptions: IAdditionalCredentialOptions, data: ICredentialDataDecryptedObject): Promise<FullResponse>;
	/** Whether an answer failed (default: status 400 and above). */
	failed?(response: FullResponse): boolean;
	/** The vendor's words for a request that failed for good. */
	describeFailure(request: R, failure: HttpFailure, attempts: number, data: ICredentialDataDecryptedObject): VendorFailure;
	/** The words for a failed login (a vendor that logs in). */
	loginWords?(failed: LoginFailed): FailureWords;
	/** The vendor's message in an answer (for a refusal quoted in the words). */
	vendorMessage(body: unknown): string | undefined;
	/** An error the vendor recognises and reports as it is, never retried (e.g. a login n8n's helper repeated itself). */
	recognise?(error: unknown): FailureWords | undefined;
}

/** An answer that failed, thrown to the retry loop with its status, headers and body: never leaves the core. */
class FailedAnswer {
	constructor(readonly response: FullResponse) {}
}

export interface VendorClient<R extends CoreRequest> {
	/** The credential's data (n8n writes each new session into it). */
	readonly data: ICredentialDataDecryptedObject;
	/** Sends the request with its retries and logins; the answer, or a sanitized NodeApiError. */
	request(request: R): Promise<ReadAnswer>;
	/** Throws the sanitized error for a failure found in a successful answer. */
	fail(failure: VendorFailure): never;
}

/**
 * The request pipeline every vendor shares: the credential read once and its session kept
 * (one login in flight, a refused session renewed), the credential's throttle that learns from 429s, the
 * retry policy (reads on transient failures; writes only when not processed), bodies read
 * as they arrive, failures read from the answer and reported as one sanitized error.
 */
export async function vendorClient<R extends CoreRequest>(
	context: ClientContext,
	spec: VendorSpec<R>,
	options: { itemIndex?: number } = {},
): Promise<VendorClient<R>> {
	const { itemIndex } = options;
	const credential = await holdCredential(context, spec.credentialType, { ...spec.hold, itemIndex });
	const { data } = credential;
	// The session the run began with too: a later login replaces it in the data.
	const firstSecrets = spec.secretsOf(data);
	const throttle = sharedThrottle(credential.key);
	const failed = spec.failed ?? ((response: FullResponse) => response.statusCode >= 400);
	const usesSessions = spec.hold?.tokenField !== undefined;

	function fail(failure: VendorFailure): never {
		throw vendorError(context.getNode(), failure.words, {
			secrets: [...firstSecrets, ...spec.secretsOf(data)],
			httpCode: failure.httpCode,
			itemIndex,
			details: failure.details,
		});
	}

	const isFinal = (error: unknown) =>
		error instanceof UnreadableBody || error instanceof LoginFailed || error instanceof SessionKeptExpiring || spec.recognise?.(error) !== undefined;

	return {
		data,
		fail,
		async request(request: R): Promise<ReadAnswer> {
			const sendOnce = async (credentialOptions: IAdditionalCredentialOptions) =>
				await throttle.run(async () => {
					const response = await spec.send(request, credentialOptions, data);
					// Only a success is read as it arrives: any other answer is read for its error.
					if (isStream(response.body) && response.statusCode !== 200) response.body = await wholeBody(response.body);
					return response;
				}, (answer) => answer.statusCode === 429);
			const attempt = async (): Promise<ReadAnswer> => {
				const response = await credential.send(sendOnce, (answer) => usesSessions && answer.statusCode === 401);
				if (failed(response)) throw new FailedAnswer(response);
				return request.readBody && isStream(response.body) ? await readArriving(response, request.readBody) : response;
			};
			const result = await withRetry(attempt, {
				kind: request.kind,
				describe: (error) => (error instanceof FailedAnswer ? readAnswer(error.response) : isFinal(error) ? {} : readHttpFailure(error)),
			});
			if (result.ok) return result.value;
			const { error, attempts } = result;
			if (error instanceof UnreadableBody) throw error.error;
			const sessionWords = sessionFailureWords(error, {
				vendor: spec.vendor,
				kind: request.kind,
				loginWords: spec.loginWords ?? (() => ({ message: `${spec.vendor} refused the login`, description: 'Check the credential.' })),
				vendorMessage: (response) => spec.vendorMessage((response as FullResponse).body),
				hint401: request.hints?.[401],
			});
			if (sessionWords) return fail({ words: sessionWords, httpCode: '401' });
			const recognised = spec.recognise?.(error);
			if (recognised) return fail({ words: recognised });
			const failure = error instanceof FailedAnswer ? readAnswer(error.response) : readHttpFailure(error);
			return fail(spec.describeFailure(request, failure, attempts, data));
		},
	};
}
