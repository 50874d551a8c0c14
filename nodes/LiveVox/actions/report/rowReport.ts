import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LiveVoxClient } from '../../transport';
import { describeWindow } from './dateRange';
import type { WindowAnswers } from './fetchReport';
import { fetchReport } from './fetchReport';
import type { ReportPlan, ReportSpec } from './reportPlan';
import { readReportPlan, warnIfPartial } from './reportPlan';

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

export interface RowReportShape {
	/** The report's own body fields. */
	body?: IDataObject;
	/** The rows of one answer. */
	rowsOf: (answer: IDataObject) => IDataObject[];
	/** What identifies a row, for de-duplication across windows and chunks. */
	keyOf: (row: IDataObject) => string;
	/** Epoch-millisecond fields that get an ISO twin. */
	timeFields: readonly string[];
}

/** A report whose answer is a list of calls: fetched window by window, concatenated, de-duplicated. */
export async function runRowReport(
	context: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
	spec: ReportSpec,
	shape: RowReportShape,
): Promise<IDataObject[]> {
	const plan = readReportPlan(context, itemIndex, spec);
	const simplify = context.getNodeParameter('simplify', itemIndex, true) as boolean;
	const windows = await fetchReport<IDataObject | undefined, IDataObject>(client, plan, spec, {
		body: shape.body,
		read: (answer) => answer ?? {},
	});
	warnIfPartial(context, plan);
	if (!simplify) return rawItems(windows, plan);
	const rows = windows.flatMap(({ answers }) => answers.flatMap(shape.rowsOf));
	return uniqueRows(rows, shape.keyOf).map((row) => withIsoTimes(row, shape.timeFields, plan.zone));
}

/** The array under `key` of an answer, or none. */
export const listUnder = (key: string) => (answer: IDataObject) =>
	Array.isArray(answer[key]) ? (answer[key] as IDataObject[]) : [];

/** The whole row identifies a lookup row: the lookups return no call id. */
export const wholeRow = (row: IDataObject) => JSON.stringify(row);
