import type { IDataObject } from 'n8n-workflow';

import { CDR_PAGE_SIZE, cdrRowsOf, collectCdrLog } from './cdrLogPages';

const log = (size: number) => Array.from({ length: size }, (_, index): IDataObject => ({ uuid: `u${index}` }));

function server(size: number) {
	const asked: Array<[number, number]> = [];
	const fetchPage = (start: number, num: number) => {
		asked.push([start, num]);
		return Promise.resolve(log(size).slice(start, start + num));
	};
	return { asked, fetchPage };
}

describe('collectCdrLog', () => {
	it('reads all pages in order and stops at the short one', async () => {
		const { asked, fetchPage } = server(23);
		expect(await collectCdrLog(fetchPage, undefined)).toEqual(log(23));
		expect(asked).toEqual([[0, 10], [10, 10], [20, 10]]);
	});

	it('asks once more after a full last page, and stops at the empty one', async () => {
		const { asked, fetchPage } = server(20);
		expect(await collectCdrLog(fetchPage, undefined)).toHaveLength(20);
		expect(asked).toEqual([[0, 10], [10, 10], [20, 10]]);
	});

	it('passes the limit into the requests', async () => {
		const { asked, fetchPage } = server(23);
		expect(await collectCdrLog(fetchPage, 12)).toEqual(log(12));
		expect(asked).toEqual([[0, CDR_PAGE_SIZE], [10, 2]]);
	});
});

describe('cdrRowsOf', () => {
	it('reads rows, a bare array, or nothing', () => {
		expect(cdrRowsOf({ rows: [{ uuid: 'a' }, 3] })).toEqual([{ uuid: 'a' }]);
		expect(cdrRowsOf([{ uuid: 'b' }])).toEqual([{ uuid: 'b' }]);
		expect(cdrRowsOf(null)).toEqual([]);
		expect(cdrRowsOf({ count: 0 })).toEqual([]);
	});
});
