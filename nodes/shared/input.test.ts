import fc from 'fast-check';

import { clockTimeToMs, InvalidInput, msToClockTime, onlySet, toId, toIdList } from './input';

/** The InvalidInput a call throws (fails the test if it throws nothing or something else). */
function invalidInputOf(call: () => unknown): InvalidInput {
	try {
		call();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidInput);
		return error as InvalidInput;
	}
	throw new Error('expected an InvalidInput, but nothing was thrown');
}

describe('InvalidInput', () => {
	it('is an Error with its message, hint and name', () => {
		const error = new InvalidInput('Service ID is missing', 'Enter it.');
		expect(error).toBeInstanceOf(Error);
		expect(error).toMatchObject({ name: 'InvalidInput', message: 'Service ID is missing', hint: 'Enter it.' });
	});
});

describe('toId', () => {
	it.each([
		[20575, 20575],
		[0, 0],
		['20575', 20575],
		['  42 ', 42],
		['\t7\n', 7],
		['007', 7],
		[Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
		[String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
	])('accepts %p as %p', (value, id) => {
		expect(toId(value, 'Service ID')).toBe(id);
	});

	it.each(['12a', '1.5', '-3', '../1', '1/2', '?x', '1 2', '0x1f', '1e3', '+5', '１２'])('rejects the text %p', (value) => {
		const error = invalidInputOf(() => toId(value, 'Service ID'));
		expect(error.message).toBe(`Service ID must be a whole number, got "${value.trim()}"`);
		expect(error.hint).toBe('Enter the Service ID as digits only, for example 20575.');
	});

	it.each([1.5, -3, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 1e21])('rejects the number %p', (value) => {
		expect(invalidInputOf(() => toId(value, 'Service ID')).message).toMatch(/^Service ID must be a whole number/);
	});

	it('rejects digits beyond the safe integers, which would lose precision', () => {
		expect(() => toId('9007199254740993', 'Service ID')).toThrow(InvalidInput);
		expect(() => toId('123456789012345678901234567890', 'Service ID')).toThrow(InvalidInput);
	});

	it.each([
		['empty', ''],
		['blank', '   '],
		['undefined', undefined],
		['null', null],
	])('says a %s value is missing and how to fix it', (_label, value) => {
		const error = invalidInputOf(() => toId(value, 'Call Center ID'));
		expect(error.message).toBe('Call Center ID is missing');
		expect(error.hint).toBe('Enter the Call Center ID as a whole number.');
	});

	it.each([[{ id: 1 }], [[1]], [true]])('rejects the non-ID value %p', (value) => {
		expect(invalidInputOf(() => toId(value, 'Service ID')).message).toMatch(/^Service ID /);
	});

	it('cuts a long bad value short in the message', () => {
		const error = invalidInputOf(() => toId('x'.repeat(500), 'Service ID'));
		expect(error.message.length).toBeLessThan(100);
	});

	it('property: every safe non-negative integer, as a number or as digits with spaces, is read back', () => {
		fc.assert(
			fc.property(fc.maxSafeNat(), fc.constantFrom('', ' ', '  \t'), (id, pad) => {
				expect(toId(id, 'ID')).toBe(id);
				expect(toId(`${pad}${id}${pad}`, 'ID')).toBe(id);
			}),
		);
	});

	it('property: a text with anything other than digits is rejected', () => {
		fc.assert(
			fc.property(
				fc.string({ minLength: 1 }).filter((text) => !/^\s*\d+\s*$/.test(text) && text.trim() !== ''),
				(text) => {
					expect(() => toId(text, 'ID')).toThrow(InvalidInput);
				},
			),
		);
	});
});

describe('toIdList', () => {
	it.each([
		['1,2,3', [1, 2, 3]],
		[' 1, 2 ;3  4\n5 ', [1, 2, 3, 4, 5]],
		['1,,2', [1, 2]],
		['', []],
		['  ', []],
		[undefined, []],
		[null, []],
		[[], []],
		[[4, '5', ' 6 '], [4, 5, 6]],
		[9, [9]],
	])('reads %p as %p', (value, ids) => {
		expect(toIdList(value, 'Service IDs')).toEqual(ids);
	});

	it('names the field for a bad entry', () => {
		const error = invalidInputOf(() => toIdList('1, 2x, 3', 'Service IDs'));
		expect(error.message).toBe('each of Service IDs must be a whole number, got "2x"');
		expect(error.hint).toMatch(/digits only/);
	});

	it.each([['1.5'], [[1, -2]], [{ id: 1 }], [['']]])('rejects %p', (value) => {
		expect(() => toIdList(value, 'Service IDs')).toThrow(InvalidInput);
	});

	it('property: a list joined with any separators is read back', () => {
		fc.assert(
			fc.property(fc.array(fc.maxSafeNat()), fc.constantFrom(',', ', ', ';', ' ', '\n'), (ids, separator) => {
				expect(toIdList(ids.join(separator), 'IDs')).toEqual(ids);
				expect(toIdList(ids, 'IDs')).toEqual(ids);
			}),
		);
	});
});

describe('clockTimeToMs and msToClockTime', () => {
	it.each([
		['00:00', 0],
		['08:30', 8 * 3_600_000 + 30 * 60_000],
		['7:05', 7 * 3_600_000 + 5 * 60_000],
		[' 17:00 ', 17 * 3_600_000],
		['24:00', 24 * 3_600_000],
		['25:59', 25 * 3_600_000 + 59 * 60_000],
		['47:59', 47 * 3_600_000 + 59 * 60_000],
	])('reads %p', (text, ms) => {
		expect(clockTimeToMs(text, 'Open Time')).toBe(ms);
	});

	it.each(['7:75', '48:00', '99:00', '7', 'ab:cd', '', '7:5', '07:300', '123:00', '-1:00', '07.30', '7:30 pm'])(
		'rejects %p, naming the field, with a hint showing the form',
		(text) => {
			const error = invalidInputOf(() => clockTimeToMs(text, 'Close Time'));
			expect(error.message).toBe(`Close Time "${text.trim()}" is not a time`);
			expect(error.hint).toMatch(/^Enter Close Time as HH:mm, for example 08:30/);
			expect(error.hint).toMatch(/25:59/);
		},
	);

	it.each([[undefined], [730], [null]])('rejects the non-text %p', (value) => {
		expect(() => clockTimeToMs(value, 'Open Time')).toThrow(InvalidInput);
	});

	it.each([
		[0, '00:00'],
		[8 * 3_600_000 + 30 * 60_000, '08:30'],
		[25 * 3_600_000 + 59 * 60_000, '25:59'],
		[8 * 3_600_000 + 30 * 60_000 + 59_999, '08:30'],
	])('writes %p ms as %p', (ms, text) => {
		expect(msToClockTime(ms)).toBe(text);
	});

	it('property: every HH:mm up to 47:59 goes to milliseconds and back unchanged', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 0, max: 59 }), (hours, minutes) => {
				const text = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
				const ms = clockTimeToMs(text, 'Time');
				expect(ms).toBe((hours * 60 + minutes) * 60_000);
				expect(msToClockTime(ms)).toBe(text);
			}),
		);
	});
});

describe('onlySet', () => {
	it('drops undefined and empty strings, keeps every other value', () => {
		expect(onlySet({ a: undefined, b: '', c: 'x', d: 0, e: false, f: null, g: [] })).toEqual({
			c: 'x',
			d: 0,
			e: false,
			f: null,
			g: [],
		});
	});

	it('does not change its input', () => {
		const fields = { a: '', b: 1 };
		onlySet(fields);
		expect(fields).toEqual({ a: '', b: 1 });
	});
});
