import type { IDataObject } from 'n8n-workflow';

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
