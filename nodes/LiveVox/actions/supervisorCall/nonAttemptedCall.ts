import { DateTime } from 'luxon';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';

/** The error codes of non-attempted manual calls and their reasons, as LiveVox documents them. */
export const DOCUMENTED_REASONS: Readonly<Record<number, string>> = Object.freeze({
	440: 'Busy',
	486: 'Busy',
	998: 'Outside of allowable dialing window',
	999: 'Outside of allowable dialing window',
	799: 'No agents available to dial',
	899: 'Invalid phone number',
	900: 'Call disabled',
	901: 'Call exceeds queued',
	902: 'Call invalid queued',
	1000: 'Phone number on DNC list',
	601: 'Max attempts reached for account',
	602: 'No account information available',
	603: 'Account attempts PK violation',
	604: 'Account unknown status',
	605: 'Account default',
	606: 'Account undefined status',
	607: 'Account number on DNC list',
	9997: 'Campaign inactive.',
	9998: 'Campaign is not available',
	9999: 'Invalid dialing sequence, please contact support',
});

/** One entry of `nonAttemptedManualCalls` as LiveVox sends it (the example has ids and codes as strings). */
export interface RawNonAttemptedCall {
	transactionId?: string | number;
	phoneNumber?: string;
	reason?: string;
	errorCode?: string | number;
	timeOfFailure?: string;
}

export const failureTimeZoneOption: INodeProperties = {
	displayName: 'Time Zone of Failure Times',
	name: 'failureTimeZone',
	type: 'string',
	default: '',
	placeholder: 'e.g. America/New_York',
	description:
		"LiveVox sends the time of failure without a time zone. Enter the zone it is in (an IANA name); empty uses the workflow's time zone.",
};

/** The zone to read times of failure in: the option's, or the workflow's. */
export function failureTimeZone(option: unknown, workflowTimeZone: string): string {
	const zone = typeof option === 'string' && option.trim() !== '' ? option.trim() : workflowTimeZone;
	if (!DateTime.local().setZone(zone).isValid) {
		throw new InvalidInput(
			`Time Zone of Failure Times "${zone.slice(0, 40)}" is not a time zone`,
			'Enter an IANA time zone name such as America/New_York or America/Los_Angeles, or leave it empty.',
		);
	}
	return zone;
}

/** A digit string as a number when it is a safe integer; anything else as it came. */
function asInteger(value: unknown): unknown {
	if (typeof value === 'string' && /^\d+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
	return value;
}

/** "2014-02-06T14:44:02.2" read in `zone` as ISO with offset; a time with its own offset keeps it. */
function isoTime(text: unknown, zone: string): string | null {
	if (typeof text !== 'string' || text.trim() === '') return null;
	const parsed = DateTime.fromISO(text.trim(), { zone, setZone: /([zZ]|[+-]\d\d:?\d\d)$/.test(text.trim()) });
	return parsed.isValid ? parsed.toISO() : null;
}

/**
 * One non-attempted call as an output item: ids and code as numbers, the documented reason
 * for the code beside LiveVox's own words, and the failure time as ISO (the text as sent is kept).
 */
export function shapeNonAttemptedCall(serviceId: number, call: RawNonAttemptedCall, zone: string): IDataObject {
	const errorCode = asInteger(call.errorCode);
	const documentedReason = typeof errorCode === 'number' ? (DOCUMENTED_REASONS[errorCode] ?? null) : null;
	return {
		serviceId,
		transactionId: asInteger(call.transactionId) ?? null,
		phoneNumber: call.phoneNumber ?? null,
		errorCode: errorCode ?? null,
		reason: call.reason ?? documentedReason,
		documentedReason,
		timeOfFailure: isoTime(call.timeOfFailure, zone),
		timeOfFailureAsSent: call.timeOfFailure ?? null,
	};
}

/** What identifies one failure across polls: the same transaction and number failing at the same time. */
export function nonAttemptedCallKey(serviceId: number, call: RawNonAttemptedCall): string {
	return [serviceId, call.transactionId, call.phoneNumber, call.errorCode, call.timeOfFailure].join('|');
}
