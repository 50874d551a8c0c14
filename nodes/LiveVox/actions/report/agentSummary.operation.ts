import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { combineFigures, groupInOrder } from '../../../shared/combineFigures';
import { AGENT_SUMMARY_RULES, emptiedNote } from './figureRules';
import { includeTotalsOption } from './reportFields';
import type { ReportSpec } from './runReport';
import { reportDescription, runReport } from './runReport';

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

const list = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []);
const detailsOf = (entry: unknown) =>
	((typeof entry === 'object' && entry !== null ? (entry as IDataObject).details : undefined) ?? {}) as IDataObject;

function combineDetails(entries: IDataObject[]): { details: IDataObject; note?: string } {
	const { figures, emptied } = combineFigures(entries.map(detailsOf), AGENT_SUMMARY_RULES);
	const note = emptiedNote(emptied);
	return note ? { details: figures as IDataObject, note } : { details: figures as IDataObject };
}

/**
 * The answers of several service chunks as one: an agent who works services of several
 * chunks is combined by the same rules as date windows; the total likewise.
 */
function combineSummaries(answers: IDataObject[]): IDataObject {
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
function summaryRows(answer: IDataObject, includeTotals: boolean): IDataObject[] {
	const row = (rowType: string, entry: IDataObject): IDataObject => {
		const { details, note, ...agent } = entry;
		return { rowType, ...agent, ...detailsOf({ details }), ...(note ? { note } : {}) };
	};
	const rows = list(answer.results).map((entry) => row('agent', entry));
	if (includeTotals && answer.total) rows.push(row('total', answer.total as IDataObject));
	return rows;
}

/** The three flags: "options" is marked mandatory in the documentation, so it is always sent, with all three. */
const summaryBody = (context: IExecuteFunctions, itemIndex: number): IDataObject => ({
	options: {
		showTermCodes: context.getNodeParameter('showTermCodes', itemIndex, false) as boolean,
		showPtpAmount: context.getNodeParameter('showPtpAmount', itemIndex, false) as boolean,
		showDetailed: context.getNodeParameter('showDetailed', itemIndex, false) as boolean,
	},
});

/** The Agent Summary Report: one item per agent for the whole range. No documented range maximum: never split by date. */
const spec: ReportSpec = {
	operation: 'agentSummary',
	path: '/reporting/standard/agent/summary',
	fields: { afterFilters: [showTermCodesField, showPtpAmountField, showDetailedField], options: [includeTotalsOption] },
	body: summaryBody,
	simplify: (windows, { options }) =>
		summaryRows(combineSummaries(windows.flatMap((window) => window.answers)), options.includeTotals === true),
};

export const description = reportDescription(spec);
export const execute = runReport(spec);
