/**
 * GET /v2/cdrs/[year]/[month]/[day] (options projectid, start, num; 10 CDRs without num) and
 * GET /v2/cdr/[year]/[month]/[uuid], as "Get CDR log" and "Get CDR log for a specified uuid"
 * document them. The log's answer is `{"rows": [...]}`, the documented key (the rest of that
 * object is not in the pages we hold).
 */
import { DateTime } from 'luxon';

import type { QueryMap, SandboxResponse } from '../types';
import { singleQueryValue } from '../types';
import { cdrByUuid, cdrsOfDay } from './cdrData';
import { notFound } from './records';

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
const answer = (status: number, response: unknown, errors: string[] = []): SandboxResponse => ({
	status,
	headers: TEXT,
	body: JSON.stringify({ response, errors }),
});
const formatError = () => answer(417, null, ['error.argument_format_error']);

const DIGITS = /^\d+$/;

function optionalNumber(query: QueryMap, name: string, fallback: number | undefined): number | undefined | null {
	if (query[name] === undefined) return fallback;
	const text = singleQueryValue(query, name);
	return text !== undefined && DIGITS.test(text) ? Number(text) : null;
}

export function cdrLog(year: string, month: string, day: string, query: QueryMap): SandboxResponse {
	const date = DateTime.fromObject({ year: Number(year), month: Number(month), day: Number(day) }, { zone: 'UTC' });
	if (![year, month, day].every((part) => DIGITS.test(part)) || !date.isValid) return formatError();
	const start = optionalNumber(query, 'start', 0);
	const num = optionalNumber(query, 'num', 10);
	const projectid = optionalNumber(query, 'projectid', undefined);
	if (start === null || num === null || projectid === null) return formatError();
	const rows = cdrsOfDay(date, projectid).slice(start ?? 0, (start ?? 0) + (num ?? 10));
	return answer(200, { rows });
}

export function cdrOfCall(year: string, month: string, uuid: string): SandboxResponse {
	if (!DIGITS.test(year) || !DIGITS.test(month)) return formatError();
	const cdr = cdrByUuid(Number(year), Number(month), uuid);
	return cdr ? answer(200, cdr) : notFound();
}
