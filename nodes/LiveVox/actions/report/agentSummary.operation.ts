import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LiveVoxClient } from '../../transport';
import { combineFlat, emptiedNote, groupInOrder } from './combine';
import { fetchReport } from './fetchReport';
import { AGENT_SUMMARY_RULES } from './figureRules';
import { includeTotalsOption, sharedReportFields } from './reportFields';
import type { ReportSpec } from './reportPlan';
import { readReportPlan, warnIfPartial } from './reportPlan';
import { rawItems } from './rowReport';

/** No documented range maximum: one request per service chunk, never split by date. */
export const spec: ReportSpec = { path: '/reporting/standard/agent/summary' };

const showTermCodesField: INodeProperties = {
	displayName: 'Show Term Codes',
	name: 'showTermCodes',
	type: 'boolean',
	default: false,
	description: 'Whether to include the term codes of each agent',
};

const showPtpAmountField: INodeProperties = {
	displayName: 'Show PTP Amount',
	name: 'showPtpAmount',
	type: 'boolean',
	default: false,
	description: 'Whether to include the promise-to-pay amount of each agent',
};

const showDetailedField: INodeProperties = {
	displayName: 'Show Detailed',
	name: 'showDetailed',
	type: 'boolean',
	default: false,
	description: 'Whether to include the detailed figures (system and productive time, averages, rates per hour)',
};

const properties: INodeProperties[] = [
	...sharedReportFields({ options: [includeTotalsOption], afterFilters: [showTermCodesField, showPtpAmountField, showDetailedField] }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['agentSummary'] } },
	properties,
);

const list = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []);
const detailsOf = (entry: unknown) =>
	((typeof entry === 'object' && entry !== null ? (entry as IDataObject).details : undefined) ?? {}) as IDataObject;

function combineDetails(entries: IDataObject[]): { details: IDataObject; note?: string } {
	const { figures, emptied } = combineFlat(entries.map(detailsOf), AGENT_SUMMARY_RULES);
	const note = emptiedNote(emptied);
	return note ? { details: figures as IDataObject, note } : { details: figures as IDataObject };
}

/**
 * The answers of several service chunks as one: an agent who works services of several
 * chunks is combined by the same rules as date windows; the total likewise.
 */
export function combineSummaries(answers: IDataObject[]): IDataObject {
	if (answers.length === 1) return answers[0];
	const results = groupInOrder(
		answers.flatMap((answer) => list(answer.results)),
		(entry) => String(entry.loginId),
	).map((same) => {
		const agent: IDataObject = { ...same[0] };
		delete agent.details;
		return { ...agent, ...combineDetails(same) };
	});
	return { results, total: combineDetails(answers.map((answer) => (answer.total ?? {}) as IDataObject)) };
}

/** One item per agent; with Include Totals one more for the total, marked in rowType. */
export function summaryRows(answer: IDataObject, includeTotals: boolean): IDataObject[] {
	const row = (rowType: string, entry: IDataObject): IDataObject => {
		const { details, note, ...agent } = entry;
		return { rowType, ...agent, ...detailsOf({ details }), ...(note ? { note } : {}) };
	};
	const rows = list(answer.results).map((entry) => row('agent', entry));
	if (includeTotals && answer.total) rows.push(row('total', answer.total as IDataObject));
	return rows;
}

/** The Agent Summary Report: one item per agent for the whole range. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const options = {
		showTermCodes: this.getNodeParameter('showTermCodes', itemIndex, false) as boolean,
		showPtpAmount: this.getNodeParameter('showPtpAmount', itemIndex, false) as boolean,
		showDetailed: this.getNodeParameter('showDetailed', itemIndex, false) as boolean,
	};
	const plan = readReportPlan(this, itemIndex, spec);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const includeTotals = this.getNodeParameter('options.includeTotals', itemIndex, false) as boolean;
	// "options" is marked mandatory in the documentation: it is always sent, with all three flags.
	const windows = await fetchReport<IDataObject | undefined, IDataObject>(client, plan, spec, {
		body: { options },
		read: (answer) => answer ?? {},
	});
	warnIfPartial(this, plan);
	if (!simplify) return rawItems(windows, plan);
	return summaryRows(combineSummaries(windows.flatMap((window) => window.answers)), includeTotals);
}
