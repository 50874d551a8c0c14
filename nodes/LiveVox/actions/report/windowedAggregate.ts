import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { TimeWindow } from '../../../shared/dayWindows';
import type { LiveVoxClient } from '../../transport';
import { describeWindow } from './dateRange';
import { fetchReport } from './fetchReport';
import type { ReportPlan, ReportSpec } from './reportPlan';
import { readReportPlan, warnIfPartial } from './reportPlan';
import { rawItems } from './rowReport';

/** One aggregate answer and the window it covers (the whole range once windows are combined). */
export interface LabelledAnswer {
	window: TimeWindow;
	answer: IDataObject;
	/** How many requests were combined into it. */
	requests: number;
}

export interface WindowedAggregateShape {
	body?: IDataObject;
	/** Several answers as one: across service chunks of a window, or across windows. */
	combine: (answers: IDataObject[], across: 'services' | 'windows') => IDataObject;
	/** Simplify: the items of one (possibly combined) answer. */
	rows: (labelled: LabelledAnswer, context: { zone: string; includeTotals: boolean }) => IDataObject[];
}

/** The window label every item of an aggregate report carries, and whether today's data may be partial. */
export function windowLabel(labelled: LabelledAnswer, plan: ReportPlan): IDataObject {
	const label: IDataObject = { ...describeWindow(labelled.window, plan.zone) };
	// Windows are cut at midnights, so today's part of the range lies in the last window.
	if (plan.reachesToday && labelled.window.end === plan.range.end) label.todayMayBePartial = true;
	return label;
}

/**
 * A report of totals with a range maximum (Real Time Report, Service Efficiency): one
 * answer per date window, service chunks of a window always combined (they are one request
 * LiveVox would not take), windows combined only when asked.
 */
export async function runWindowedAggregate(
	context: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
	spec: ReportSpec,
	shape: WindowedAggregateShape,
): Promise<IDataObject[]> {
	const plan = readReportPlan(context, itemIndex, spec);
	const simplify = context.getNodeParameter('simplify', itemIndex, true) as boolean;
	const combineWindows = context.getNodeParameter('options.combineWindows', itemIndex, false) as boolean;
	const includeTotals = context.getNodeParameter('options.includeTotals', itemIndex, false) as boolean;
	const windows = await fetchReport<IDataObject | undefined, IDataObject>(client, plan, spec, {
		body: shape.body,
		read: (answer) => answer ?? {},
	});
	warnIfPartial(context, plan);
	if (!simplify && !combineWindows) return rawItems(windows, plan);
	let labelled: LabelledAnswer[] = windows.map(({ window, answers }) => ({
		window,
		answer: shape.combine(answers, 'services'),
		requests: answers.length,
	}));
	if (combineWindows && labelled.length > 1) {
		labelled = [
			{
				window: plan.range,
				answer: shape.combine(
					labelled.map((entry) => entry.answer),
					'windows',
				),
				requests: labelled.reduce((sum, entry) => sum + entry.requests, 0),
			},
		];
	}
	if (!simplify) {
		return labelled.map((entry) => ({ ...windowLabel(entry, plan), requests: entry.requests, ...entry.answer }));
	}
	return labelled.flatMap((entry) =>
		shape.rows(entry, { zone: plan.zone, includeTotals }).map((row) => ({ ...windowLabel(entry, plan), ...row })),
	);
}
