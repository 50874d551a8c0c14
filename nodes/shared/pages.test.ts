import fc from 'fast-check';
import { sleep } from 'n8n-workflow';

import type { Page, PageRequest } from './pages';
import { collect, collectPages, iteratePages } from './pages';

/**
 * A server holding `total` entries (0, 1, 2, ...): a page holds up to `count` entries from
 * `offset`, and `next` is a relative link like LiveVox's, present while entries remain.
 */
function simulatedServer(total: number, options: { nextOnFullPage?: boolean } = {}) {
	const requests: PageRequest[] = [];
	const fetchPage = async (request: PageRequest): Promise<Page<number>> => {
		requests.push(request);
		const end = Math.min(total, request.offset + request.count);
		const items = Array.from({ length: Math.max(0, end - request.offset) }, (_, index) => request.offset + index);
		const more = options.nextOnFullPage ? items.length === request.count : end < total;
		return {
			items,
			next: more ? `configuration/services?count=${request.count}&callCenter=433&offset=${end}` : undefined,
		};
	};
	return { fetchPage, requests };
}

/** A fetcher answering with the given pages in turn, recording the requests. */
function scripted(pages: Array<Page<string>>) {
	const requests: PageRequest[] = [];
	const fetchPage = async (request: PageRequest) => {
		requests.push(request);
		return pages[requests.length - 1] ?? { items: [] };
	};
	return { fetchPage, requests };
}

const range = (start: number, length: number) => Array.from({ length }, (_, index) => start + index);

describe('iteratePages', () => {
	it('follows the offset of a relative `next` link', async () => {
		const { fetchPage, requests } = scripted([
			{ items: ['a', 'b', 'c', 'd', 'e'], next: 'configuration/services?count=5&callCenter=433&offset=5' },
			{ items: ['f', 'g'], next: 'configuration/services?count=5&callCenter=433&offset=7' },
			{ items: ['h'], next: '' },
		]);
		const entries = await collect(iteratePages(fetchPage, { pageSize: 5 }));
		expect(entries).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
		expect(requests).toEqual([
			{ offset: 0, count: 5 },
			{ offset: 5, count: 5 },
			{ offset: 7, count: 5 },
		]);
	});

	it('follows a `next` offset that skips ahead, and an absolute URL', async () => {
		const { fetchPage, requests } = scripted([
			{ items: ['a'], next: 'https://api.example.com/configuration/services?offset=40&count=10' },
			{ items: ['b'] },
		]);
		await collect(iteratePages(fetchPage, { pageSize: 10, offset: 30 }));
		expect(requests).toEqual([
			{ offset: 30, count: 10 },
			{ offset: 40, count: 10 },
		]);
	});

	it('moves on by the entries received when `next` carries no offset', async () => {
		const { fetchPage, requests } = scripted([{ items: ['a', 'b', 'c'], next: 'more' }, { items: ['d'] }]);
		expect(await collect(iteratePages(fetchPage, { pageSize: 3 }))).toEqual(['a', 'b', 'c', 'd']);
		expect(requests.map((request) => request.offset)).toEqual([0, 3]);
	});

	it.each([
		['missing', undefined],
		['null', null],
		['empty', ''],
		['blank', '   '],
	])('stops after a page whose next is %s', async (_label, next) => {
		const { fetchPage, requests } = scripted([{ items: ['a', 'b'], next }, { items: ['never'] }]);
		expect(await collect(iteratePages(fetchPage, { pageSize: 2 }))).toEqual(['a', 'b']);
		expect(requests).toHaveLength(1);
	});

	it('stops at an empty page even when it has a next link', async () => {
		const { fetchPage, requests } = scripted([
			{ items: ['a'], next: 'x?offset=1' },
			{ items: [], next: 'x?offset=2' },
			{ items: ['never'] },
		]);
		expect(await collect(iteratePages(fetchPage, { pageSize: 1 }))).toEqual(['a']);
		expect(requests).toHaveLength(2);
	});

	it.each([
		['points back to the same offset', 'x?offset=10'],
		['points backwards', 'x?offset=0'],
	])('stops when next %s, instead of looping', async (_label, next) => {
		const { fetchPage, requests } = scripted([{ items: ['a', 'b'], next }, { items: ['never'] }]);
		expect(await collect(iteratePages(fetchPage, { pageSize: 2, offset: 10 }))).toEqual(['a', 'b']);
		expect(requests).toHaveLength(1);
	});

	it('with limit 2500 and page size 1000 asks for 1000, 1000 and 500, and nothing more', async () => {
		const server = simulatedServer(10_000);
		const entries = await collect(iteratePages(server.fetchPage, { pageSize: 1000, limit: 2500 }), { limit: 2500 });
		expect(entries).toEqual(range(0, 2500));
		expect(server.requests).toEqual([
			{ offset: 0, count: 1000 },
			{ offset: 1000, count: 1000 },
			{ offset: 2000, count: 500 },
		]);
	});

	it('with a limit smaller than a page makes one request for exactly the limit', async () => {
		const server = simulatedServer(10_000);
		expect(await collect(iteratePages(server.fetchPage, { pageSize: 1000, limit: 7 }))).toEqual(range(0, 7));
		expect(server.requests).toEqual([{ offset: 0, count: 7 }]);
	});

	it('with a limit equal to the total makes no extra request, even if the server offers a next page', async () => {
		const server = simulatedServer(2000, { nextOnFullPage: true });
		expect(await collect(iteratePages(server.fetchPage, { pageSize: 1000, limit: 2000 }))).toHaveLength(2000);
		expect(server.requests).toEqual([
			{ offset: 0, count: 1000 },
			{ offset: 1000, count: 1000 },
		]);
	});

	it('keeps no entry beyond the limit when the server sends more than asked for', async () => {
		const { fetchPage, requests } = scripted([{ items: ['a', 'b', 'c', 'd'], next: 'x?offset=4' }]);
		expect(await collect(iteratePages(fetchPage, { pageSize: 10, limit: 3 }))).toEqual(['a', 'b', 'c']);
		expect(requests).toEqual([{ offset: 0, count: 3 }]);
	});

	it('makes no request for a limit of 0', async () => {
		const server = simulatedServer(5);
		expect(await collect(iteratePages(server.fetchPage, { pageSize: 10, limit: 0 }))).toEqual([]);
		expect(server.requests).toEqual([]);
	});

	it('yields page by page and fetches the next page only when asked for it', async () => {
		const server = simulatedServer(30);
		const pages = iteratePages(server.fetchPage, { pageSize: 10 });
		expect((await pages.next()).value).toEqual(range(0, 10));
		expect(server.requests).toHaveLength(1);
		expect((await pages.next()).value).toEqual(range(10, 10));
		expect(server.requests).toHaveLength(2);
	});

	it('passes a fetch failure on to the caller', async () => {
		const fetchPage = async (): Promise<Page<number>> => {
			throw new Error('page failed');
		};
		await expect(collect(iteratePages(fetchPage, { pageSize: 5 }))).rejects.toThrow('page failed');
	});
});

describe('collect', () => {
	it('stops pulling pages once the limit is reached', async () => {
		const server = simulatedServer(100);
		expect(await collect(iteratePages(server.fetchPage, { pageSize: 10 }), { limit: 15 })).toEqual(range(0, 15));
		expect(server.requests).toHaveLength(2);
	});

	it('does not pull another page when the limit falls on the end of a page', async () => {
		const server = simulatedServer(100);
		expect(await collect(iteratePages(server.fetchPage, { pageSize: 10 }), { limit: 20 })).toEqual(range(0, 20));
		expect(server.requests).toHaveLength(2);
	});

	it('returns everything without a limit, and nothing for limit 0', async () => {
		async function* pages() {
			yield [1, 2];
			yield [3];
		}
		expect(await collect(pages())).toEqual([1, 2, 3]);
		expect(await collect(pages(), { limit: 0 })).toEqual([]);
	});

	it('property: entries are the first min(limit, total) and requests the fewest needed', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 0, max: 120 }),
				fc.integer({ min: 1, max: 25 }),
				fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
				async (total, pageSize, limit) => {
					const server = simulatedServer(total);
					const entries = await collect(iteratePages(server.fetchPage, { pageSize, limit }), { limit });
					const wanted = Math.min(limit ?? Number.POSITIVE_INFINITY, total);
					expect(entries).toEqual(range(0, wanted));
					expect(server.requests).toHaveLength(Math.max(1, Math.ceil(wanted / pageSize)));
					const asked = server.requests.reduce((sum, request) => sum + request.count, 0);
					if (limit !== undefined) expect(asked).toBeLessThanOrEqual(limit);
					server.requests.forEach((request, index) => {
						expect(request.offset).toBe(index * pageSize);
						expect(request.count).toBeGreaterThan(0);
						expect(request.count).toBeLessThanOrEqual(pageSize);
					});
				},
			),
			{ numRuns: 300 },
		);
	});
});

describe('collectPages', () => {
	it('property: the first min(limit, total) entries in order, no request beyond the limit, the size asked only for more than two pages', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 0, max: 120 }),
				fc.integer({ min: 1, max: 25 }),
				fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
				fc.integer({ min: -10, max: 10 }),
				async (total, pageSize, limit, sizeError) => {
					const server = simulatedServer(total);
					let sizeAsked = 0;
					const sizeOf = async () => {
						sizeAsked += 1;
						return Math.max(0, total + sizeError);
					};
					const entries = await collectPages(server.fetchPage, { pageSize, limit, sizeOf, concurrency: 4 });
					expect(entries).toEqual(range(0, Math.min(limit ?? Number.POSITIVE_INFINITY, total)));
					expect(sizeAsked).toBe(limit === undefined || limit > 2 * pageSize ? 1 : 0);
					const asked = server.requests.reduce((sum, request) => sum + request.count, 0);
					if (limit !== undefined) expect(asked).toBeLessThanOrEqual(limit);
					for (const request of server.requests) {
						expect(request.count).toBeGreaterThan(0);
						expect(request.count).toBeLessThanOrEqual(pageSize);
					}
					expect(new Set(server.requests.map((request) => request.offset)).size).toBe(server.requests.length);
				},
			),
			{ numRuns: 300 },
		);
	});

	it('fetches the pages up to the known size together, then follows next links past it', async () => {
		const server = simulatedServer(45);
		const entries = await collectPages(server.fetchPage, { pageSize: 10, sizeOf: async () => 30, concurrency: 4 });
		expect(entries).toEqual(range(0, 45));
		expect(server.requests.map((request) => request.offset)).toEqual([0, 10, 20, 30, 40]);
	});

	it('without a size, or with concurrency 1, behaves as iteratePages and collect', async () => {
		for (const options of [{ sizeOf: async () => undefined, concurrency: 4 }, { sizeOf: async () => 95 }, {}]) {
			const server = simulatedServer(95);
			expect(await collectPages(server.fetchPage, { pageSize: 10, limit: 57, ...options })).toEqual(range(0, 57));
			expect(server.requests.map((request) => request.count)).toEqual([10, 10, 10, 10, 10, 7]);
		}
	});

	it('waits for the size lookup before passing on a failure of the first page', async () => {
		let sizeSettled = false;
		const fetchPage = async (): Promise<Page<number>> => {
			throw new Error('page failed');
		};
		const sizeOf = async () => {
			await sleep(0);
			sizeSettled = true;
			return 10;
		};
		await expect(collectPages(fetchPage, { pageSize: 5, sizeOf })).rejects.toThrow('page failed');
		expect(sizeSettled).toBe(true);
	});

	it('makes no request for a limit of 0', async () => {
		const server = simulatedServer(5);
		expect(await collectPages(server.fetchPage, { pageSize: 10, limit: 0 })).toEqual([]);
		expect(server.requests).toEqual([]);
	});
});
