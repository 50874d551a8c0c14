/**
 * Deterministic inbound statistics: every (project, queue, day) has figures computed from
 * the ids and the day alone (no randomness, no clock), so a test can ask for any period and
 * know the answer. Figures are built from imagined calls, so they hang together: answered
 * before + after the SLA is the answered total, a longer SLA moves calls from after to
 * before, and averages are totals over counts (which is why months cannot simply be summed).
 */
import { DateTime } from 'luxon';

export type Dimension = 'project' | 'queue' | 'date';

export interface Project {
	projectid: number;
	teamid: number;
	queues: number[];
}

/** The tenant's projects; a team filter keeps the projects of those teams. */
export const PROJECTS: readonly Project[] = [
	{ projectid: 4, teamid: 3, queues: [901] },
	{ projectid: 214, teamid: 3, queues: [902, 903] },
	{ projectid: 370, teamid: 4, queues: [908] },
];

export interface InboundQuery {
	/** First and last day, both included (UTC calendar days). */
	from: DateTime;
	to: DateTime;
	dimensions: ReadonlySet<Dimension>;
	projects?: readonly number[];
	teams?: readonly number[];
	/** Seconds; VCC Live's default is 30. */
	sla: number;
}

/** Sums kept per row; averages are computed from them at the end. */
interface Totals {
	answered_before: number;
	answered_after: number;
	abort_before_queue: number;
	abort_in_queue_before: number;
	abort_in_queue_after: number;
	abort_in_queue_early: number;
	before_queue_redirected: number;
	after_queue_redirected: number;
	queue_time: number;
	talk_time: number;
	timeBeforeQueue: number;
	calls: number;
	abortQueueTime: number;
	abortsInQueue: number;
}

/** The columns in the order of the documented example answer. */
export const INBOUND_COLUMNS = [
	'projectid',
	'queueid',
	'date',
	'answered_before',
	'talk_time',
	'lab',
	'answered_after',
	'abort_before_queue',
	'abort_in_queue_before',
	'abort_in_queue_after',
	'time_before_queue',
	'queue_time',
	'queue_time_without_talktime',
	'abort_case_queue_time',
	'bqr',
	'aqr',
	'aiqe',
	'lqt',
	'laa',
	'laiqb',
	'laiqa',
	'laiqe',
] as const;

export type InboundRow = Record<(typeof INBOUND_COLUMNS)[number], number>;

const EPOCH = DateTime.fromISO('2000-01-01', { zone: 'UTC' });

function dailyTotals(projectid: number, queueid: number, day: DateTime, sla: number): Totals {
	const seed = projectid * 7 + queueid * 3 + Math.round(day.diff(EPOCH, 'days').days) * 11;
	const answered = (seed % 7) + 1;
	const abortsInQueue = seed % 4;
	const abortBeforeQueue = seed % 3;
	const totals: Totals = {
		answered_before: 0,
		answered_after: 0,
		abort_before_queue: abortBeforeQueue,
		abort_in_queue_before: 0,
		abort_in_queue_after: 0,
		abort_in_queue_early: 0,
		before_queue_redirected: seed % 2,
		after_queue_redirected: Math.floor(seed / 2) % 2,
		queue_time: 0,
		talk_time: 0,
		timeBeforeQueue: 0,
		calls: answered + abortsInQueue + abortBeforeQueue,
		abortQueueTime: 0,
		abortsInQueue,
	};
	for (let call = 0; call < answered; call++) {
		const wait = (seed * (call + 1)) % 70;
		if (wait < sla) totals.answered_before++;
		else totals.answered_after++;
		totals.queue_time += wait;
		totals.talk_time += 60 + ((seed * (call + 3)) % 240);
	}
	for (let call = 0; call < abortsInQueue; call++) {
		const wait = (seed * (call + 2)) % 50;
		if (wait < 5) totals.abort_in_queue_early++;
		if (wait < sla) totals.abort_in_queue_before++;
		else totals.abort_in_queue_after++;
		totals.abortQueueTime += wait;
	}
	totals.timeBeforeQueue = totals.calls * (seed % 20);
	return totals;
}

function add(into: Totals, more: Totals): void {
	for (const key of Object.keys(into) as (keyof Totals)[]) into[key] += more[key];
}

const average = (total: number, count: number) => (count === 0 ? 0 : Math.round(total / count));

function toRow(key: { projectid: number; queueid: number; date: number }, totals: Totals): InboundRow {
	return {
		...key,
		answered_before: totals.answered_before,
		talk_time: totals.talk_time,
		lab: totals.answered_before,
		answered_after: totals.answered_after,
		abort_before_queue: totals.abort_before_queue,
		abort_in_queue_before: totals.abort_in_queue_before,
		abort_in_queue_after: totals.abort_in_queue_after,
		time_before_queue: average(totals.timeBeforeQueue, totals.calls),
		queue_time: totals.queue_time,
		queue_time_without_talktime: average(totals.abortQueueTime, totals.abortsInQueue + totals.abort_before_queue),
		abort_case_queue_time: average(totals.abortQueueTime, totals.abortsInQueue),
		bqr: totals.before_queue_redirected,
		aqr: totals.after_queue_redirected,
		aiqe: totals.abort_in_queue_early,
		lqt: totals.queue_time,
		laa: totals.answered_after,
		laiqb: totals.abort_in_queue_before,
		laiqa: totals.abort_in_queue_after,
		laiqe: totals.abort_in_queue_early,
	};
}

const asNumber = (day: DateTime) => Number(day.toFormat('yyyyMMdd'));

/**
 * The rows VCC Live would answer for a query, with no limit on the period (the request
 * layer enforces the one-month maximum): -1 stands for a dimension not asked for (as the
 * documented example shows for queueid); without the date dimension `date` is the first day.
 */
export function inboundRows(query: InboundQuery): InboundRow[] {
	const projects = PROJECTS.filter(
		(project) =>
			(query.projects === undefined || query.projects.includes(project.projectid)) &&
			(query.teams === undefined || query.teams.includes(project.teamid)),
	);
	const groups = new Map<string, { key: { projectid: number; queueid: number; date: number }; totals?: Totals }>();
	for (let day = query.from; day <= query.to; day = day.plus({ days: 1 })) {
		for (const project of projects) {
			for (const queueid of project.queues) {
				const key = {
					projectid: query.dimensions.has('project') ? project.projectid : -1,
					queueid: query.dimensions.has('queue') ? queueid : -1,
					date: query.dimensions.has('date') ? asNumber(day) : asNumber(query.from),
				};
				const name = `${key.projectid}|${key.queueid}|${key.date}`;
				const group = groups.get(name) ?? { key };
				const totals = dailyTotals(project.projectid, queueid, day, query.sla);
				if (group.totals) add(group.totals, totals);
				else group.totals = totals;
				groups.set(name, group);
			}
		}
	}
	return [...groups.values()]
		.map((group) => toRow(group.key, group.totals as Totals))
		.sort((a, b) => a.projectid - b.projectid || a.queueid - b.queueid || a.date - b.date);
}
