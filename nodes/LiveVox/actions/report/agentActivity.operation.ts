import { DateTime } from 'luxon';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { includeTotalsOption } from './reportFields';
import { withIsoTimes } from './reportRows';
import type { ReportSpec } from './runReport';
import { reportDescription, runReport } from './runReport';

const showTermCodesField: INodeProperties = {
	displayName: 'Show Term Codes',
	name: 'showTermCodes',
	type: 'boolean',
	default: false,
	description: 'Whether to include the term code names and counts in each activity',
};

const list = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []);
const figures = (value: unknown) => (typeof value === 'object' && value !== null ? (value as IDataObject) : {});

/** The services of several answers: each service is in one chunk only, so they are put side by side. */
const serviceResults = (answers: IDataObject[]) =>
	answers.flatMap((answer) => list(figures(answer.agentActivity).results));

/**
 * One item per agent per day (the day's totals, first login and last logout); with Include
 * Totals also one per agent and one per service, marked in rowType.
 */
function activityRows(services: IDataObject[], zone: string, includeTotals: boolean): IDataObject[] {
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

/** The Agent Activity Report: per service, per agent, per day. No documented range maximum: never split by date. */
const spec: ReportSpec = {
	operation: 'agentActivity',
	path: '/reporting/standard/agent/activity',
	fields: { afterFilters: [showTermCodesField], options: [includeTotalsOption] },
	body: (context, itemIndex) => ({ showTermCodes: context.getNodeParameter('showTermCodes', itemIndex, false) as boolean }),
	simplify: (windows, { plan, options }) =>
		activityRows(serviceResults(windows.flatMap((window) => window.answers)), plan.zone, options.includeTotals === true),
};

export const description = reportDescription(spec);
export const execute = runReport(spec);
