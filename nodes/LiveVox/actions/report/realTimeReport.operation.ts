import type { IDataObject } from 'n8n-workflow';

import { combineRealTime, countOf, dollarsOf, secondsOf } from './realTimeFigures';
import { combineWindowsOption, includeTotalsOption } from './reportFields';
import type { ReportSpec } from './runReport';
import { reportDescription, runReport } from './runReport';
import type { LabelledAnswer } from './windowedAggregate';
import { windowedAggregate } from './windowedAggregate';

const isRecord = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A term code or category line as numbers. */
function lineFigures(line: IDataObject): IDataObject {
	return {
		totalCalls: countOf(line.totalCalls),
		totalCallsInPercent: countOf(line.totalCallsInPercent),
		totalCallsInCategoryInPercent: countOf(line.totalCallsInCategoryInPercent),
		avgCallLengthSeconds: countOf(line.avgCallLength),
	};
}

/** The summary and charges as one flat row. */
function summaryRow(answer: IDataObject): IDataObject {
	const summary = isRecord(answer.summary) ? answer.summary : {};
	const counts = (value: unknown, prefix: string): IDataObject => {
		const group = isRecord(value) ? value : {};
		const connected = isRecord(group.connected) ? group.connected : {};
		return {
			[`${prefix}LiveAnswer`]: countOf(connected.liveAnswer),
			[`${prefix}AutomatedAnswer`]: countOf(connected.automatedAnswer),
			[`${prefix}Connected`]: countOf(connected.total),
			[`${prefix}NotConnected`]: countOf(group.notConnected),
			[`${prefix}SuccessfulOperatorTransfers`]: countOf(group.successfulOperatorTransfer),
		};
	};
	const charges = isRecord(answer.charges) ? answer.charges : {};
	const row: IDataObject = {
		rowType: 'summary',
		clientId: summary.clientId ?? null,
		...counts(summary.totalCalls, 'calls'),
		...counts(summary.totalCallsInLast15Mins, 'last15Mins'),
	};
	for (const group of ['connectedCalls', 'operatorTransfer', 'total']) {
		const line = isRecord(charges[group]) ? charges[group] : {};
		row[`${group}DurationSeconds`] = secondsOf(line.duration);
		row[`${group}Charges`] = dollarsOf(line.charges);
	}
	return row;
}

/** One item per term code with its outcome category; totals as marked items when asked. */
function realTimeRows({ answer }: LabelledAnswer, { includeTotals }: { includeTotals: boolean }): IDataObject[] {
	const rows: IDataObject[] = [];
	for (const outcome of Array.isArray(answer.outcomes) ? (answer.outcomes as IDataObject[]) : []) {
		const category = outcome.name ?? null;
		for (const line of Array.isArray(outcome.termcodes) ? (outcome.termcodes as IDataObject[]) : []) {
			rows.push({ rowType: 'termCode', category, termCode: line.name ?? null, ...lineFigures(line) });
		}
		if (includeTotals && isRecord(outcome.totals)) {
			rows.push({ rowType: 'categoryTotal', category, termCode: null, ...lineFigures(outcome.totals) });
		}
	}
	if (includeTotals) rows.push(summaryRow(answer));
	return rows;
}

/**
 * The Real Time Report (RTR) of past days: call counts, outcomes by term code and charges.
 * One answer per window of at most 90 days; windows combined on request.
 */
const spec: ReportSpec = {
	operation: 'realTimeReport',
	path: '/reporting/standard/realTimeReport',
	maxDays: 90,
	fields: { options: [combineWindowsOption, includeTotalsOption] },
	...windowedAggregate({ combine: combineRealTime, rows: realTimeRows }),
};

export const description = reportDescription(spec);
export const execute = runReport(spec);
