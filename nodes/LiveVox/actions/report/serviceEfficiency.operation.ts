import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';
import { combineNested, flatten, groupInOrder } from '../../../shared/combineFigures';
import { emptiedNote, SERVICE_EFFICIENCY_RULES } from './figureRules';
import { combineWindowsOption, includeTotalsOption } from './reportFields';
import type { ReportSpec } from './runReport';
import { reportDescription, runReport } from './runReport';
import type { LabelledAnswer } from './windowedAggregate';
import { windowedAggregate } from './windowedAggregate';

const chartField: INodeProperties = {
	displayName: 'Chart',
	name: 'chart',
	type: 'boolean',
	default: false,
	description: 'Whether LiveVox should create a chart and return a link to it',
};

const groupByField: INodeProperties = {
	displayName: 'Group By (JSON)',
	name: 'groupBy',
	type: 'json',
	default: '',
	placeholder: '{ "callCenter": true, "service": true }',
	description:
	'How LiveVox separates the results. The public documentation does not list the criteria: enter the object your tenant\'s Swagger shows. A key naming the date or day keeps results of different days apart when windows are combined.',
};

function readGroupBy(value: unknown): IDataObject | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			parsed = undefined;
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new InvalidInput('Group By (JSON) is not a JSON object', 'Enter an object such as { "callCenter": true }, or leave it empty.');
	}
	return Object.keys(parsed).length > 0 ? (parsed as IDataObject) : undefined;
}

const list = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []);

/** Results with the same call center, service (and day, when grouped by day) combined; a note where figures were left empty. */
function combineEntries(entries: IDataObject[], keyOf: (entry: IDataObject) => string): IDataObject[] {
	return groupInOrder(entries, keyOf).map((same) => {
		if (same.length === 1) return same[0];
		const { figures, emptied } = combineNested(same.map((entry) => (entry.details ?? {}) as IDataObject), SERVICE_EFFICIENCY_RULES);
		const note = emptiedNote(emptied);
		return { ...same[0], details: figures, ...(note ? { note } : {}) };
	});
}

function combineEfficiency(parts: IDataObject[], byDate: boolean): IDataObject {
	if (parts.length === 1) return parts[0];
	const resultKey = (entry: IDataObject) =>
		JSON.stringify([entry.callCenterId, entry.serviceId, entry.callCenter, entry.service, byDate ? entry.date : null]);
	const callCenterTotals = parts.flatMap((part) => list(part.callCenterTotals));
	const charts = [...new Set(parts.map((part) => part.chart).filter((chart) => typeof chart === 'string'))];
	const [grandTotal] = combineEntries(
		parts.map((part) => (part.grandTotal ?? { details: {} }) as IDataObject),
		() => 'all',
	);
	const combined: IDataObject = {
		results: combineEntries(parts.flatMap((part) => list(part.results)), resultKey),
		callCenterTotals: parts.every((part) => part.callCenterTotals === null || part.callCenterTotals === undefined)
			? null
			: combineEntries(callCenterTotals, (entry) => String(entry.callCenterId)),
		grandTotal,
	};
	// A chart link belongs to one request: several stay side by side.
	if (charts.length > 0) combined.chart = charts.length === 1 ? charts[0] : charts;
	return combined;
}

/** Metric names as rows show them: the leaf name, made clear where the leaf alone is not. */
const RENAMED: Record<string, string> = {
	'agentProductivityPercentageBreakDown.inCall': 'inCallTimeInPercent',
	'agentProductivityPercentageBreakDown.wrapup': 'wrapupTimeInPercent',
	'agentProductivityPercentageBreakDown.ready': 'readyTimeInPercent',
	'billing.connectionCall': 'connectionCallMinutes',
	'billing.operatorTransfer': 'operatorTransferMinutes',
};

function metricColumns(details: unknown): IDataObject {
	const flat = flatten((details ?? {}) as IDataObject);
	const leaves = Object.keys(flat).map((path) => path.split('.').pop() as string);
	const columns: IDataObject = {};
	for (const [path, value] of Object.entries(flat)) {
		const leaf = path.split('.').pop() as string;
		const clash = leaves.filter((name) => name === leaf).length > 1;
		columns[RENAMED[path] ?? (clash ? path.replace(/\./g, '_') : leaf)] = value as IDataObject[keyof IDataObject];
	}
	return columns;
}

function efficiencyRows({ answer }: LabelledAnswer, { zone, includeTotals }: { zone: string; includeTotals: boolean }): IDataObject[] {
	const chart = answer.chart === undefined ? {} : { chart: answer.chart };
	const row = (rowType: string, entry: IDataObject): IDataObject => {
		const { details, note, date, ...labels } = entry;
		return {
			rowType,
			...labels,
			...(typeof date === 'number' ? { date, dateIso: DateTime.fromMillis(date, { zone }).toISODate() } : {}),
			...metricColumns(details),
			...chart,
			...(note ? { note } : {}),
		};
	};
	const rows = list(answer.results).map((entry) => row('result', entry));
	if (includeTotals) {
		rows.push(...list(answer.callCenterTotals).map((entry) => row('callCenterTotal', entry)));
		if (answer.grandTotal) rows.push(row('grandTotal', answer.grandTotal as IDataObject));
	}
	return rows;
}

function efficiencyBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const groupBy = readGroupBy(context.getNodeParameter('groupBy', itemIndex, ''));
	const body: IDataObject = {};
	if (context.getNodeParameter('chart', itemIndex, false) === true) body.chart = true;
	if (groupBy) body.groupBy = groupBy;
	return body;
}

/** Whether results are grouped by day: then results of different days stay apart when windows are combined. */
const groupedByDate = (body: IDataObject | undefined) =>
	Object.entries((body?.groupBy ?? {}) as IDataObject).some(([key, value]) => /date|day/i.test(key) && value !== false);

/**
 * The Service Efficiency Report: one item per result with flattened metric names, one
 * answer per window of at most 31 days; windows combined on request.
 */
const spec: ReportSpec = {
	operation: 'serviceEfficiency',
	path: '/reporting/standard/service/efficiency',
	maxDays: 31,
	fields: { afterFilters: [chartField, groupByField], options: [combineWindowsOption, includeTotalsOption] },
	body: efficiencyBody,
	...windowedAggregate({ combine: (parts, _across, run) => combineEfficiency(parts, groupedByDate(run.body)), rows: efficiencyRows }),
};

export const description = reportDescription(spec);
export const execute = runReport(spec);
