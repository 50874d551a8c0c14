import fc from 'fast-check';

import { chunk } from './chunks';

describe('chunk', () => {
	it('splits into full chunks and a shorter last one', () => {
		expect(chunk([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
	});

	it('gives one chunk when the list fits, and none for an empty list', () => {
		expect(chunk(['a', 'b'], 150)).toEqual([['a', 'b']]);
		expect(chunk([], 3)).toEqual([]);
	});

	it('splits 151 service ids into 150 and 1', () => {
		const ids = Array.from({ length: 151 }, (_, index) => index + 1);
		const chunks = chunk(ids, 150);
		expect(chunks.map((part) => part.length)).toEqual([150, 1]);
		expect(chunks[1]).toEqual([151]);
	});

	it('does not change the input list', () => {
		const list = [1, 2, 3];
		chunk(list, 2)[0].push(99);
		expect(list).toEqual([1, 2, 3]);
	});

	it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError for size %p', (size) => {
		expect(() => chunk([1, 2], size)).toThrow(RangeError);
		expect(() => chunk([1, 2], size)).toThrow(/positive whole number/);
	});

	it('property: concatenated chunks equal the input, in order, every chunk bounded and only the last short', () => {
		fc.assert(
			fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 20 }), (list, size) => {
				const chunks = chunk(list, size);
				expect(chunks.flat()).toEqual(list);
				expect(chunks).toHaveLength(Math.ceil(list.length / size));
				chunks.forEach((part, index) => {
					expect(part.length).toBeGreaterThan(0);
					if (index < chunks.length - 1) expect(part).toHaveLength(size);
					else expect(part.length).toBeLessThanOrEqual(size);
				});
			}),
		);
	});
});
