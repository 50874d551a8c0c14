import type { IDataObject } from 'n8n-workflow';

import type { TimeWindow } from '../../../shared/dayWindows';
import { describeWindow } from './dateRange';
import type { WindowAnswers } from './fetchReport';
import type { ReportPlan } from './reportPlan';
import { rawItems } from './reportRows';
import type { ReportRun } from './runReport';

/** One aggregate answer and the window it covers (the whole range once windows are combined). */
export interface LabelledAnswer {
	window: TimeWindow;
	answer: IDataObject;
	/** How many requests were combined into it. */
	requests: number;
}

interface WindowedAggregateShape {
	/** Several answers as one: across service chunks of a window, or across windows. */
	combine: (answers: IDataObject[], across: 'services' | 'windows', run: ReportRun) => IDataObject;
	/** Simplify: the items of one (possibly combined) answer. */
	rows: (labelled: LabelledAnswer, context: { zone: string; includeTotals: boolean }) => IDataObject[];
}

/** The window label every item of an aggregate report carries, and whether today's data may be partial. */
function windowLabel(labelled: LabelledAnswer, plan: ReportPlan): IDataObject {
	const label: IDataObject = { ...describeWindow(labelled.window, plan.zone) };
	// Windows are cut at midnights, so today's part of the range lies in the last window.
	if (plan.reachesToday && labelled.window.end === plan.range.end) label.todayMayBePartial = true;
	return label;
}

/** Service chunks of a window always combined (they are one request LiveVox would not take), windows when asked. */
function combined(shape: WindowedAggregateShape, windows: Array<WindowAnswers<IDataObject>>, run: ReportRun): LabelledAnswer[] {
	const labelled = windows.map(({ window, answers }) => ({
		window,
		answer: shape.combine(answers, 'services', run),
		requests: answers.length,
	}));
	if (run.options.combineWindows !== true || labelled.length < 2) return labelled;
	return [
		{
			window: run.plan.range,
			answer: shape.combine(
				labelled.map((entry) => entry.answer),
				'windows',
				run,
			),
			requests: labelled.reduce((sum, entry) => sum + entry.requests, 0),
		},
	];
}

/**
 * The outputs of a report of totals with a range maximum (Real Time Report, Service
 * Efficiency): one answer per date window, or one for the whole range with Combine Windows.
 */
export function windowedAggregate(shape: WindowedAggregateShape) {
	return {
		simplify: (windows: Array<WindowAnswers<IDataObject>>, run: ReportRun): IDataObject[] => {
			const includeTotals = run.options.includeTotals === true;
			return combined(shape, windows, run).flatMap((entry) =>
				shape.rows(entry, { zone: run.plan.zone, includeTotals }).map((row) => ({ ...windowLabel(entry, run.plan), ...row })),
			);
		},
		raw: (windows: Array<WindowAnswers<IDataObject>>, run: ReportRun): IDataObject[] => {
			if (run.options.combineWindows !== true) return rawItems(windows, run.plan);
			return combined(shape, windows, run).map((entry) => ({ ...windowLabel(entry, run.plan), requests: entry.requests, ...entry.answer }));
		},
	};
}
