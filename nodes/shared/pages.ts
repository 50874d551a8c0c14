import { runPool } from './pool';

/** One page as an API returns it: its entries and whether another page follows. */
export interface Page<T> {
	items: T[];
	/** The API's pointer to the next page; empty or missing when this is the last one. */
	next?: string | null;
}

/** Where the next page starts and how many entries to ask for. */
export interface PageRequest {
	offset: number;
	count: number;
}

export interface PageOptions {
	/** Entries asked for per page (the API's cap, e.g. 1000). */
	pageSize: number;
	/** Stop once this many entries were fetched; the last request asks only for what is missing. */
	limit?: number;
	/** Where the first page starts. */
	offset?: number;
}

/** Reads the `offset` a `next` link points at, when it carries one. */
export function offsetFromNext(next: string): number | undefined {
	const query = next.includes('?') ? next.slice(next.indexOf('?') + 1) : '';
	const value = new URLSearchParams(query).get('offset');
	if (value === null || !/^\d+$/.test(value)) return undefined;
	return Number(value);
}

/** How many entries to ask for when `fetched` are in hand: a whole page, or what the limit still misses. */
function countFor(pageSize: number, limit: number | undefined, fetched: number): number {
	return limit === undefined ? pageSize : Math.min(pageSize, limit - fetched);
}

/**
 * Where the page after `page` (asked for at `offset`) starts: the offset of its `next`
 * pointer, or right after its entries. Undefined when `next` is missing or blank, or when it
 * does not move on (such a pointer would loop forever).
 */
function followingOffset(page: Page<unknown>, offset: number): number | undefined {
	const next = page.next?.trim();
	if (!next) return undefined;
	const nextOffset = offsetFromNext(next) ?? offset + page.items.length;
	return nextOffset > offset ? nextOffset : undefined;
}

/**
 * Iterates over offset/count pages, one page at a time. It follows the API's `next`
 * pointer (its offset, when it has one) and stops at an empty page, a page whose `next`
 * is missing or blank, a `next` that does not move on, or once `limit` entries were
 * yielded; the limit shapes the `count` of the last request, so no entry beyond it is fetched.
 */
export async function* iteratePages<T>(
	fetchPage: (request: PageRequest) => Promise<Page<T>>,
	options: PageOptions,
): AsyncGenerator<T[]> {
	const { pageSize, limit } = options;
	let offset: number | undefined = options.offset ?? 0;
	let fetched = 0;
	while (offset !== undefined && (limit === undefined || fetched < limit)) {
		const page = await fetchPage({ offset, count: countFor(pageSize, limit, fetched) });
		const items = limit === undefined ? page.items : page.items.slice(0, limit - fetched);
		if (items.length === 0) return;
		fetched += items.length;
		yield items;
		offset = followingOffset(page, offset);
	}
}

/** Gathers the entries of a page iterator, stopping once `limit` entries are in hand. */
export async function collect<T>(
	pages: AsyncIterable<T[]>,
	options: { limit?: number } = {},
): Promise<T[]> {
	const entries: T[] = [];
	for await (const page of pages) {
		for (const entry of page) {
			if (options.limit !== undefined && entries.length >= options.limit) return entries;
			entries.push(entry);
		}
		if (options.limit !== undefined && entries.length >= options.limit) return entries;
	}
	return entries;
}

/**
 * The page requests that cover entries `start` to `end` (exclusive) in pages of `pageSize`:
 * what can be fetched concurrently once the total is known. Each asks for a whole page, except
 * that none asks beyond `limitEnd` (where a limit stops the list).
 */
export function pageRequests(start: number, end: number, pageSize: number, limitEnd = Infinity): PageRequest[] {
	const requests: PageRequest[] = [];
	for (let offset = start; offset < end; offset += pageSize) requests.push({ offset, count: Math.min(pageSize, limitEnd - offset) });
	return requests;
}

export interface CollectOptions extends PageOptions {
	/**
	 * The list's total size, when the API can tell it (one request). Asked only when more than
	 * two pages may be wanted, at the same time as the first page; it must not reject.
	 */
	sizeOf?: () => Promise<number | undefined>;
	/** Pages fetched at the same time once the size is known. */
	concurrency?: number;
}

/**
 * Every entry a list asks for (at most `limit`), in list order. With `sizeOf`, when more than
 * two pages may be wanted, the list's size is asked for together with the first page; when
 * that page says more follow, the pages up to that size are fetched `concurrency` at a time
 * instead of one after the other. Pages beyond that size (the list grew meanwhile), and all
 * pages when the size is unknown, follow one at a time through `iteratePages`.
 */
export async function collectPages<T>(
	fetchPage: (request: PageRequest) => Promise<Page<T>>,
	options: CollectOptions,
): Promise<T[]> {
	const { pageSize, limit, sizeOf, concurrency = 1 } = options;
	if (limit !== undefined && limit <= 0) return [];
	const start = options.offset ?? 0;
	const firstPage = fetchPage({ offset: start, count: countFor(pageSize, limit, 0) });
	const sizeLookup = sizeOf && (limit === undefined || limit > 2 * pageSize) ? sizeOf() : undefined;
	let size: number | undefined;
	let first: Page<T>;
	try {
		first = await firstPage;
	} finally {
		// Awaited even when the first page failed, so no call is left running.
		size = await sizeLookup;
	}
	const entries = limit === undefined ? [...first.items] : first.items.slice(0, limit);
	const reached = () => limit !== undefined && entries.length >= limit;
	let offset = entries.length === 0 || reached() ? undefined : followingOffset(first, start);
	if (offset === undefined) return entries;
	const missing = limit === undefined ? Infinity : limit - entries.length;
	if (concurrency > 1 && missing > pageSize && size !== undefined && size > offset) {
		const end = Math.min(size, offset + missing);
		const requests = pageRequests(offset, end, pageSize, offset + missing);
		const pages = await runPool(requests, concurrency, fetchPage);
		// Appended one by one: spreading 10,000 entries into push() would strain the stack.
		for (const page of pages) for (const entry of page.items) entries.push(entry);
		if (reached()) return entries.slice(0, limit);
		// On from where the last page points (the list may have grown past its size meanwhile).
		const last = pages.length - 1;
		offset = last < 0 ? undefined : followingOffset(pages[last], requests[last].offset);
		if (offset === undefined) return entries;
	}
	const rest = iteratePages(fetchPage, { pageSize, offset, limit: limit === undefined ? undefined : limit - entries.length });
	for await (const page of rest) for (const entry of page) entries.push(entry);
	return entries;
}
