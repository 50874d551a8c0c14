import type { IDataObject } from 'n8n-workflow';

import type { FailureWords } from '../shared/failureMessage';
import { failureWords } from '../shared/failureMessage';
import type { HttpFailure } from '../shared/httpFailure';
import type { RequestKind } from '../shared/retry';
import type { LoginFailed } from '../shared/sessions';
import type { VendorFailure } from '../shared/vendorClient';
import { LOGIN_FAILED } from './apioLogin';

/** APIO's sub-error codes that the seed names; others are shown by number. */
const SUB_ERROR_NAMES: Record<number, string> = { 2: 'INVALID_PARAMETERS' };

const MAX_MESSAGE_LENGTH = 500;

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number') return String(value);
	if (isObject(value) && typeof value.message === 'string') return value.message.trim();
	return undefined;
}

/** "INVALID_PARAMETERS (2): End date can not be earlier than start date." from one error object. */
function describeError(error: unknown): string | undefined {
	if (!isObject(error)) return text(error);
	const code = typeof error.code === 'number' ? error.code : Number.NaN;
	const codeName = SUB_ERROR_NAMES[code];
	const label = codeName ? `${codeName} (${code})` : error.code !== undefined ? String(error.code) : '';
	const said = [text(error.message), text(error.details), text(error.description)].filter(
		(part): part is string => part !== undefined && part !== codeName,
	);
	const words = [...new Set(said)].join(' - ');
	if (label && words) return `${label}: ${words}`;
	return label || words || undefined;
}

/**
 * The message in an APIO error body. APIO answers `{ errors: [{ code, message, ... }] }`,
 * `{ details }` or `{ error }` (the login); a short plain-text body is taken as it is.
 */
export function apioErrorMessage(body: unknown): string | undefined {
	let message: string | undefined;
	if (isObject(body)) {
		if (Array.isArray(body.errors) && body.errors.length > 0) {
			message = body.errors
				.map(describeError)
				.filter((part) => part !== undefined)
				.join('; ');
		}
		message ||= describeError(body.error) ?? text(body.details) ?? text(body.message);
	} else if (typeof body === 'string' && body.trim() !== '' && !body.trimStart().startsWith('<')) {
		message = body.trim();
	}
	return message ? message.slice(0, MAX_MESSAGE_LENGTH) : undefined;
}

/** What to do about the three documented INVALID_PARAMETERS answers of the statistics call. */
const RANGE_HINTS: ReadonlyArray<[RegExp, string]> = [
	[
		/format of start date or end date is invalid/i,
		'APIO could not read the period. The node sends Start and End as dates with offset in the JSON body of the GET, as documented; a proxy between n8n and APIO may drop the body of GET requests. If your APIO accepts them, try Options > Send Range In > Query Parameters.',
	],
	[
		/start date or end date in the future/i,
		"APIO's clock seems behind n8n's: pick a Start and End a few minutes earlier.",
	],
	[/end date can not be earlier than start date/i, 'Pick an End after the Start.'],
];

export function invalidRangeHint(message: string | undefined): string | undefined {
	if (!message) return undefined;
	return RANGE_HINTS.find(([pattern]) => pattern.test(message))?.[1];
}

/** A failed login, thrown by the credential's preAuthentication and wrapped by n8n on the way (its words kept). */
export function loginFailure(error: unknown): FailureWords | undefined {
	const { message, messages, description } = (error ?? {}) as { message?: unknown; messages?: unknown; description?: unknown };
	const said = [message, ...(Array.isArray(messages) ? messages : [])].find(
		(text): text is string => typeof text === 'string' && text.startsWith(LOGIN_FAILED),
	);
	return said ? { message: said, description: typeof description === 'string' ? description : '' } : undefined;
}

/** The words for a failed login, with the attempts made when it was retried. */
export function apioLoginWords(failed: LoginFailed): FailureWords {
	const words = loginFailure(failed.error) ?? {
		message: `${LOGIN_FAILED}: APIO could not be reached`,
		description: 'Check the Base URL of the credential and that this machine can reach it.',
	};
	return failed.attempts > 1 ? { ...words, message: `${words.message} (tried ${failed.attempts} times)` } : words;
}

/** What an APIO request says about its own failures. */
interface FailureSpec {
	kind: RequestKind;
	hints?: Partial<Record<number, string>>;
	checkAfterUnknownOutcome?: string;
}

/** The words and status for an APIO request that failed for good. */
export function apioFailure(
	request: FailureSpec,
	failure: HttpFailure,
	context: { attempts: number; timeoutSeconds: number; machineToken: boolean },
): VendorFailure {
	const vendorMessage = failure.status === undefined ? undefined : apioErrorMessage(failure.body);
	const rangeHint = failure.status === 400 ? invalidRangeHint(vendorMessage) : undefined;
	const words = failureWords(failure, {
		vendor: 'Netaxis APIO',
		kind: request.kind,
		attempts: context.attempts,
		vendorMessage,
		hints: {
			401: context.machineToken
				? 'Check the Machine Token in the credential: APIO may have revoked it.'
				: 'n8n logged in again and APIO still refused the call: check that the account is active and has rights on this tenant and group.',
			403: 'This call needs at least Group Admin rights on the group: ask an APIO administrator.',
			404: 'Check the Tenant, Group and Call Center (its user ID with domain, e.g. support@sip.example.com), and the API Path Prefix of the credential.',
			...request.hints,
			...(rangeHint ? { 400: rangeHint } : {}),
		},
		checkAfterUnknownOutcome: request.checkAfterUnknownOutcome,
		timeoutSeconds: context.timeoutSeconds,
	});
	return { words, httpCode: failure.status === undefined ? undefined : String(failure.status) };
}
