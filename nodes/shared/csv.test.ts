import fc from 'fast-check';

import { CsvReader, CsvSyntaxError, csvRecord, formatCsvRow, parseCsv, streamCsv, typedCsvValue } from './csv';

/** Splits a text at the given cut points, so a property can feed the reader chunks of any size. */
function cutAt(text: string, cuts: number[]): string[] {
	const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
	const pieces: string[] = [];
	let start = 0;
	for (const point of points) {
		pieces.push(text.slice(start, point));
		start = point;
	}
	pieces.push(text.slice(start));
	return pieces;
}

function readInChunks(chunks: string[], delimiter?: string): string[][] {
	const reader = new CsvReader({ delimiter });
	const rows = chunks.flatMap((chunk) => reader.push(chunk));
	return rows.concat(reader.end());
}

describe('parseCsv', () => {
	it('reads quotes, doubled quotes, embedded delimiters and line breaks', () => {
		const text = 'name,note\r\n"Smith, J.","said ""hi""\nand left"\r\nplain,\r\n';
		expect(parseCsv(text)).toEqual([
			['name', 'note'],
			['Smith, J.', 'said "hi"\nand left'],
			['plain', ''],
		]);
	});

	it('drops a byte-order mark, accepts LF, CRLF and lone CR, and skips blank lines', () => {
		expect(parseCsv('\ufeffa,b\n1,2\r\n\r\n3,4\r5,6')).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4'],
			['5', '6'],
		]);
	});

	it('keeps a row of one quoted empty field, and an empty last field before the end', () => {
		expect(parseCsv('""\na,')).toEqual([[''], ['a', '']]);
	});

	it('reads tab-separated text with the tab delimiter', () => {
		expect(parseCsv('a\tb\n"x\ty"\t2\n', { delimiter: '\t' })).toEqual([
			['a', 'b'],
			['x\ty', '2'],
		]);
	});

	it('reads text after a closing quote leniently, as part of the field', () => {
		expect(parseCsv('"ab"cd,e')).toEqual([['abcd', 'e']]);
	});

	it('fails on a quoted field that never closes', () => {
		expect(() => parseCsv('a,"open\n')).toThrow(CsvSyntaxError);
	});

	it('refuses a delimiter that is a quote, a line break or longer than one character', () => {
		expect(() => new CsvReader({ delimiter: '"' })).toThrow(RangeError);
		expect(() => new CsvReader({ delimiter: ';;' })).toThrow(RangeError);
	});
});

describe('chunked reading', () => {
	it('joins a CRLF split between two chunks into one line end', () => {
		expect(readInChunks(['a,b\r', '\n1,2\r', '', '\n'])).toEqual([
			['a', 'b'],
			['1', '2'],
		]);
	});

	it('streams rows from an async source as they complete', async () => {
		async function* source() {
			yield '\ufeffh1,h2\n"multi';
			yield '\nline",x\n';
			yield 'last,row';
		}
		const rows: string[][] = [];
		for await (const row of streamCsv(source())) rows.push(row);
		expect(rows).toEqual([
			['h1', 'h2'],
			['multi\nline', 'x'],
			['last', 'row'],
		]);
	});
});

describe('round trips (property)', () => {
	const field = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', '\t', '"', '\n', '\r', 'é', '€') });
	const rows = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 12 });

	it.each([
		[',', '\r\n'],
		['\t', '\n'],
	])('formatting then reading gives the fields back (delimiter %j, line end %j)', (delimiter, lineEnd) => {
		fc.assert(
			fc.property(rows, fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (table, cuts, finalLineEnd) => {
				const text = table.map((row) => formatCsvRow(row, delimiter)).join(lineEnd) + (finalLineEnd ? lineEnd : '');
				expect(parseCsv(text, { delimiter })).toEqual(table);
				expect(readInChunks(cutAt(text, cuts), delimiter)).toEqual(table);
			}),
		);
	});

	it('reads the same rows whatever the chunk boundaries', () => {
		const anyText = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', 'x') });
		fc.assert(
			fc.property(anyText, fc.array(fc.nat(), { maxLength: 10 }), (text, cuts) => {
				let whole: string[][] | Error;
				try {
					whole = parseCsv(text);
				} catch (error) {
					whole = error as Error;
				}
				let chunked: string[][] | Error;
				try {
					chunked = readInChunks(cutAt(text, cuts));
				} catch (error) {
					chunked = error as Error;
				}
				expect(chunked).toEqual(whole);
			}),
		);
	});
});

describe('typed values and records', () => {
	it('turns numbers into numbers and empty fields into null, and leaves codes with leading zeros as text', () => {
		expect(['12', '-3', '0', '4.25', '', '007', '1e3', 'abc', '9007199254740993'].map(typedCsvValue)).toEqual([
			12,
			-3,
			0,
			4.25,
			null,
			'007',
			'1e3',
			'abc',
			'9007199254740993',
		]);
	});

	it('keys a row by the header, filling missing fields with null and dropping extra ones', () => {
		expect(csvRecord(['projectid', 'queueid', 'note'], ['4', '-1'])).toEqual({ projectid: 4, queueid: -1, note: null });
		expect(csvRecord(['a'], ['1', 'extra'])).toEqual({ a: 1 });
	});
});
