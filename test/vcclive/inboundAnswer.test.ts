import { delimitedRows, inboundFileText, readInboundAnswer } from '../../nodes/VccLive/actions/statistic/inboundAnswer';

describe('readInboundAnswer', () => {
	it('takes the rows of a JSON answer, no rows from null, and reads text by its header', () => {
		expect(readInboundAnswer([{ a: 1 }, 'junk'])).toEqual({ rows: [{ a: 1 }] });
		expect(readInboundAnswer(null)).toEqual({ rows: [] });
		expect(readInboundAnswer('a\tb\n1\t\n')).toEqual({ rows: [{ a: 1, b: null }], text: 'a\tb\n1\t\n' });
	});

	it('reads a quoted CSV header and fields', () => {
		expect(delimitedRows('\ufeff"projectid","note"\r\n4,"a, b"\r\n')).toEqual([{ projectid: 4, note: 'a, b' }]);
	});
});

describe('inboundFileText', () => {
	const month = (text: string) => readInboundAnswer(text);

	it('is the text as received for one month', () => {
		const text = '\ufeffa,b\r\n1,2\r\n';
		expect(inboundFileText([month(text)], ',')).toBe(text);
	});

	it('joins months under the first header, dropping later headers and byte-order marks', () => {
		const file = inboundFileText([month('\ufeffa,b\r\n1,2\r\n'), month('\ufeffa,b\r\n'), month('\ufeffa,b\r\n3,4')], ',');
		expect(file).toBe('\ufeffa,b\r\n1,2\r\n3,4');
	});

	it('adds a line break when a month ends without one', () => {
		expect(inboundFileText([month('a\tb\n1\t2'), month('a\tb\n3\t4\n')], '\t')).toBe('a\tb\n1\t2\n3\t4\n');
	});

	it('writes the file from the rows when the headers differ, under the union of the columns', () => {
		const file = inboundFileText([month('a,b\n1,2\n'), month('a,c\n3,"x,y"\n')], ',');
		expect(file).toBe('a,b,c\r\n1,2,\r\n3,,"x,y"\r\n');
	});

	it('writes the file from the rows when a month answered JSON', () => {
		const json = readInboundAnswer([{ a: 5, b: 6 }]);
		expect(inboundFileText([month('a\tb\n1\t2\n'), json], '\t')).toBe('a\tb\r\n1\t2\r\n5\t6\r\n');
	});

	it('is empty when no month had anything', () => {
		expect(inboundFileText([month(''), readInboundAnswer(null)], ',')).toBe('');
	});
});
