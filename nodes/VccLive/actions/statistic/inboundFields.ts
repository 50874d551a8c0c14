import type { IDataObject } from 'n8n-workflow';

/**
 * The short keys of VCC Live's example answer and the documented names they stand for.
 * The documentation never explains them; they line up one-to-one with nine documented
 * fields that the example lacks (VENDOR-NOTES.md). An inference: the short keys stay.
 */
export const SHORT_KEY_NAMES: Readonly<Record<string, string>> = {
	lab: 'last_answered_before',
	laa: 'last_answered_after',
	laiqb: 'last_abort_in_queue_before',
	laiqa: 'last_abort_in_queue_after',
	laiqe: 'last_abort_in_queue_early',
	bqr: 'before_queue_redirected',
	aqr: 'after_queue_redirected',
	aiqe: 'abort_in_queue_early',
	lqt: 'last_queue_time',
};

/** The fields a row is identified by when rows of several months are combined. */
export const GROUP_FIELDS = ['projectid', 'queueid'] as const;

/** The day of a row; it has no single value once months are combined. */
export const DATE_FIELD = 'date';

const CALL_COUNTS = [
	'answered_before',
	'answered_after',
	'abort_before_queue',
	'abort_in_queue_before',
	'abort_in_queue_after',
	'abort_in_queue_early',
	'before_queue_redirected',
	'after_queue_redirected',
	'last_answered_before',
	'last_answered_after',
	'last_abort_in_queue_before',
	'last_abort_in_queue_after',
	'last_abort_in_queue_early',
];

/**
 * Times summed like counts. The documentation calls three fields "Average ..." (below) and
 * describes queue_time, talk_time and last_queue_time only as "Time spent ...", without
 * that word; its example agrees that they are totals: project 214 has talk_time 8785 for
 * 51 answered calls, which is 172 s a call as a total and impossible as an average. So
 * these are sums of seconds, and a sum over months is their total over the period.
 */
const TOTAL_TIMES = ['queue_time', 'talk_time', 'last_queue_time'];

/** Fields whose values add up across months: counts of calls and total times, short keys included. */
export const SUMMED_FIELDS: ReadonlySet<string> = new Set([
	...CALL_COUNTS,
	...TOTAL_TIMES,
	...Object.keys(SHORT_KEY_NAMES),
]);

/**
 * Fields the documentation calls averages. It does not say what they average over (which
 * calls are counted), so a combined average cannot be recomputed from the counts: it is
 * left empty, with a note, rather than summed or guessed.
 */
export const AVERAGE_FIELDS: ReadonlySet<string> = new Set([
	'abort_case_queue_time',
	'queue_time_without_talktime',
	'time_before_queue',
]);

/** The row with the documented name added beside each short key (the short key is kept). */
export function withReadableNames(row: IDataObject): IDataObject {
	const named: IDataObject = { ...row };
	for (const [short, readable] of Object.entries(SHORT_KEY_NAMES)) {
		if (short in row && !(readable in row)) named[readable] = row[short];
	}
	return named;
}
