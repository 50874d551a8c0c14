import fc from 'fast-check';

import type { CombineRules } from './combineFigures';
import { combineFigures, combineNested, flatten, groupInOrder, ratio } from './combineFigures';

const rules: CombineRules = {
	sum: ['calls', 'minutes'],
	recompute: { callsPerMinute: (f) => ratio(f.calls, f.minutes) },
	countLists: ['codes'],
};

describe('combineFigures', () => {
	test('sums, recomputes ratios from the sums, merges count lists; unknown numbers emptied and named', () => {
		const { figures, emptied } = combineFigures(
			[
				{ calls: 3, minutes: 1.5, callsPerMinute: 2, avgWait: 4, codes: [{ name: 'A', count: 1 }], label: 'x' },
				{ calls: 1, minutes: 0.5, callsPerMinute: 2, avgWait: 6, codes: [{ name: 'A', count: 2 }, { name: 'B', count: 1 }], label: 'x' },
			],
			rules,
		);
		expect(figures).toEqual({ calls: 4, minutes: 2, callsPerMinute: 2, avgWait: null, codes: [{ name: 'A', count: 3 }, { name: 'B', count: 1 }], label: 'x' });
		expect(emptied).toEqual(['avgWait']);
	});

	test('one part comes back as it is', () => {
		const part = { calls: 1, avgWait: 3 };
		expect(combineFigures([part], rules)).toEqual({ figures: part, emptied: [] });
	});

	test('a part without a summed figure counts as none; no number at all: null, or the first value given', () => {
		expect(combineFigures([{ calls: 2 }, {}], rules).figures.calls).toBe(2);
		expect(combineFigures([{ calls: '' }, { calls: null }], rules).figures.calls).toBeNull();
		expect(combineFigures([{ calls: null }, { calls: '' }], { ...rules, keepUnsummable: true }).figures.calls).toBe('');
	});

	test('kept, cleared and always-emptied figures; differing texts named only when asked', () => {
		const parts = [
			{ id: 7, month: 202401, avg: 'n/a', region: 'EU' },
			{ id: 7, month: 202402, avg: 'n/a', region: 'US' },
		];
		expect(combineFigures(parts, { sum: [], keep: ['id'], clear: ['month'], empty: ['avg'] })).toEqual({
			figures: { id: 7, month: null, avg: null, region: null },
			emptied: ['avg'],
		});
		expect(combineFigures(parts, { sum: [], keep: ['id'], clear: ['month'], nameDifferingTexts: true }).emptied).toEqual(['region']);
	});

	test('sums are free of the noise of adding decimals', () => {
		expect(combineFigures([{ minutes: 0.1 }, { minutes: 0.2 }], rules).figures.minutes).toBe(0.3);
	});

	test('any split of whole-number counts sums to the same total, whatever the order', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(10_000), { minLength: 2, maxLength: 12 }), (counts) => {
				const parts = counts.map((calls) => ({ calls }));
				const total = counts.reduce((a, b) => a + b, 0);
				expect(combineFigures(parts, rules).figures.calls).toBe(total);
				expect(combineFigures([...parts].reverse(), rules).figures.calls).toBe(total);
			}),
		);
	});
});

describe('nested figures, ratios and groups', () => {
	test('flatten gives "group.field" keys; combineNested combines on them and nests them back', () => {
		const nested = { a: { b: 1, c: { d: [1] } }, e: null };
		expect(flatten(nested)).toEqual({ 'a.b': 1, 'a.c.d': [1], e: null });
		expect(combineNested([nested], { sum: [] }).figures).toEqual(nested);
		expect(combineNested([{ t: { calls: 1 } }, { t: { calls: 2 } }], { sum: ['t.calls'] }).figures).toEqual({ t: { calls: 3 } });
	});

	test('ratio: rounded to hundredths, 0 for an empty whole, null for a missing part', () => {
		expect([ratio(1, 3, 100), ratio(1, 0), ratio(null, 2), ratio(1, undefined)]).toEqual([33.33, 0, null, null]);
	});

	test('groupInOrder keeps first-seen order', () => {
		expect(groupInOrder([1, 2, 3, 4, 5], (n) => String(n % 2))).toEqual([[1, 3, 5], [2, 4]]);
	});
});
