import type { IDataObject } from 'n8n-workflow';

import type { FailureWords } from '../shared/failureMessage';
import { failureWords } from '../shared/failureMessage';
import type { HttpFailure } from '../shared/httpFailure';
import { readHttpFailure } from '../shared/httpFailure';
import type { RequestKind } from '../shared/retry';
import type { LoginFailed } from '../shared/sessions';
import type { VendorFailure } from '../shared/vendorClient';

/** Words that fail a call for a LiveVox code, whether it comes as the HTTP status or as `code` in an error body. */
export interface FailureCodeWords {
	message: string;
	description: string;
}

export const LOGIN_HINT =
	'Check the user name, password and access token in the credential, and that its environment or base URL is the one of your account.';

/** The message LiveVox put in its `{code, message}` error body, or a short plain-text body. */
export function liveVoxMessage(body: unknown): string | undefined {
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

/** The code and words for an answer whose HTTP status or body code is in `codes`. */
export function listedFailure(
	codes: Partial<Record<number, FailureCodeWords>> | undefined,
	status: number | undefined,
	body: unknown,
): { code: number; words: FailureCodeWords } | undefined {
	if (!codes) return undefined;
	const code = status !== undefined && codes[status] ? status : bodyCode(body);
	const words = code === undefined ? undefined : codes[code];
	return code !== undefined && words ? { code, words } : undefined;
}

/** What a LiveVox request says about its own failures. */
interface FailureSpec {
	kind: RequestKind;
	hints?: Partial<Record<number, string>>;
	checkAfterUnknownOutcome?: string;
	failureCodes?: Partial<Record<number, FailureCodeWords>>;
}

/** The words and status for a LiveVox request that failed for good: a code it lists, or the generic words. */
export function liveVoxFailure(request: FailureSpec, failure: HttpFailure, context: { attempts: number; timeoutSeconds: number }): VendorFailure {
	const listed = listedFailure(request.failureCodes, failure.status, failure.body);
	const words =
		listed?.words ??
		failureWords(failure, {
			vendor: 'LiveVox',
			kind: request.kind,
			attempts: context.attempts,
			vendorMessage: liveVoxMessage(failure.body),
			hints: request.hints,
			checkAfterUnknownOutcome: request.checkAfterUnknownOutcome,
			timeoutSeconds: context.timeoutSeconds,
		});
	const status = listed?.code ?? failure.status;
	return { words, httpCode: status === undefined ? undefined : String(status) };
}

/** The words for a failed login: refused (the credential), or LiveVox could not answer it. */
export function liveVoxLoginWords(failed: LoginFailed, timeoutSeconds: number): FailureWords {
	const failure = readHttpFailure(failed.error);
	const words = failureWords(failure, {
		vendor: 'LiveVox',
		kind: 'read',
		attempts: failed.attempts,
		vendorMessage: liveVoxMessage(failure.body),
		hints: { 401: LOGIN_HINT, 403: LOGIN_HINT },
		timeoutSeconds,
	});
	const refused = failure.status === 401 || failure.status === 403;
	return refused ? words : { ...words, message: `${words.message}, when logging in` };
}
