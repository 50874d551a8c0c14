/**
 * Small LiveVox-wide helpers: the error body, the optional API version segment and
 * the query-parameter parsing every route family shares.
 */
import type { QueryMap, SandboxResponse } from '../types';
import { singleQueryValue } from '../types';

/** Older clients put a version after the first segment: /session/v6.0/login, /configuration/v6.0/services. */
const VERSION_SEGMENT = /^v\d+(\.\d+)?$/;

/** LiveVox's documented error body is `{ code, message }`, with the HTTP status as code. */
export function livevoxError(status: number, message: string): SandboxResponse {
	return { status, body: { code: status, message } };
}

/** Route segments with the optional version segment removed (the recorded path keeps it). */
export function stripApiVersion(segments: readonly string[]): string[] {
	if (segments.length >= 2 && VERSION_SEGMENT.test(segments[1])) {
		return [segments[0], ...segments.slice(2)];
	}
	return [...segments];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: SandboxResponse };

const DIGITS = /^\d+$/;

/** Parses a whole non-negative integer written in plain digits (no sign, exponent or decimals). */
export function parseIdText(text: string | undefined): number | undefined {
	if (text === undefined || !DIGITS.test(text)) return undefined;
	const value = Number(text);
	return Number.isSafeInteger(value) ? value : undefined;
}

/** A mandatory non-negative integer query parameter (count, offset, callCenter, service...). */
export function requiredIntegerQuery(query: QueryMap, name: string): Parsed<number> {
	const text = singleQueryValue(query, name);
	const value = parseIdText(text);
	if (value === undefined) {
		const problem = query[name] === undefined ? 'is required' : 'must be a single non-negative integer';
		return { ok: false, error: livevoxError(400, `Query parameter '${name}' ${problem}`) };
	}
	return { ok: true, value };
}

/** LiveVox caps every page at 1000 entries. */
export const PAGE_SIZE_HARD_CAP = 1000;

export interface PageRequest {
	count: number;
	offset: number;
}

export function parsePageRequest(query: QueryMap): Parsed<PageRequest> {
	const count = requiredIntegerQuery(query, 'count');
	if (!count.ok) return count;
	if (count.value > PAGE_SIZE_HARD_CAP) {
		return { ok: false, error: livevoxError(400, `count exceeds the hard cap of ${PAGE_SIZE_HARD_CAP}`) };
	}
	const offset = requiredIntegerQuery(query, 'offset');
	if (!offset.ok) return offset;
	return { ok: true, value: { count: count.value, offset: offset.value } };
}

/**
 * The page's slice of a stable list, and the offset of the next page when more entries remain.
 * count=0 returns an empty page with no next link, so a client cannot loop forever on it.
 */
export function pageOf<T>(items: readonly T[], page: PageRequest): { entries: T[]; nextOffset: number | null } {
	const end = page.offset + page.count;
	const entries = items.slice(page.offset, end);
	const nextOffset = page.count > 0 && end < items.length ? end : null;
	return { entries, nextOffset };
}
