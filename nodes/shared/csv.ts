/**
 * An RFC 4180 CSV reader that streams: text goes in as chunks of any size (a chunk may end
 * inside a field, inside quotes or between CR and LF) and complete rows come out. Quotes,
 * doubled quotes, embedded delimiters and line breaks, CRLF, LF or lone CR line ends and a
 * leading byte-order mark are handled; blank lines are skipped. The same reader reads
 * tab-separated text with `delimiter: '\t'`.
 *
 * Fast and allocation-light on purpose (a LiveVox report is 200,000 rows): unquoted runs
 * and quoted runs are each sliced out of the chunk in one piece, and a field is only built
 * up by concatenation when it spans chunks or holds doubled quotes.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = '\ufeff';

const enum State {
	/** At the first character of a field. */
	FieldStart,
	/** Inside an unquoted field (or the text after a closing quote, read leniently). */
	Unquoted,
	/** Inside quotes. */
	Quoted,
	/** Just after a quote inside quotes: either a doubled quote or the closing one. */
	QuoteInQuoted,
}

export interface CsvOptions {
	/** One character; ',' unless told. */
	delimiter?: string;
}

/** CSV text that cannot be read: it ends inside a quoted field. */
export class CsvSyntaxError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CsvSyntaxError';
	}
}

export class CsvReader {
	private readonly delimiter: number;
	private state = State.FieldStart;
	private field = '';
	private row: string[] = [];
	/** Whether the row so far has any content: a delimiter, a quote or a character. */
	private rowStarted = false;
	private atStreamStart = true;

	constructor(options: CsvOptions = {}) {
		const delimiter = options.delimiter ?? ',';
		if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
			throw new RangeError(`A CSV delimiter is one character other than a quote or a line break, got "${delimiter}"`);
		}
		this.delimiter = delimiter.charCodeAt(0);
	}

	/** Reads one more chunk and returns the rows it completed. */
	push(chunk: string): string[][] {
		const rows: string[][] = [];
		let i = 0;
		const length = chunk.length;
		if (length === 0) return rows;
		if (this.atStreamStart) {
			this.atStreamStart = false;
			if (chunk.startsWith(BOM)) i = 1;
		}
		const delimiter = this.delimiter;
		while (i < length) {
			switch (this.state) {
				case State.FieldStart:
					if (chunk.charCodeAt(i) === QUOTE) {
						this.state = State.Quoted;
						this.rowStarted = true;
						i++;
					} else {
						this.state = State.Unquoted;
					}
					break;
				case State.Unquoted: {
					let end = i;
					let code = 0;
					while (end < length) {
						code = chunk.charCodeAt(end);
						if (code === delimiter || code === LF || code === CR) break;
						end++;
					}
					if (end > i) {
						this.field += chunk.slice(i, end);
						this.rowStarted = true;
					}
					if (end === length) return rows;
					i = end + 1;
					if (code === delimiter) {
						this.endField();
						this.rowStarted = true;
					} else {
						// CR and LF each end a row; the LF of a CRLF then ends an empty line, which
						// endRow skips, so a CRLF split between two chunks needs no bookkeeping.
						this.endRow(rows);
					}
					break;
				}
				case State.Quoted: {
					const close = chunk.indexOf('"', i);
					if (close === -1) {
						this.field += chunk.slice(i);
						return rows;
					}
					this.field += chunk.slice(i, close);
					this.state = State.QuoteInQuoted;
					i = close + 1;
					break;
				}
				case State.QuoteInQuoted:
					if (chunk.charCodeAt(i) === QUOTE) {
						this.field += '"';
						this.state = State.Quoted;
						i++;
					} else {
						// The closing quote: what follows up to the delimiter is read as plain text.
						this.state = State.Unquoted;
					}
					break;
			}
		}
		return rows;
	}

	/** Ends the text and returns the last row, if it had no line break after it. */
	end(): string[][] {
		if (this.state === State.Quoted) {
			throw new CsvSyntaxError('The CSV text ends inside a quoted field (a closing quote is missing)');
		}
		const rows: string[][] = [];
		if (this.rowStarted) this.endRow(rows);
		this.state = State.FieldStart;
		return rows;
	}

	private endField(): void {
		this.row.push(this.field);
		this.field = '';
		this.state = State.FieldStart;
	}

	private endRow(rows: string[][]): void {
		this.endField();
		// A line with nothing on it is a blank line, not a row with one empty field.
		if (this.rowStarted) rows.push(this.row);
		this.row = [];
		this.rowStarted = false;
	}
}

/** All rows of a complete CSV text. */
export function parseCsv(text: string, options?: CsvOptions): string[][] {
	const reader = new CsvReader(options);
	const rows = reader.push(text);
	for (const row of reader.end()) rows.push(row);
	return rows;
}

/** Rows as they complete, from text that arrives in chunks (a response stream, a file). */
export async function* streamCsv(chunks: AsyncIterable<string> | Iterable<string>, options?: CsvOptions) {
	const reader = new CsvReader(options);
	for await (const chunk of chunks) yield* reader.push(chunk);
	yield* reader.end();
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * A CSV value as JSON would carry it: numbers as numbers, an empty field as null, the rest
 * as text. Digits with a leading zero (phone numbers, codes like 007) stay text, and so do
 * integers too large to be exact.
 */
export function typedCsvValue(text: string): string | number | null {
	if (text === '') return null;
	if (!NUMBER.test(text)) return text;
	const value = Number(text);
	return Number.isSafeInteger(value) || !Number.isInteger(value) ? value : text;
}

/** One row as an object keyed by the header; missing fields are null, extra fields are dropped. */
export function csvRecord(header: readonly string[], row: readonly string[]): Record<string, string | number | null> {
	const record: Record<string, string | number | null> = {};
	for (let column = 0; column < header.length; column++) {
		record[header[column]] = column < row.length ? typedCsvValue(row[column]) : null;
	}
	return record;
}

/**
 * One row of CSV text, without the line break. A field is quoted when it holds the
 * delimiter, a quote or a line break; a row made of one empty field is written as "" so
 * that it is not read back as a blank line.
 */
export function formatCsvRow(fields: readonly unknown[], delimiter = ','): string {
	if (fields.length === 1 && (fields[0] === '' || fields[0] === null || fields[0] === undefined)) return '""';
	return fields
		.map((value) => {
			const text = value === null || value === undefined ? '' : String(value);
			const needsQuotes =
				text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
			return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
		})
		.join(delimiter);
}
