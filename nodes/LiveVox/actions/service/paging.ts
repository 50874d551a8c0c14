import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';
import type { Page, PageRequest } from '../../../shared/pages';
import { iteratePages, offsetFromNext, pageRequests } from '../../../shared/pages';
import { runPool } from '../../../shared/pool';
import type { LiveVoxClient, LiveVoxRequest } from '../../transport';

/** LiveVox's hard cap of entries per page. */
export const MAX_PAGE_SIZE = 1000;

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const pageSizeOption: INodeProperties = {
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: MAX_PAGE_SIZE,
	description: `Services asked for per request; LiveVox allows at most ${MAX_PAGE_SIZE}`,
};

export interface Paging {
	/** Undefined with Return All. */
	limit?: number;
	pageSize: number;
}

export function readPaging(context: IExecuteFunctions, itemIndex: number): Paging {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const pageSize = context.getNodeParameter('options.pageSize', itemIndex, MAX_PAGE_SIZE) as number;
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
		throw new InvalidInput(
			`Page Size must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`,
			`LiveVox caps a page at ${MAX_PAGE_SIZE} services. Set Page Size to ${MAX_PAGE_SIZE} or less; Limit may still be any number.`,
		);
	}
	if (returnAll) return { pageSize };
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	if (!Number.isInteger(limit) || limit < 1) {
		throw new InvalidInput(`Limit must be a whole number of at least 1, got ${limit}`, 'Set Limit to 1 or more, or turn on Return All.');
	}
	return { limit, pageSize };
}

/** A LiveVox list answer: a page of services and the relative link to the next page. */
interface ServicePage {
	service?: IDataObject[];
	next?: string | null;
}

/** Pages through a LiveVox services list, asking each time for at most what is still missing. */
export function servicePages(
	client: LiveVoxClient,
	requestFor: (page: PageRequest) => LiveVoxRequest,
	paging: Paging,
): AsyncGenerator<IDataObject[]> {
	return iteratePages(
		async (page) => {
			const answer = await client.request<ServicePage | undefined>(requestFor(page));
			return { items: answer?.service ?? [], next: answer?.next };
		},
		{ pageSize: paging.pageSize, limit: paging.limit },
	);
}

/** Pages fetched at the same time once a list's size is known (as many as a report's windows). */
export const PAGE_CONCURRENCY = 4;

/**
 * Every service a list asks for, in list order. When more than two pages may be wanted (Return
 * All, or a Limit above two pages), the list's size is asked for (`sizeOf`: Service List Info,
 * one request) at the same time as the first page; when that page says more follow, the
 * remaining pages are fetched PAGE_CONCURRENCY at a time instead of one after the other. A
 * list that fits in one page costs the size lookup and no extra wait. Pages beyond that size
 * (the list grew meanwhile), and all pages when the size is unknown, follow one at a time
 * through the `next` links.
 */
export async function collectServicePages(
	client: LiveVoxClient,
	requestFor: (page: PageRequest) => LiveVoxRequest,
	paging: Paging,
	sizeOf: () => Promise<number | undefined>,
): Promise<IDataObject[]> {
	const fetchPage = async (page: PageRequest): Promise<Page<IDataObject>> => {
		const answer = await client.request<ServicePage | undefined>(requestFor(page));
		return { items: answer?.service ?? [], next: answer?.next };
	};
	const { pageSize, limit } = paging;
	const firstPage = fetchPage({ offset: 0, count: limit === undefined ? pageSize : Math.min(pageSize, limit) });
	const sizeLookup = limit === undefined || limit > 2 * pageSize ? sizeOf() : undefined;
	let size: number | undefined;
	let first: Page<IDataObject>;
	try {
		first = await firstPage;
	} finally {
		// Awaited even when the first page failed, so no call is left running (sizeOf never rejects).
		size = await sizeLookup;
	}
	const entries = limit === undefined ? first.items : first.items.slice(0, limit);
	const next = first.next?.trim();
	if (entries.length === 0 || !next || (limit !== undefined && entries.length >= limit)) return entries;
	let offset = offsetFromNext(next) ?? first.items.length;
	if (offset <= 0) return entries;
	const missing = limit === undefined ? Infinity : limit - entries.length;
	if (missing > pageSize && size !== undefined && size > offset) {
		const end = Math.min(size, offset + missing);
		const pages = await runPool(pageRequests(offset, end, pageSize, offset + missing), PAGE_CONCURRENCY, fetchPage);
		// Appended one by one: spreading 10,000 entries into push() would strain the stack.
		for (const page of pages) for (const entry of page.items) entries.push(entry);
		const last = pages[pages.length - 1];
		if (!last?.next?.trim() || (limit !== undefined && entries.length >= limit)) {
			return limit === undefined ? entries : entries.slice(0, limit);
		}
		offset = end;
	}
	const rest = iteratePages(fetchPage, { pageSize, offset, limit: limit === undefined ? undefined : limit - entries.length });
	for await (const page of rest) for (const entry of page) entries.push(entry);
	return entries;
}
