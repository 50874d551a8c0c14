import { DateTime } from 'luxon';

import { InvalidInput } from './input';

interface DateFieldOptions {
	/** The field's name as the panel shows it, e.g. "Start Date". */
	label: string;
	/** The time zone of wall-clock times, and of the instant returned. */
	zone: string;
	/** What else the user may do instead, added to the hints, e.g. "choose a preset period". */
	alternative?: string;
}

const COMPACT_DAY = /^\d{8}$/;
const EPOCH_MS = /^\d{12,13}$/;
const EPOCH_SECONDS = /^\d{10}$/;

/** The value as the user entered it, for messages: text as typed, a date object without noise. */
export function asEntered(value: unknown): string {
	if (DateTime.isDateTime(value)) return value.toISO({ suppressMilliseconds: true }) ?? 'an invalid date';
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : DateTime.fromJSDate(value).toISO({ suppressMilliseconds: true }) ?? '';
	const text = String(value).trim();
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const isMissing = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function parse(value: unknown, zone: string): DateTime | undefined {
	if (DateTime.isDateTime(value)) return value;
	if (value instanceof Date) return DateTime.fromJSDate(value, { zone });
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (COMPACT_DAY.test(text)) return DateTime.fromFormat(text, 'yyyyMMdd', { zone });
	if (EPOCH_MS.test(text)) return DateTime.fromMillis(Number(text), { zone });
	if (typeof value === 'number') return undefined;
	const iso = DateTime.fromISO(text, { zone });
	return iso.isValid ? iso : DateTime.fromSQL(text, { zone });
}

/**
 * The one reader of the date and date-time fields of every node. What it accepts, the same
 * for every field, is what an n8n date field or an expression gives:
 *
 * - an ISO 8601 text: a date (2024-03-31), a date-time (2024-03-31T08:00:00, with or without
 *   seconds and milliseconds), with an offset (…+02:00, …Z) or without; without one it is a
 *   wall-clock time in `zone`;
 * - "yyyy-MM-dd HH:mm[:ss]" (SQL style), also a wall-clock time in `zone`;
 * - a compact day yyyyMMdd (20240331), as text or as a number;
 * - epoch milliseconds of 12 or 13 digits (1973 to 2286), as a number or a text of digits;
 *   other numbers are refused (10 digits: epoch seconds, which the error says);
 * - a JavaScript Date or a luxon DateTime (such as {{ $now }}).
 *
 * The instant comes back in `zone`. A missing value and one that is none of these are bad
 * input, named by `label` and shown as entered.
 */
export function readDateTime(value: unknown, { label, zone, alternative }: DateFieldOptions): DateTime {
	const orElse = alternative === undefined ? '' : `, or ${alternative}`;
	if (isMissing(value)) {
		throw new InvalidInput(`${label} is missing`, `Pick a date for ${label}${orElse}.`);
	}
	const parsed = parse(value, zone);
	if (parsed?.isValid) return parsed.setZone(zone);
	const entered = asEntered(value);
	const digits = String(value).trim();
	const hint = EPOCH_SECONDS.test(digits)
		? `${label} looks like epoch seconds: give milliseconds (multiply by 1000), or a date such as 2024-03-31.`
		: `Enter ${label} as a date or date-time such as 2024-03-31 or 2024-03-31T08:00:00 (epoch milliseconds work too), or pick it in the date field${orElse}.`;
	throw new InvalidInput(`${label} "${entered}" is not a date`, hint);
}
