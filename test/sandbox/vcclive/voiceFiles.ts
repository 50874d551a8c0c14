/**
 * "List all downloadable voice files in a given month": GET /v2/voicefiles/[year]/[month]
 * with `lastUuid` (empty at first, then the last UUID of the previous answer), at most 10
 * per answer, each `{uuid, year, month, name}`. The sandbox's recordings are the answered
 * CDRs (dispositionreach 2 or 3) of the month's first three days, in UUID order.
 */
import { DateTime } from 'luxon';

import type { QueryMap, SandboxResponse } from '../types';
import { singleQueryValue } from '../types';
import { cdrsOfDay } from './cdrData';

export interface VoiceFile {
	[key: string]: string;
	uuid: string;
	year: string;
	month: string;
	name: string;
}

export function voiceFilesOfMonth(year: number, month: number): VoiceFile[] {
	const first = DateTime.fromObject({ year, month, day: 1 }, { zone: 'UTC' });
	if (!first.isValid) return [];
	return [0, 1, 2]
		.flatMap((offset) => cdrsOfDay(first.plus({ days: offset })))
		.filter((cdr) => cdr.dispositionreach >= 2)
		.map((cdr) => ({
			uuid: cdr.uuid,
			year: first.toFormat('yyyy'),
			month: first.toFormat('MM'),
			name: `${cdr.billing_ts.replace(/[ :]/g, '-').slice(0, 16)}_Agent_${cdr.userid}_${cdr.source}_${cdr.destination}_.mp4`,
		}))
		.sort((a, b) => a.uuid.localeCompare(b.uuid));
}

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

export function voiceFileList(year: string, month: string, query: QueryMap): SandboxResponse {
	const lastUuid = singleQueryValue(query, 'lastUuid') ?? '';
	const all = voiceFilesOfMonth(Number(year), Number(month));
	const from = lastUuid === '' ? 0 : all.findIndex((file) => file.uuid === lastUuid) + 1;
	const rows = from === 0 && lastUuid !== '' ? [] : all.slice(from, from + 10);
	return { status: 200, headers: TEXT, body: JSON.stringify({ response: rows, errors: [] }) };
}
