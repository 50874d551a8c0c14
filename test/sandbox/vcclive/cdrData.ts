/**
 * Deterministic CDRs: every day has the same calls per project (12 in project 4, 8 in 214,
 * 3 in 370: 23 a day), each computed from the day, the project and its index alone, with a
 * UUID that says where it comes from: yyyymmdd-pppp-4000-8000-00000000iiii.
 */
import { DateTime } from 'luxon';

import { PROJECTS } from './inboundData';

export const CDRS_PER_DAY: Readonly<Record<number, number>> = { 4: 12, 214: 8, 370: 3 };

/** The records (numberid) of a project in the sandbox: three each, projectid × 100 + 1..3. */
export const recordIdsOf = (projectid: number) => [1, 2, 3].map((index) => projectid * 100 + index);

export interface Cdr {
	[key: string]: string | number;
	uuid: string;
	projectid: number;
	numberid: number;
	direction: string;
	source: string;
	destination: string;
	billing_ts: string;
	billingtime: number;
	talktime: number;
	userid: number;
	dispositionid: number;
	dispositionreach: number;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export function cdrUuid(day: DateTime, projectid: number, index: number): string {
	return `${day.toFormat('yyyyMMdd')}-${pad(projectid, 4)}-4000-8000-${pad(index, 12)}`;
}

function cdrOf(day: DateTime, projectid: number, index: number): Cdr {
	const records = recordIdsOf(projectid);
	const inbound = index % 2 === 0;
	const talktime = 30 + ((projectid + index * 7) % 90);
	return {
		uuid: cdrUuid(day, projectid, index),
		projectid,
		numberid: records[index % records.length],
		direction: inbound ? 'inbound' : 'outbound',
		source: inbound ? `3620${pad(projectid * 1000 + index, 7)}` : '3619996400',
		destination: inbound ? '3619996400' : `3620${pad(projectid * 1000 + index, 7)}`,
		billing_ts: day.set({ hour: 8 + (index % 9), minute: (index * 13) % 60 }).toFormat('yyyy-MM-dd HH:mm:ss'),
		billingtime: talktime + 20,
		talktime,
		userid: 17 + (index % 3),
		dispositionid: 1 + (index % 4),
		dispositionreach: 1 + (index % 3),
	};
}

/** The CDRs of a (UTC) calendar day, in project order then index, optionally of one project. */
export function cdrsOfDay(day: DateTime, projectid?: number): Cdr[] {
	return PROJECTS.filter((project) => projectid === undefined || project.projectid === projectid).flatMap((project) =>
		Array.from({ length: CDRS_PER_DAY[project.projectid] ?? 0 }, (_, index) => cdrOf(day.startOf('day'), project.projectid, index)),
	);
}

/** The CDR a UUID names, when the sandbox made one with it in that year and month. */
export function cdrByUuid(year: number, month: number, uuid: string): Cdr | undefined {
	const match = /^(\d{8})-(\d{4})-4000-8000-(\d{12})$/.exec(uuid);
	if (!match) return undefined;
	const day = DateTime.fromFormat(match[1], 'yyyyMMdd', { zone: 'UTC' });
	if (!day.isValid || day.year !== year || day.month !== month) return undefined;
	const projectid = Number(match[2]);
	const index = Number(match[3]);
	if (index >= (CDRS_PER_DAY[projectid] ?? 0)) return undefined;
	return cdrOf(day, projectid, index);
}
