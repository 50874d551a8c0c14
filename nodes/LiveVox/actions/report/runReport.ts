import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OutputRow } from '../../../shared/runPerItem';
import { pullSinceLastRun, SINCE_LAST_RUN } from '../../../shared/sinceLastRun';
import type { LiveVoxClient } from '../../transport';
import type { AnswerReading, WindowAnswers } from './fetchReport';
import { fetchReport } from './fetchReport';
import type { ReportFieldSlots } from './reportFields';
import { sharedReportFields } from './reportFields';
import type { ReportPlan } from './reportPlan';
import { planReport, readReportPlan, readReportSettings, warnIfPartial } from './reportPlan';
import { rawItems, uniqueRows } from './reportRows';

/** What one run of a report knows once its parameters are read. */
export interface ReportRun {
	context: IExecuteFunctions;
	itemIndex: number;
	plan: ReportPlan;
	/** The report's own body fields, as read by its spec. */
	body: IDataObject | undefined;
	/** The Options collection as given. */
	options: IDataObject;
	/** Simplify on: the report's natural rows; off: its raw answers. */
	simplify: boolean;
}

/**
 * A LiveVox report as data: its path and per-request maximum (which drive both the fields
 * and the request plan), its own fields and body, and its simplify function. The sequence
 * — read the plan, fetch windows × service chunks, warn if today may be partial, put out
 * raw or simplified items — is runReport's, the same for every report.
 */
export interface ReportSpec<T = IDataObject> {
	/** The operation's value in the Operation field. */
	operation: string;
	/** The path after the host, e.g. /reporting/standard/callRecording. */
	path: string;
	/** The documented longest range per request, in days; undefined: never split by date. */
	maxDays?: number;
	/** Said after the documented maximum in its option's description. */
	maxDaysNote?: string;
	/** The report's own fields, placed around the shared ones. */
	fields?: ReportFieldSlots;
	/** Reads (and checks) the report's own parameters into its body fields, before the plan. */
	body?: (context: IExecuteFunctions, itemIndex: number) => IDataObject | undefined;
	/** For an answer that is not plain JSON: how it is asked for and read (default: JSON, kept as it is). */
	answer?: (run: ReportRun) => AnswerReading<T>;
	/** What identifies a simplified row: rows that come twice (where windows meet) are put out once. */
	dedupeKey?: (row: IDataObject) => string;
	/** Simplify on: the report's natural rows. */
	simplify: (windows: Array<WindowAnswers<T>>, run: ReportRun) => OutputRow[] | Promise<OutputRow[]>;
	/** Simplify off (default: one item per request, labelled with its window). */
	raw?: (windows: Array<WindowAnswers<T>>, run: ReportRun) => OutputRow[];
}

const jsonAnswer: AnswerReading<IDataObject> = { read: (answer) => (answer ?? {}) as IDataObject };

/** The report's fields: its own around the shared period, filters, Simplify and options, shown for its operation. */
export function reportDescription<T>(spec: ReportSpec<T>): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { resource: ['report'], operation: [spec.operation] } },
		sharedReportFields(spec.fields ?? {}, spec.maxDays, spec.maxDaysNote),
	);
}

/** Fetches the plan's requests and puts out raw or simplified items. */
async function report<T>(spec: ReportSpec<T>, client: LiveVoxClient, run: ReportRun): Promise<OutputRow[]> {
	const { context, plan, body, simplify } = run;
	const reading = spec.answer?.(run) ?? (jsonAnswer as unknown as AnswerReading<T>);
	const windows = await fetchReport(client, plan, spec.path, body, reading);
	warnIfPartial(context, plan);
	if (!simplify) return spec.raw ? spec.raw(windows, run) : rawItems(windows as unknown as Array<WindowAnswers<IDataObject>>, plan);
	const rows = await spec.simplify(windows, run);
	const { dedupeKey } = spec;
	return dedupeKey ? uniqueRows(rows as IDataObject[], dedupeKey) : rows;
}

/**
 * The execute function of a report: the one report sequence, driven by its spec. Since Last
 * Run: the range from the bookmark to the end of yesterday in the reporting timezone (the
 * Reporting API holds the days before the current one), the bookmark kept per credential,
 * report, report fields, filters and timezone.
 */
export function runReport<T>(spec: ReportSpec<T>) {
	return async function execute(this: IExecuteFunctions, client: LiveVoxClient, itemIndex: number): Promise<OutputRow[]> {
		const body = spec.body?.(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		const runWith = async (plan: ReportPlan) => await report(spec, client, { context: this, itemIndex, plan, body, options, simplify });
		if (this.getNodeParameter('period', itemIndex, 'yesterday') !== SINCE_LAST_RUN) {
			return await runWith(readReportPlan(this, itemIndex, spec));
		}
		const settings = readReportSettings(this, itemIndex, spec);
		const { zone, callCenterIds, serviceIds } = settings;
		return await pullSinceLastRun(
			this,
			itemIndex,
			{
				settings: { operation: spec.operation, body, callCenterIds, serviceIds: [...serviceIds].sort((a, b) => a - b) },
				zone,
				latestEnd: settings.now.startOf('day'),
				periodStart: (moment) => moment.setZone(zone).startOf('day'),
			},
			async ({ start, end }) => await runWith(planReport(settings, { start: start.toMillis(), end: end.toMillis() })),
		);
	};
}
