import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { chunk } from '../../../shared/chunks';
import type { TimeWindow } from '../../../shared/dayWindows';
import { DAY_MS, splitIntoDayWindows } from '../../../shared/dayWindows';
import { InvalidInput, toIdList } from '../../../shared/input';
import type { ReportPeriod } from './dateRange';
import { customRange, presetRange, reachesToday, readZone, REPORT_PERIODS } from './dateRange';
import { DEFAULT_CONCURRENCY, MAX_SERVICES_PER_REQUEST } from './reportFields';

/** The requests a report needs: date windows × service chunks, and how many run at once. */
export interface ReportPlan {
	zone: string;
	range: TimeWindow;
	windows: TimeWindow[];
	/** The service ids of each request; one empty chunk when no service is filtered. */
	serviceChunks: number[][];
	callCenterIds: number[];
	concurrency: number;
	/** The range reaches into today, whose data the Reporting API may not hold yet. */
	reachesToday: boolean;
}

function readRange(context: IExecuteFunctions, itemIndex: number, zone: string, now: DateTime): TimeWindow {
	const period = context.getNodeParameter('period', itemIndex, 'yesterday') as ReportPeriod;
	if (period === 'custom') {
		return customRange(
			context.getNodeParameter('startDate', itemIndex, ''),
			context.getNodeParameter('endDate', itemIndex, ''),
			zone,
			now,
		);
	}
	if (!(REPORT_PERIODS as readonly string[]).includes(period)) {
		throw new InvalidInput(`Period "${String(period)}" is not known`, `Pick one of ${REPORT_PERIODS.join(', ')} or custom.`);
	}
	return presetRange(period as (typeof REPORT_PERIODS)[number], now);
}

function readWholeNumber(value: unknown, label: string, min: number): number {
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
		throw new InvalidInput(`${label} must be a whole number of at least ${min}, got ${String(value)}`, `Set ${label} to ${min} or more.`);
	}
	return value;
}

/** The service ids of the filter: those chosen from the list and those typed, each once. */
function readServiceIds(filters: IDataObject): number[] {
	const chosen = toIdList(filters.services, 'Service Names or IDs');
	const typed = toIdList(filters.serviceIds, 'Service IDs');
	return [...new Set([...chosen, ...typed])];
}

/** The filters and options every report shares, checked before any request; the period apart. */
export interface ReportSettings {
	zone: string;
	now: DateTime;
	callCenterIds: number[];
	serviceIds: number[];
	concurrency: number;
	/** The longest window per request; undefined: never split by date. */
	maxWindowMs?: number;
}

export function readReportSettings(context: IExecuteFunctions, itemIndex: number, spec: { maxDays?: number }): ReportSettings {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const zone = readZone(options.reportingTimezone, context.getTimezone());
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const callCenterIds = toIdList(filters.callCenterIds, 'Call Center IDs');
	const serviceIds = readServiceIds(filters);
	const splitServices = options.splitServiceLists !== false;
	if (serviceIds.length > MAX_SERVICES_PER_REQUEST && !splitServices) {
		throw new InvalidInput(
			`The service filter lists ${serviceIds.length} services; LiveVox accepts at most ${MAX_SERVICES_PER_REQUEST} per report`,
			`Turn on Options > Split Service Lists to have the node split them into requests of ${MAX_SERVICES_PER_REQUEST}, or filter by call center instead.`,
		);
	}
	return {
		zone,
		now: DateTime.now().setZone(zone),
		callCenterIds,
		serviceIds,
		concurrency: readWholeNumber(options.maxConcurrentRequests ?? DEFAULT_CONCURRENCY, 'Max Concurrent Requests', 1),
		maxWindowMs:
			spec.maxDays === undefined
				? undefined
				: readWholeNumber(options.maxDaysPerRequest ?? spec.maxDays, 'Max Days per Request', 1) * DAY_MS,
	};
}

/** The requests for a range: date windows (each at most the report's maximum) × service chunks. */
export function planReport(settings: ReportSettings, range: TimeWindow): ReportPlan {
	const { zone, maxWindowMs, serviceIds } = settings;
	return {
		zone,
		range,
		windows: maxWindowMs === undefined ? [range] : splitIntoDayWindows(range, { zone, maxMs: maxWindowMs }),
		serviceChunks: serviceIds.length === 0 ? [[]] : chunk(serviceIds, MAX_SERVICES_PER_REQUEST),
		callCenterIds: settings.callCenterIds,
		concurrency: settings.concurrency,
		reachesToday: reachesToday(range, settings.now),
	};
}

/** Reads the period (a preset or custom range), filters and options, and plans the requests. */
export function readReportPlan(context: IExecuteFunctions, itemIndex: number, spec: { maxDays?: number }): ReportPlan {
	const settings = readReportSettings(context, itemIndex, spec);
	return planReport(settings, readRange(context, itemIndex, settings.zone, settings.now));
}

/** The filter object of one request; undefined when nothing is filtered. */
export function filterBody(plan: ReportPlan, serviceIds: readonly number[]): IDataObject | undefined {
	const filter: IDataObject = {};
	if (plan.callCenterIds.length > 0) filter.callCenter = plan.callCenterIds.map((id) => ({ id }));
	if (serviceIds.length > 0) filter.service = serviceIds.map((id) => ({ id }));
	return Object.keys(filter).length > 0 ? filter : undefined;
}

/** The warning for a range that reaches into today, shown in the output pane. */
export function warnIfPartial(context: IExecuteFunctions, plan: ReportPlan): void {
	if (!plan.reachesToday) return;
	context.addExecutionHints({
		type: 'warning',
		location: 'outputPane',
		message:
			"The range reaches into today: LiveVox's Reporting API holds data before the current day, so today's figures may be partial or missing.",
	});
}
