import type { IDataObject } from 'n8n-workflow';

import type { Page, PageRequest } from '../../../shared/pages';
import { collect, iteratePages } from '../../../shared/pages';

/**
 * CDRs asked for per request: the documentation's default of `num` and, in one of its
 * versions, the most the resource gives ("up to the first 10 items").
 */
export const CDR_PAGE_SIZE = 10;

/** The CDRs in an answer of GET /v2/cdrs/...: the documented `rows`, or a bare array. */
export function cdrRowsOf(response: unknown): IDataObject[] {
	const rows = Array.isArray(response) ? response : (response as { rows?: unknown } | null)?.rows;
	return Array.isArray(rows) ? rows.filter((row): row is IDataObject => typeof row === 'object' && row !== null && !Array.isArray(row)) : [];
}

/**
 * Every CDR the log gives, at most `limit`, by `start` and `num`: the next page starts after
 * the CDRs received, and a page with fewer CDRs than asked for is the last (nothing about
 * the total is documented).
 */
export async function collectCdrLog(
	fetchPage: (start: number, num: number) => Promise<IDataObject[]>,
	limit: number | undefined,
): Promise<IDataObject[]> {
	const page = async ({ offset, count }: PageRequest): Promise<Page<IDataObject>> => {
		const items = await fetchPage(offset, count);
		return { items, next: items.length >= count ? 'more' : null };
	};
	return await collect(iteratePages(page, { pageSize: CDR_PAGE_SIZE, limit }), { limit });
}
