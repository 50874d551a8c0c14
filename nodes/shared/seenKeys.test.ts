import fc from 'fast-check';

import { rememberKeys } from './seenKeys';

const limits = { maxKeys: 3, maxAgeMs: 1000 };

describe('rememberKeys', () => {
	test('a key is fresh the first time only, and duplicates within one call count once', () => {
		const first = rememberKeys({}, ['a', 'b', 'a'], 100, limits);
		expect(first.fresh).toEqual(['a', 'b']);
		expect(first.memory).toEqual({ a: 100, b: 100 });
		const second = rememberKeys(first.memory, ['b', 'c'], 200, limits);
		expect(second.fresh).toEqual(['c']);
		expect(second.memory).toEqual({ a: 100, b: 200, c: 200 });
	});

	test('keys seen again are stamped again, so only keys no longer listed age out', () => {
		let memory = rememberKeys({}, ['listed', 'gone'], 0, limits).memory;
		memory = rememberKeys(memory, ['listed'], 900, limits).memory;
		const later = rememberKeys(memory, ['listed'], 1500, limits);
		expect(later.fresh).toEqual([]);
		expect(later.memory).toEqual({ listed: 1500 });
	});

	test('a forgotten key is fresh again', () => {
		const memory = rememberKeys({}, ['a'], 0, limits).memory;
		expect(rememberKeys(memory, ['a'], 1001, limits).fresh).toEqual(['a']);
	});

	test('beyond maxKeys the keys seen longest ago are dropped first', () => {
		let memory = rememberKeys({}, ['a'], 1, limits).memory;
		memory = rememberKeys(memory, ['b'], 2, limits).memory;
		memory = rememberKeys(memory, ['c', 'd'], 3, limits).memory;
		expect(memory).toEqual({ b: 2, c: 3, d: 3 });
	});

	test('does not change the memory it is given', () => {
		const memory = Object.freeze({ a: 1 });
		rememberKeys(memory, ['b'], 2, limits);
		expect(memory).toEqual({ a: 1 });
	});

	test('property: never more than maxKeys, and a key listed on every poll is fresh exactly once', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 }), { maxLength: 20 }),
				fc.integer({ min: 1, max: 5 }),
				(polls, maxKeys) => {
					let memory = {};
					let freshSteady = 0;
					polls.forEach((keys, index) => {
						const result = rememberKeys(memory, ['steady', ...keys], index * 10, { maxKeys, maxAgeMs: 1_000_000 });
						memory = result.memory;
						if (result.fresh.includes('steady')) freshSteady += 1;
						expect(Object.keys(memory).length).toBeLessThanOrEqual(maxKeys);
						expect(new Set(result.fresh).size).toBe(result.fresh.length);
					});
					// 'steady' is stamped on every poll and, remembered first, wins ties with keys listed beside it.
					expect(freshSteady).toBe(polls.length > 0 ? 1 : 0);
				},
			),
		);
	});
});
