import type { IDataObject } from 'n8n-workflow';

import type { Page, PageRequest } from '../../../shared/pages';
import { collect, iteratePages } from '../../../shared/pages';

/**
 * CDRs asked for per request: the documentation's default of `num` and, in one of its
 * versions, the most the resource gives ("up to the first 10 items").
 */
export const CDR_PAGE_SIZE = 10;

/** The entries in a log answer (CDRs, emails): the documented `rows`, or a bare array. */
export function rowsOf(response: unknown): IDataObject[] {
	const rows = Array.isArray(response) ? response : (response as { rows?: unknown } | null)?.rows;
	return Array.isArray(rows) ? rows.filter((row): row is IDataObject => typeof row === 'object' && row !== null && !Array.isArray(row)) : [];
}

export interface StartNumOptions {
	/** `num` of a whole page. */
	pageSize: number;
	/** At most this many entries; the last request asks only for what is missing. */
	limit?: number;
	/**
	 * Whether a page with fewer entries than asked for is the last. Off where the server may
	 * give fewer than `num` in the middle of a list (a cap that is not documented): then only
	 * an empty page ends it.
	 */
	lastWhenShort: boolean;
}

/** Every entry of a log read by `start` (entries already received) and `num`, in order. */
export async function collectByStartNum(
	fetchPage: (start: number, num: number) => Promise<IDataObject[]>,
	options: StartNumOptions,
): Promise<IDataObject[]> {
	const { pageSize, limit, lastWhenShort } = options;
	const page = async ({ offset, count }: PageRequest): Promise<Page<IDataObject>> => {
		const items = await fetchPage(offset, count);
		return { items, next: lastWhenShort && items.length < count ? null : 'more' };
	};
	return await collect(iteratePages(page, { pageSize, limit }), { limit });
}
