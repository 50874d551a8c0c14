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
	let offset = options.offset ?? 0;
	let fetched = 0;
	while (limit === undefined || fetched < limit) {
		const count = limit === undefined ? pageSize : Math.min(pageSize, limit - fetched);
		const page = await fetchPage({ offset, count });
		const items = limit === undefined ? page.items : page.items.slice(0, limit - fetched);
		if (items.length === 0) return;
		fetched += items.length;
		yield items;
		const next = page.next?.trim();
		if (!next) return;
		const nextOffset = offsetFromNext(next) ?? offset + page.items.length;
		if (nextOffset <= offset) return; // a pointer that does not move on would loop forever
		offset = nextOffset;
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
