import type { HttpFailure } from './httpFailure';
import type { RequestKind } from './retry';

export interface FailureContext {
	/** The vendor's name as people know it, e.g. "LiveVox". */
	vendor: string;
	kind: RequestKind;
	/** Attempts made, the first included. */
	attempts: number;
	/** The message the vendor put in its error body, if any. */
	vendorMessage?: string;
	/** What to do, by status, where the operation knows better than the generic words. */
	hints?: Partial<Record<number, string>>;
	/** For writes: how to check whether a change whose answer was lost took effect. */
	checkAfterUnknownOutcome?: string;
	/** The request timeout, for the words of a timeout. */
	timeoutSeconds?: number;
}

export interface FailureWords {
	message: string;
	description: string;
}

const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function triedText(attempts: number): string {
	return attempts > 1 ? ` (tried ${attempts} times)` : '';
}

function statusWords(failure: HttpFailure, context: FailureContext): FailureWords {
	const { vendor, vendorMessage, hints = {}, kind } = context;
	const status = failure.status as number;
	const said = vendorMessage ? `: ${vendorMessage}` : '';
	const tried = triedText(context.attempts);
	if (kind === 'write' && status >= 500) {
		return {
			message: `${vendor} answered ${status} to a change, which may or may not have been applied${said}`,
			description: `${context.checkAfterUnknownOutcome ?? 'Check in ' + vendor + ' whether the change took effect'} before running it again. It was not sent twice, so nothing was done twice.`,
		};
	}
	const generic: Record<number, FailureWords> = {
		400: {
			message: `${vendor} rejected the request as invalid${said}`,
			description: hints[400] ?? 'Check the values of the node parameters against what the message says.',
		},
		401: {
			message: `${vendor} did not accept the login${said}`,
			description:
				hints[401] ??
				'Check the user name, password and token in the credential, and that its environment or base URL is the one of your account.',
		},
		403: {
			message: `${vendor} refused this call for your user${said}`,
			description: hints[403] ?? `Your ${vendor} user lacks the role or permission this call needs: ask an administrator.`,
		},
		404: {
			message: `${vendor} found nothing there${said}`,
			description: hints[404] ?? 'Check the IDs in the node parameters.',
		},
		429: {
			message: `${vendor} is limiting the rate of requests${tried}${said}`,
			description: hints[429] ?? 'Wait a minute and run again, or lower the number of concurrent requests.',
		},
	};
	if (generic[status]) return generic[status];
	if (status >= 500) {
		return {
			message: `${vendor} had a server error (${status})${tried}${said}`,
			description: hints[status] ?? `Try again later; if it goes on, ask ${vendor} support.`,
		};
	}
	return {
		message: `${vendor} answered with status ${status}${said}`,
		description: hints[status] ?? 'Check the node parameters and the credential.',
	};
}

/** Plain words for a network failure: n8n swaps a message naming the code for its own generic text. */
const NETWORK_WORDS: Record<string, string> = {
	ECONNREFUSED: 'refused the connection',
	ENOTFOUND: 'could not be found (unknown host)',
	EAI_AGAIN: 'could not be looked up',
	ECONNRESET: 'closed the connection before answering',
	EPIPE: 'closed the connection while the request was being sent',
	ERR_STREAM_PREMATURE_CLOSE: 'closed the connection in the middle of its answer',
	EHOSTUNREACH: 'could not be reached',
	ENETUNREACH: 'could not be reached',
};

function networkWords(failure: HttpFailure, context: FailureContext): FailureWords {
	const { vendor, kind } = context;
	const code = failure.networkCode ?? 'ECONNRESET';
	const what = failure.timedOut
		? context.timeoutSeconds === undefined
			? 'did not answer in time'
			: `did not answer within ${context.timeoutSeconds} seconds`
		: (NETWORK_WORDS[code] ?? 'could not be reached');
	if (kind === 'write' && !NEVER_SENT.has(code)) {
		return {
			message: `The outcome is unknown: ${vendor} ${what} after the change was sent`,
			description: `${vendor} may have applied it. ${context.checkAfterUnknownOutcome ?? 'Check in ' + vendor + ' whether the change took effect'} before running it again. It was not sent again, to avoid doing it twice. (${code})`,
		};
	}
	return {
		message: `${vendor} ${what}${triedText(context.attempts)}`,
		description: failure.timedOut
			? `Raise the Timeout option, or ask for a shorter period. (${code})`
			: `Check the base URL or environment in the credential, and that this machine can reach it. (${code})`,
	};
}

/**
 * The codes whose mention anywhere in a message (any case) makes n8n show a generic
 * sentence of its own instead (n8n-workflow's COMMON_ERRORS, the same from 2.8 to 2.41).
 */
const CODES_N8N_REPLACES = [
	'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'ERRADDRINUSE', 'EADDRNOTAVAIL', 'ECONNABORTED',
	'EHOSTUNREACH', 'EAI_AGAIN', 'ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EEXIST', 'EPERM', 'GETADDRINFO',
];

const namesACode = (text: string) => CODES_N8N_REPLACES.some((code) => text.toUpperCase().includes(code));

/** Says what happened and what to do about it, for a request that failed for good. */
export function failureWords(failure: HttpFailure, context: FailureContext): FailureWords {
	const { vendorMessage } = context;
	if (vendorMessage && namesACode(vendorMessage)) {
		// In the message it would make n8n drop our words: keep it in the description.
		const words = failureWords(failure, { ...context, vendorMessage: undefined });
		return { message: words.message, description: `${context.vendor} said: ${vendorMessage}. ${words.description}` };
	}
	return failure.status !== undefined
		? statusWords(failure, context)
		: networkWords(failure, context);
}
