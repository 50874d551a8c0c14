import type { IDataObject } from 'n8n-workflow';

import { collectByLastUuid } from './lastUuidPages';

const files = (size: number) => Array.from({ length: size }, (_, index): IDataObject => ({ uuid: `u${String(index).padStart(3, '0')}` }));

function server(size: number) {
	const asked: Array<string | undefined> = [];
	const fetchPage = (lastUuid: string | undefined) => {
		asked.push(lastUuid);
		const all = files(size);
		const from = lastUuid === undefined ? 0 : all.findIndex((file) => file.uuid === lastUuid) + 1;
		return Promise.resolve(all.slice(from, from + 10));
	};
	return { asked, fetchPage };
}

describe('collectByLastUuid', () => {
	it('follows the last UUID until a short page', async () => {
		const { asked, fetchPage } = server(23);
		expect(await collectByLastUuid(fetchPage, undefined)).toEqual(files(23));
		expect(asked).toEqual([undefined, 'u009', 'u019']);
	});

	it('asks once more after a full page and stops at the empty one', async () => {
		const { asked, fetchPage } = server(20);
		expect(await collectByLastUuid(fetchPage, undefined)).toHaveLength(20);
		expect(asked).toEqual([undefined, 'u009', 'u019']);
	});

	it('stops asking once the limit is reached', async () => {
		const { asked, fetchPage } = server(45);
		expect(await collectByLastUuid(fetchPage, 10)).toEqual(files(10));
		expect(asked).toEqual([undefined]);
		expect(await collectByLastUuid(fetchPage, 15)).toEqual(files(15));
	});

	it('stops when the last UUID does not move on', async () => {
		let calls = 0;
		const stuck = () => {
			calls += 1;
			return Promise.resolve(files(10));
		};
		expect(await collectByLastUuid(stuck, undefined)).toHaveLength(20);
		expect(calls).toBe(2);
	});
});
