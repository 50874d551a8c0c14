import { flattenQuotas } from './quotaTree';

const leaf = (quotaid: unknown, name: string, extra: Record<string, unknown> = {}) => ({
	children: [],
	container: false,
	quotaid,
	valueid: 7,
	label: { all: null, value_name: name, export_value: name.toUpperCase(), value: 10, act_value: 4, diff_value: 6 },
	...extra,
});

describe('flattenQuotas', () => {
	it('puts out the deepest level only, with the value names above it, cells before edges', () => {
		const rows = flattenQuotas({
			edge: [leaf(3, 'Szeged')],
			cell: [{ container: true, valueid: 1, label: { value_name: 'Budapest', all: null }, children: [leaf(1, 'phone'), leaf(2, 'internet')] }],
		});
		expect(rows.map((row) => [row.type, row.quotaid, row.path_text])).toEqual([
			['cell', 1, 'Budapest / phone'],
			['cell', 2, 'Budapest / internet'],
			['edge', 3, 'Szeged'],
		]);
		expect(rows[0]).toEqual({
			type: 'cell',
			quotaid: 1,
			valueid: 7,
			value: 10,
			act_value: 4,
			diff_value: 6,
			value_name: 'phone',
			export_value: 'PHONE',
			path: ['Budapest', 'phone'],
			path_text: 'Budapest / phone',
		});
	});

	it('keeps keys the pages do not list (the edge object is cut short in them), drops the deprecated `all`', () => {
		const [row] = flattenQuotas({ edge: [leaf(5, 'x', { from: 2, to: 9, label: { value_name: 'x', all: null, weight: 3 } })] });
		expect(row).toMatchObject({ quotaid: 5, from: 2, to: 9, weight: 3, value: null, act_value: null });
		expect(row).not.toHaveProperty('all');
		expect(row).not.toHaveProperty('children');
	});

	it('reads a quota ID given as digits, names a level without a label by its value ID, skips what is no object', () => {
		const rows = flattenQuotas({ cell: [null, 'x', { valueid: 12, children: [leaf('44', 'a'), leaf('4x', 'b')] }] });
		expect(rows.map((row) => [row.quotaid, row.path])).toEqual([[44, ['12', 'a']]]);
	});

	it('gives nothing for an answer that is not the documented object', () => {
		expect(flattenQuotas(null)).toEqual([]);
		expect(flattenQuotas([1, 2])).toEqual([]);
		expect(flattenQuotas({ cell: 'none' })).toEqual([]);
	});

	it('walks a tree too deep for recursion', () => {
		let node: Record<string, unknown> = leaf(1, 'deep');
		for (let depth = 0; depth < 20_000; depth++) node = { container: true, valueid: depth, label: { value_name: 'l' }, children: [node] };
		const [row] = flattenQuotas({ cell: [node] });
		expect(row.quotaid).toBe(1);
		expect(row.path).toHaveLength(20_001);
	});
});
