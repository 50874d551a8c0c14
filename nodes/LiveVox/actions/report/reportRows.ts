import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { describeWindow } from './dateRange';
import type { WindowAnswers } from './fetchReport';
import type { ReportPlan } from './reportPlan';

/** Adds `<field>Iso`, the time in the reporting timezone, beside each epoch-millisecond field. */
export function withIsoTimes(row: IDataObject, fields: readonly string[], zone: string): IDataObject {
	const stamped: IDataObject = { ...row };
	for (const field of fields) {
		const value = row[field];
		if (typeof value === 'number') stamped[`${field}Iso`] = DateTime.fromMillis(value, { zone }).toISO();
	}
	return stamped;
}

/**
 * The rows in their order, each key once. Windows cut by the node meet LiveVox's reporting
 * day (4:00 am to 3:59 am) at their edges, so the same call can come back from two windows.
 */
export function uniqueRows<T>(rows: Iterable<T>, keyOf: (row: T) => string): T[] {
	const seen = new Set<string>();
	const unique: T[] = [];
	for (const row of rows) {
		const key = keyOf(row);
		if (seen.has(key)) continue;
		seen.add(key);
		unique.push(row);
	}
	return unique;
}

/** Simplify off: the raw answers, one item per request, labelled with the window (and service chunk). */
export function rawItems(windows: Array<WindowAnswers<IDataObject>>, plan: ReportPlan): IDataObject[] {
	return windows.flatMap(({ window, answers }) =>
		answers.map((answer, chunkIndex) => ({
			...describeWindow(window, plan.zone),
			...(answers.length > 1 ? { serviceChunk: chunkIndex + 1 } : {}),
			...answer,
		})),
	);
}

/**
 * The simplify of a report whose answer is a list of calls: the list under `key` of every
 * answer, concatenated in time order, each epoch-millisecond field of `timeFields` with an
 * ISO twin (the spec's dedupe key then puts each call out once).
 */
export function listedRows(key: string, timeFields: readonly string[]) {
	return (windows: Array<WindowAnswers<IDataObject>>, { plan }: { plan: ReportPlan }): IDataObject[] =>
		windows.flatMap(({ answers }) =>
			answers.flatMap((answer) =>
				(Array.isArray(answer[key]) ? (answer[key] as IDataObject[]) : []).map((row) => withIsoTimes(row, timeFields, plan.zone)),
			),
		);
}

/** The whole row identifies a lookup row: the lookups return no call id. */
export const wholeRow = (row: IDataObject) => JSON.stringify(row);
