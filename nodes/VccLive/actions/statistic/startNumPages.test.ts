import type { IDataObject } from 'n8n-workflow';

import { CDR_PAGE_SIZE, collectByStartNum, rowsOf } from './startNumPages';

const log = (size: number) => Array.from({ length: size }, (_, index): IDataObject => ({ uuid: `u${index}` }));

/** A server with `size` entries that gives at most `cap` per request. */
function server(size: number, cap = Infinity) {
	const asked: Array<[number, number]> = [];
	const fetchPage = (start: number, num: number) => {
		asked.push([start, num]);
		return Promise.resolve(log(size).slice(start, start + Math.min(num, cap)));
	};
	return { asked, fetchPage };
}

const shortEnds = { pageSize: CDR_PAGE_SIZE, lastWhenShort: true };

describe('collectByStartNum', () => {
	it('reads all pages in order and stops at the short one', async () => {
		const { asked, fetchPage } = server(23);
		expect(await collectByStartNum(fetchPage, shortEnds)).toEqual(log(23));
		expect(asked).toEqual([[0, 10], [10, 10], [20, 10]]);
	});

	it('asks once more after a full last page, and stops at the empty one', async () => {
		const { asked, fetchPage } = server(20);
		expect(await collectByStartNum(fetchPage, shortEnds)).toHaveLength(20);
		expect(asked).toEqual([[0, 10], [10, 10], [20, 10]]);
	});

	it('passes the limit into the requests', async () => {
		const { asked, fetchPage } = server(23);
		expect(await collectByStartNum(fetchPage, { ...shortEnds, limit: 12 })).toEqual(log(12));
		expect(asked).toEqual([[0, 10], [10, 2]]);
	});

	it('without lastWhenShort, a server giving fewer than asked is read to its empty page', async () => {
		const { asked, fetchPage } = server(25, 10);
		expect(await collectByStartNum(fetchPage, { pageSize: 100, lastWhenShort: false })).toEqual(log(25));
		expect(asked).toEqual([[0, 100], [10, 100], [20, 100], [25, 100]]);
	});
});

describe('rowsOf', () => {
	it('reads rows, a bare array, or nothing', () => {
		expect(rowsOf({ rows: [{ uuid: 'a' }, 3] })).toEqual([{ uuid: 'a' }]);
		expect(rowsOf([{ uuid: 'b' }])).toEqual([{ uuid: 'b' }]);
		expect(rowsOf(null)).toEqual([]);
		expect(rowsOf({ count: 0 })).toEqual([]);
	});
});
