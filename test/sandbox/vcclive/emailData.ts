/**
 * Deterministic email log: every month, 130 emails in project 4 (more than one page of
 * 100), 7 in project 214, none in 370; each computed from the project, the month and its
 * index. GET /v2/projects/[projectid]/emails/[year]/[month] with start, num and direction
 * ("ASC", "DESC"), answered as `{"rows": [...], "total count": n}` as "Get Email Log" shows.
 */
import { DateTime } from 'luxon';

import type { QueryMap, SandboxResponse } from '../types';
import { singleQueryValue } from '../types';

export const EMAILS_PER_MONTH: Readonly<Record<number, number>> = { 4: 130, 214: 7, 370: 0 };

export interface Email {
	[key: string]: string | number;
	emailId: number;
	subject: string;
	to: string;
	from: string;
	fromAddress: string;
	receivedTime: string;
	direction: string;
	dispositionId: number;
	isSpam: number;
}

/** The emails of a project in a month, oldest first. */
export function emailsOfMonth(projectid: number, year: number, month: number): Email[] {
	const first = DateTime.fromObject({ year, month, day: 1 }, { zone: 'UTC' });
	return Array.from({ length: EMAILS_PER_MONTH[projectid] ?? 0 }, (_, index) => ({
		emailId: projectid * 100000 + year * 100 + month + index * 1000000,
		subject: `Question ${index + 1} to project ${projectid}`,
		to: `support${projectid}@example.com`,
		from: `Customer ${index + 1}`,
		fromAddress: `customer${index + 1}@example.com`,
		receivedTime: first.plus({ hours: index * 5 }).toFormat('yyyy-MM-dd HH:mm:ss'),
		direction: index % 3 === 0 ? 'outbound' : 'inbound',
		dispositionId: 1 + (index % 4),
		isSpam: 0,
	}));
}

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
const DIGITS = /^\d+$/;

/** The answer; `cap` (a test's setting) gives fewer than `num` per request, as a server might. */
export function emailLog(projectid: string, year: string, month: string, query: QueryMap, cap?: number): SandboxResponse {
	const formatError = { status: 417, headers: TEXT, body: JSON.stringify({ response: null, errors: ['error.argument_format_error'] }) };
	const numbers = ['start', 'num'].map((name) => (query[name] === undefined ? undefined : singleQueryValue(query, name)));
	if (numbers.some((value) => value !== undefined && !DIGITS.test(value)) || Number(month) < 1 || Number(month) > 12) return formatError;
	const direction = query.direction === undefined ? 'ASC' : singleQueryValue(query, 'direction');
	if (direction !== 'ASC' && direction !== 'DESC') return formatError;
	const all = emailsOfMonth(Number(projectid), Number(year), Number(month));
	const ordered = direction === 'DESC' ? [...all].reverse() : all;
	const start = Number(numbers[0] ?? 0);
	const num = Math.min(Number(numbers[1] ?? 10), cap ?? Infinity);
	const rows = ordered.slice(start, start + num);
	return { status: 200, headers: TEXT, body: JSON.stringify({ response: { rows, 'total count': rows.length }, errors: [] }) };
}
