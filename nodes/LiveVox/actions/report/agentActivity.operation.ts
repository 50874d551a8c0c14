import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LiveVoxClient } from '../../transport';
import { fetchReport } from './fetchReport';
import { includeTotalsOption, sharedReportFields } from './reportFields';
import type { ReportSpec } from './reportPlan';
import { readReportPlan, warnIfPartial } from './reportPlan';
import { rawItems, withIsoTimes } from './rowReport';

/** No documented range maximum: one request per service chunk, never split by date. */
export const spec: ReportSpec = { path: '/reporting/standard/agent/activity' };

const showTermCodesField: INodeProperties = {
	displayName: 'Show Term Codes',
	name: 'showTermCodes',
	type: 'boolean',
	default: false,
	description: 'Whether to include the term code names and counts in each activity',
};

const properties: INodeProperties[] = [
	...sharedReportFields({ options: [includeTotalsOption], afterFilters: [showTermCodesField] }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['agentActivity'] } },
	properties,
);

const list = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []);
const figures = (value: unknown) => (typeof value === 'object' && value !== null ? (value as IDataObject) : {});

/** The services of several answers: each service is in one chunk only, so they are put side by side. */
export const serviceResults = (answers: IDataObject[]) =>
	answers.flatMap((answer) => list(figures(answer.agentActivity).results));

/**
 * One item per agent per day (the day's totals, first login and last logout); with Include
 * Totals also one per agent and one per service, marked in rowType.
 */
export function activityRows(services: IDataObject[], zone: string, includeTotals: boolean): IDataObject[] {
	const rows: IDataObject[] = [];
	for (const service of services) {
		const where = { serviceId: service.serviceId ?? null, serviceName: service.serviceName ?? null, callCenterId: service.callCenterId ?? null };
		for (const agent of list(service.agent)) {
			for (const day of list(agent.dayActivity)) {
				const sessions = list(day.activity);
				const loginTime = sessions[0]?.loginTime ?? null;
				const logoutTime = sessions[sessions.length - 1]?.logoutTime ?? null;
				const date = typeof loginTime === 'number' ? DateTime.fromMillis(loginTime, { zone }).toISODate() : null;
				rows.push(
					withIsoTimes(
						{ rowType: 'agentDay', date, ...where, agent: agent.name ?? null, loginTime, logoutTime, sessions: sessions.length, ...figures(day.dayTotals) },
						['loginTime', 'logoutTime'],
						zone,
					),
				);
			}
			if (includeTotals) rows.push({ rowType: 'agentTotal', ...where, agent: agent.name ?? null, ...figures(agent.agentTotals) });
		}
		if (includeTotals) rows.push({ rowType: 'serviceTotal', ...where, ...figures(service.serviceTotals) });
	}
	return rows;
}

/** The Agent Activity Report: per service, per agent, per day. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const showTermCodes = this.getNodeParameter('showTermCodes', itemIndex, false) as boolean;
	const plan = readReportPlan(this, itemIndex, spec);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const includeTotals = this.getNodeParameter('options.includeTotals', itemIndex, false) as boolean;
	const windows = await fetchReport<IDataObject | undefined, IDataObject>(client, plan, spec, {
		body: { showTermCodes },
		read: (answer) => answer ?? {},
	});
	warnIfPartial(this, plan);
	if (!simplify) return rawItems(windows, plan);
	return activityRows(serviceResults(windows.flatMap((window) => window.answers)), plan.zone, includeTotals);
}
