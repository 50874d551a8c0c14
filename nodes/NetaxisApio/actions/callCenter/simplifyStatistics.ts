import type { IDataObject } from 'n8n-workflow';

/** APIO's answer to the statistics call, as documented by its example. */
export interface StatisticsAnswer {
	statisticsRange?: { start?: string; end?: string };
	queueStatistics?: IDataObject;
	agentStatistics?: AgentStatistics[];
}

interface AgentStatistics extends IDataObject {
	agentUserId?: string;
	agentDisplayNames?: { firstName?: string; lastName?: string };
	available?: boolean;
	statistics?: IDataObject;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** One row per agent: who, whether available, and the agent's statistics as columns. */
function agentRow(agent: AgentStatistics, common: IDataObject): IDataObject {
	const { agentDisplayNames, statistics, ...rest } = agent;
	const firstName = agentDisplayNames?.firstName ?? '';
	const lastName = agentDisplayNames?.lastName ?? '';
	// Fields APIO may add beside the documented ones are kept, unless they are nested.
	const scalars = Object.fromEntries(Object.entries(rest).filter(([, value]) => !isObject(value) && !Array.isArray(value)));
	return {
		level: 'agent',
		...common,
		...scalars,
		firstName,
		lastName,
		displayName: [firstName, lastName].filter((part) => part !== '').join(' '),
		...(isObject(statistics) ? statistics : {}),
	};
}

/**
 * The statistics as rows ready for a sheet: one for the queue, then one per agent, each
 * with the call center and the period it covers.
 */
export function statisticsRows(answer: StatisticsAnswer, common: IDataObject): IDataObject[] {
	const range = isObject(answer?.statisticsRange) ? answer.statisticsRange : {};
	const withPeriod: IDataObject = {
		...common,
		start: range.start ?? common.start,
		end: range.end ?? common.end,
	};
	const queue: IDataObject = {
		level: 'queue',
		...withPeriod,
		...(isObject(answer?.queueStatistics) ? answer.queueStatistics : {}),
	};
	const agents = Array.isArray(answer?.agentStatistics) ? answer.agentStatistics.filter(isObject) : [];
	return [queue, ...agents.map((agent) => agentRow(agent as AgentStatistics, withPeriod))];
}
