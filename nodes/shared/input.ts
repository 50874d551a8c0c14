/**
 * Bad input found before any request: the message names the field, the hint says the fix.
 * The router turns it into a NodeOperationError for the item at fault.
 */
export class InvalidInput extends Error {
	constructor(
		message: string,
		readonly hint: string,
	) {
		super(message);
		this.name = 'InvalidInput';
	}
}

const WHOLE_NUMBER = /^\d+$/;

/** An ID (or any whole number of 0 or more) as the APIs want it, given as a number or as digits; `hint` replaces the generic fix. */
export function toId(value: unknown, label: string, hint?: string): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (text === '') {
		throw new InvalidInput(`${label} is missing`, hint ?? `Enter the ${label} as a whole number.`);
	}
	if (!WHOLE_NUMBER.test(text) || !Number.isSafeInteger(Number(text))) {
		throw new InvalidInput(
			`${label} must be a whole number, got "${text.slice(0, 40)}"`,
			hint ?? `Enter the ${label} as digits only, for example 20575.`,
		);
	}
	return Number(text);
}

/** A list of IDs from a comma-separated text, an array, or a single number. Empty gives []. */
export function toIdList(value: unknown, label: string): number[] {
	const parts = Array.isArray(value)
		? value
		: typeof value === 'number'
			? [value]
			: typeof value === 'string'
				? value.split(/[\s,;]+/).filter((part) => part !== '')
				: value === undefined || value === null
					? []
					: [value];
	return parts.map((part) => toId(part, `each of ${label}`));
}

const CLOCK_TIME = /^(\d{1,2}):(\d{2})$/;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** Closing times run past midnight into the next day (LiveVox's own example closes at 25:59). */
const LAST_HOUR = 47;

/** "HH:mm" to milliseconds from midnight; hours may go past 24 for a closing time after midnight. */
export function clockTimeToMs(value: unknown, label: string): number {
	const text = typeof value === 'string' ? value.trim() : '';
	const match = CLOCK_TIME.exec(text);
	const hours = match ? Number(match[1]) : NaN;
	const minutes = match ? Number(match[2]) : NaN;
	if (!match || hours > LAST_HOUR || minutes > 59) {
		throw new InvalidInput(
			`${label} "${text.slice(0, 20)}" is not a time`,
			`Enter ${label} as HH:mm, for example 08:30 or 17:00; a closing time after midnight may go past 24:00, such as 25:59 for 1:59 am the next day.`,
		);
	}
	return hours * HOUR_MS + minutes * MINUTE_MS;
}

/** Milliseconds from midnight back to "HH:mm" (25:59 stays 25:59). */
export function msToClockTime(ms: number): string {
	const totalMinutes = Math.floor(ms / MINUTE_MS);
	const hours = Math.floor(totalMinutes / 60);
	const minutes = totalMinutes % 60;
	return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Keeps only the entries the user actually set (drops undefined and empty strings). */
export function onlySet<T extends Record<string, unknown>>(fields: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''),
	) as Partial<T>;
}
