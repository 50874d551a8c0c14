import type { FailureWords } from '../shared/failureMessage';
import { failureWords } from '../shared/failureMessage';
import type { HttpFailure } from '../shared/httpFailure';
import type { RequestKind } from '../shared/retry';
import type { VendorFailure } from '../shared/vendorClient';

/** VCC Live's answer envelope: `response` is only meaningful when `errors` is empty. */
export interface VccLiveEnvelope {
	response: unknown;
	/** The error codes, e.g. "error.argument_format_error". */
	errors: string[];
}

const BOM = '\ufeff';

/**
 * JSON as VCC Live writes it, or undefined when the text is no JSON. Its own documented
 * example ends with `"errors": [],}`, which JSON.parse refuses: when the strict parse
 * fails, commas before a closing bracket (outside strings) are dropped and it is tried again.
 */
export function parseVccLiveJson(text: string): unknown {
	const body = text.startsWith(BOM) ? text.slice(1) : text;
	try {
		return JSON.parse(body);
	} catch {
		const lenient = body.replace(/("(?:[^"\\]|\\.)*")|,(\s*[}\]])/g, (match, quoted: string | undefined, closing: string) =>
			quoted ?? closing,
		);
		try {
			return lenient === body ? undefined : JSON.parse(lenient);
		} catch {
			return undefined;
		}
	}
}

function errorText(entry: unknown): string {
	if (typeof entry === 'string') return entry;
	if (typeof entry === 'object' && entry !== null) {
		// The Database API writes {index, errorcode: 417, errormessage: "error.…"} (Modify contact's example).
		const { code, message, errormessage } = entry as { code?: unknown; message?: unknown; errormessage?: unknown };
		if (typeof code === 'string') return code;
		if (typeof errormessage === 'string') return errormessage;
		if (typeof message === 'string') return message;
	}
	return JSON.stringify(entry);
}

/** The envelope in a body, when the body is one (JSON text or already parsed); undefined otherwise. */
export function readEnvelope(body: unknown): VccLiveEnvelope | undefined {
	let parsed = body;
	if (typeof body === 'string') {
		const trimmed = body.trimStart().replace(BOM, '');
		if (!trimmed.startsWith('{')) return undefined;
		parsed = parseVccLiveJson(trimmed);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
	const record = parsed as Record<string, unknown>;
	if (!('response' in record) && !('errors' in record)) return undefined;
	const errors = Array.isArray(record.errors) ? record.errors.map(errorText) : [];
	return { response: record.response, errors };
}

/** An error of a batch answer that names one element of the request's array by its index. */
export interface ElementError {
	index: number;
	/** The error's text, e.g. "error.missing_arguments". */
	code: string;
	/** VCC Live's number for it, e.g. 417, when given. */
	errorcode?: number;
}

/**
 * A batch answer split in two: the errors naming one of the `count` elements sent (by
 * `index`, as Modify quota limits' partial answer does), and the envelope with the other
 * errors only, which fail the request as any error does. Undefined when the body is no envelope.
 */
export function splitElementErrors(body: unknown, count: number): { envelope: VccLiveEnvelope; elementErrors: ElementError[] } | undefined {
	const envelope = readEnvelope(body);
	if (!envelope) return undefined;
	const parsed = (typeof body === 'string' ? parseVccLiveJson(body.trimStart().replace(BOM, '')) : body) as { errors?: unknown };
	const entries = Array.isArray(parsed.errors) ? (parsed.errors as unknown[]) : [];
	const elementErrors: ElementError[] = [];
	const others: string[] = [];
	entries.forEach((entry, position) => {
		const { index, errorcode } = (typeof entry === 'object' && entry !== null ? entry : {}) as { index?: unknown; errorcode?: unknown };
		if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < count) {
			elementErrors.push({ index, code: envelope.errors[position], ...(typeof errorcode === 'number' ? { errorcode } : {}) });
		} else {
			others.push(envelope.errors[position]);
		}
	});
	return { envelope: { response: envelope.response, errors: others }, elementErrors };
}

const ERROR_CODE = /error\.[a-z0-9_.]*[a-z0-9_]/gi;

/** The error codes a failure body carries: the envelope's, or codes written as plain text. */
export function errorCodesIn(body: unknown): string[] {
	const envelope = readEnvelope(body);
	if (envelope) return envelope.errors;
	if (typeof body !== 'string') return [];
	return [...new Set(body.match(ERROR_CODE) ?? [])];
}

/** The codes the documentation lists (all with HTTP 417): inbound statistics, then Modify contact. */
export const DOCUMENTED_ERRORS = {
	argumentFormat: 'error.argument_format_error',
	argumentMissing: 'error.argument_missing_or_empty',
	periodTooLong: 'error.maximum_date_interval_reached',
	contactNotExists: 'error.contact_not_exists',
	wrongEmailFormat: 'error.wrong_email_format',
} as const;

const CODE_WORDS: Record<string, FailureWords> = {
	[DOCUMENTED_ERRORS.argumentFormat]: {
		message: 'VCC Live rejected a parameter as badly formatted (error.argument_format_error)',
		description: 'Check the period, the dimensions, the project and team IDs and the Manual SLA.',
	},
	[DOCUMENTED_ERRORS.argumentMissing]: {
		message: 'VCC Live says a required parameter is missing or empty (error.argument_missing_or_empty)',
		description:
			'The node always sends from, to and dimensions. Check that the Base URL in the credential ends before /v2 and carries no query string.',
	},
	[DOCUMENTED_ERRORS.periodTooLong]: {
		message: 'VCC Live refused the period as longer than its maximum of one month (error.maximum_date_interval_reached)',
		description:
			'The node already asks for one calendar month per request, so VCC Live counts a month more strictly for your account: ask for a shorter period and tell the maintainers of this node.',
	},
	[DOCUMENTED_ERRORS.contactNotExists]: {
		message: 'VCC Live says the contact does not exist (error.contact_not_exists)',
		description:
			'Contact 1 can always be set; contacts 2, 3, … only when the project has the fields phone2, phone3, …. Check the Contact number, the Project ID and the Record ID.',
	},
	[DOCUMENTED_ERRORS.wrongEmailFormat]: {
		message: 'VCC Live refused the email address as badly formatted (error.wrong_email_format)',
		description: 'Enter a whole email address such as name@example.com, or leave Email empty.',
	},
};

/**
 * Plain words for the codes of a failed call, when one of them is documented: the first
 * documented code leads, the others are named too. `hints` replace a code's advice where
 * the operation knows better (a CSV request may need the "cvs" spelling).
 */
export function documentedErrorWords(codes: readonly string[], hints: Partial<Record<string, string>> = {}): FailureWords | undefined {
	const known = codes.find((code) => CODE_WORDS[code] !== undefined);
	if (known === undefined) return undefined;
	const others = codes.filter((code) => code !== known);
	const also = others.length > 0 ? ` VCC Live also said: ${others.join(', ')}.` : '';
	return {
		message: CODE_WORDS[known].message,
		description: `${hints[known] ?? CODE_WORDS[known].description}${also}`,
	};
}

const LOGIN_HINT =
	'Check the customer, user and API token in the credential. VCC Live accepts API calls only from allow-listed IP addresses: have your VCC Live admin allow the address of your n8n server.';

/** The text of a body that is not JSON, short enough to quote in a message. */
export function quotedText(body: unknown): string | undefined {
	if (typeof body !== 'string' || body.trim() === '' || body.trimStart().startsWith('<')) return undefined;
	return body.trim().slice(0, 200);
}

/** What a VCC Live request says about its own failures. */
interface FailureSpec {
	kind: RequestKind;
	expect: 'json' | 'text';
	codeHints?: Partial<Record<string, string>>;
	/** What to do, by HTTP status (e.g. 404: which ID to check). */
	hints?: Partial<Record<number, string>>;
	checkAfterUnknownOutcome?: string;
}

/** The words for a VCC Live request that failed for good: its documented error codes, or the generic words. */
export function vccLiveFailure(request: FailureSpec, failure: HttpFailure, context: { attempts: number; timeoutSeconds: number }): VendorFailure {
	const codes = errorCodesIn(failure.body);
	const words =
		documentedErrorWords(codes, request.codeHints) ??
		failureWords(failure, {
			vendor: 'VCC Live',
			kind: request.kind,
			attempts: context.attempts,
			vendorMessage: codes.length > 0 ? codes.join(', ') : quotedText(failure.body),
			hints: { ...request.hints, 401: LOGIN_HINT, 403: LOGIN_HINT },
			checkAfterUnknownOutcome: request.checkAfterUnknownOutcome,
			timeoutSeconds: context.timeoutSeconds,
		});
	return { words, httpCode: failure.status === undefined ? undefined : String(failure.status), details: { errors: [...codes] } };
}

/** The failure in a successful answer: errors in its envelope, or no envelope where JSON was asked for. */
export function vccLiveEnvelopeFailure(request: FailureSpec, envelope: VccLiveEnvelope | undefined, text: string): VendorFailure | undefined {
	if (envelope && envelope.errors.length > 0) {
		const words = documentedErrorWords(envelope.errors, request.codeHints) ?? {
			message: `VCC Live answered with errors: ${envelope.errors.join(', ').slice(0, 300)}`,
			description: 'VCC Live accepted the call but reported errors instead of data: check the node parameters.',
		};
		return { words, httpCode: '200', details: { errors: [...envelope.errors] } };
	}
	if (envelope === undefined && request.expect === 'json') {
		return {
			words: {
				message: 'VCC Live answered with something other than its JSON envelope',
				description: `It began: ${quotedText(text)?.slice(0, 100) ?? '(empty or HTML)'}. Check the Base URL in the credential.`,
			},
			httpCode: '200',
			details: { errors: [] },
		};
	}
	return undefined;
}
