import type { IDataObject } from 'n8n-workflow';

import { groupInOrder } from '../../../shared/combineFigures';

/**
 * The Real Time Report gives its figures as display text ("61", "77.2%", "49.9 Seconds",
 * "10min 7sec", "$.50"). These read them as numbers, and write combined figures back in
 * the same style so a combined answer looks like one LiveVox would give.
 */
export function countOf(text: unknown): number | null {
	if (typeof text === 'number') return text;
	if (typeof text !== 'string' || text.trim() === '') return null;
	// "$.50" has no digit before its point.
	const match = /-?(\d+(\.\d+)?|\.\d+)/.exec(text.replace(/,/g, ''));
	return match ? Number(match[0]) : null;
}

/** "10min 7sec" (or "1h 2min 3sec") as seconds. */
export function secondsOf(text: unknown): number | null {
	if (typeof text !== 'string' || text.trim() === '') return null;
	let seconds = 0;
	let matched = false;
	for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)\s*(h|hr|hour|min|m|sec|s)\w*/gi)) {
		matched = true;
		const factor = /^h/i.test(unit) ? 3600 : /^m/i.test(unit) ? 60 : 1;
		seconds += Number(amount) * factor;
	}
	return matched ? seconds : null;
}

/** "$2.31" or "$.50" as dollars. */
export const dollarsOf = (text: unknown) => countOf(typeof text === 'string' ? text.replace('$', '') : text);

const oneDecimal = (value: number) => String(Number(value.toFixed(1)));
const percentText = (part: number, whole: number) => `${whole === 0 ? '0' : oneDecimal((100 * part) / whole)}%`;
const durationText = (seconds: number) => `${Math.floor(seconds / 60)}min ${Math.round(seconds % 60)}sec`;
function dollarsText(amount: number): string {
	const cents = Math.round(amount * 100);
	const dollars = Math.floor(cents / 100);
	return `$${dollars === 0 ? '' : dollars}.${String(cents % 100).padStart(2, '0')}`;
}

const isRecord = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Adds up every number in same-shaped objects (the call counts of the summary). */
function sumCounts(parts: unknown[]): IDataObject {
	const total: IDataObject = {};
	for (const part of parts.filter(isRecord)) {
		for (const [key, value] of Object.entries(part)) {
			if (isRecord(value)) total[key] = sumCounts([total[key], value].filter(isRecord));
			else if (typeof value === 'number') total[key] = ((total[key] as number | undefined) ?? 0) + value;
		}
	}
	return total;
}

interface Line {
	name?: unknown;
	totalCalls?: unknown;
	avgCallLength?: unknown;
	totalCallsInPercent?: unknown;
}

/** Calls and average length of several lines for the same term code or category, combined. */
function combineLines(lines: Line[], categoryCalls: number | null, connectedTotal: number) {
	const calls = lines.reduce((sum, line) => sum + (countOf(line.totalCalls) ?? 0), 0);
	// The average length is total length / calls: each part's length is its average × its calls.
	const timed = lines.filter((line) => countOf(line.avgCallLength) !== null);
	const timedCalls = timed.reduce((sum, line) => sum + (countOf(line.totalCalls) ?? 0), 0);
	const seconds = timed.reduce((sum, line) => sum + (countOf(line.avgCallLength) ?? 0) * (countOf(line.totalCalls) ?? 0), 0);
	const noPercent = lines.every((line) => line.totalCallsInPercent === '');
	return {
		totalCallsInCategoryInPercent: categoryCalls === null ? '100%' : percentText(calls, categoryCalls),
		totalCalls: String(calls),
		totalCallsInPercent: noPercent ? '' : percentText(calls, connectedTotal),
		avgCallLength: timed.length === 0 ? '' : `${timedCalls === 0 ? '0' : oneDecimal(seconds / timedCalls)} Seconds`,
	};
}

/**
 * Several RTR answers as one. Counts and charges add up; each percentage is recomputed as its
 * calls over the connected calls (or over its category's calls), and each average length is
 * weighted by calls. "Last 15 minutes" adds up across service chunks (the same moment), but
 * across date windows it is the last window's.
 */
export function combineRealTime(parts: IDataObject[], across: 'services' | 'windows'): IDataObject {
	if (parts.length === 1) return parts[0];
	const summaries = parts.map((part) => (isRecord(part.summary) ? part.summary : {}));
	const totalCalls = sumCounts(summaries.map((summary) => summary.totalCalls));
	const last15 =
		across === 'services'
			? sumCounts(summaries.map((summary) => summary.totalCallsInLast15Mins))
			: (summaries[summaries.length - 1].totalCallsInLast15Mins ?? null);
	const connectedTotal = countOf((totalCalls.connected as IDataObject | undefined)?.total) ?? 0;
	const outcomes = groupInOrder(
		parts.flatMap((part) => (Array.isArray(part.outcomes) ? (part.outcomes as IDataObject[]) : [])),
		(outcome) => String(outcome.name),
	).map((same) => {
		const categoryCalls = same.reduce((sum, outcome) => sum + (countOf((outcome.totals as Line | undefined)?.totalCalls) ?? 0), 0);
		const termcodes = groupInOrder(
			same.flatMap((outcome) => (Array.isArray(outcome.termcodes) ? (outcome.termcodes as Line[]) : [])),
			(line) => String(line.name),
		).map((lines) => ({ name: lines[0].name, ...combineLines(lines, categoryCalls, connectedTotal) }));
		return {
			totals: combineLines(same.map((outcome) => (outcome.totals ?? {}) as Line), null, connectedTotal),
			termcodes,
			name: same[0].name,
		};
	});
	const charges: IDataObject = {};
	for (const group of ['connectedCalls', 'operatorTransfer', 'total']) {
		const lines = parts.map((part) => (isRecord(part.charges) && isRecord(part.charges[group]) ? part.charges[group] : {}));
		const seconds = lines.reduce((sum, line) => sum + (secondsOf(line.duration) ?? 0), 0);
		const dollars = lines.reduce((sum, line) => sum + (dollarsOf(line.charges) ?? 0), 0);
		charges[group] = { duration: durationText(seconds), charges: dollarsText(dollars) };
	}
	return {
		summary: { totalCalls, totalCallsInLast15Mins: last15, clientId: summaries[0].clientId ?? null },
		outcomes,
		charges,
	};
}
