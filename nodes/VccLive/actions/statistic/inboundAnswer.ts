import type { IDataObject } from 'n8n-workflow';

import { CsvReader, csvRecord, formatCsvRow } from '../../../shared/csv';

/** One monthly answer read into rows, with its text when VCC Live sent a file (CSV or tab). */
export interface InboundTable {
	rows: IDataObject[];
	/** The delimited text as received; undefined when the answer was JSON. */
	text?: string;
}

const BOM = '\ufeff';

function firstLine(text: string): string {
	const body = text.startsWith(BOM) ? text.slice(1) : text;
	const end = body.search(/\r?\n|\r/);
	return end === -1 ? body : body.slice(0, end);
}

/** Tab-separated when the header line holds a tab: a server that sends the other kind is still read. */
export function delimiterOf(text: string): string {
	return firstLine(text).includes('\t') ? '\t' : ',';
}

/** Rows from delimited text: the first row is the header, numbers become numbers. */
export function delimitedRows(text: string): IDataObject[] {
	const reader = new CsvReader({ delimiter: delimiterOf(text) });
	const rows = reader.push(text);
	for (const row of reader.end()) rows.push(row);
	if (rows.length === 0) return [];
	const [header, ...records] = rows;
	const names = header.map((name) => name.trim());
	return records.map((record) => csvRecord(names, record));
}

/**
 * An answer's rows, whatever shape it came in: the envelope's array (JSON), delimited text
 * (CSV or tab, bare or inside the envelope), or nothing (null, an empty text) for no data.
 */
export function readInboundAnswer(response: unknown): InboundTable {
	if (response === null || response === undefined) return { rows: [] };
	if (typeof response === 'string') {
		return response.trim() === '' ? { rows: [], text: response } : { rows: delimitedRows(response), text: response };
	}
	const entries = Array.isArray(response) ? response : [response];
	return { rows: entries.filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null) };
}

/** A file written from rows, under the union of their columns, for when VCC Live's own text cannot be joined. */
function fileFromRows(tables: readonly InboundTable[], delimiter: string): string {
	const columns: string[] = [];
	const seen = new Set<string>();
	for (const table of tables) {
		for (const row of table.rows) {
			for (const column of Object.keys(row)) {
				if (seen.has(column)) continue;
				seen.add(column);
				columns.push(column);
			}
		}
	}
	const lines = [formatCsvRow(columns, delimiter)];
	for (const table of tables) {
		for (const row of table.rows) lines.push(formatCsvRow(columns.map((column) => row[column]), delimiter));
	}
	return lines.join('\r\n') + '\r\n';
}

/**
 * The file for a period: VCC Live's own text for one month; for several, the months' texts
 * joined under the first month's header (later headers and byte-order marks dropped).
 * When that cannot be done faithfully — a month answered JSON, the headers differ, or a
 * header holds quotes — the file is written from the rows instead.
 */
export function inboundFileText(tables: readonly InboundTable[], fallbackDelimiter: string): string {
	if (tables.some((table) => table.text === undefined && table.rows.length > 0)) {
		return fileFromRows(tables, fallbackDelimiter);
	}
	const withData = tables
		.map((table) => table.text)
		.filter((text): text is string => text !== undefined && text.trim() !== '');
	if (withData.length === 0) return '';
	const header = firstLine(withData[0]);
	if (header.includes('"') || withData.some((text) => firstLine(text) !== header)) {
		return fileFromRows(tables, delimiterOf(withData[0]));
	}
	let file = withData[0];
	for (const text of withData.slice(1)) {
		const body = text.slice(text.indexOf(header) + header.length).replace(/^(\r\n|\n|\r)/, '');
		if (body === '') continue;
		if (!/[\r\n]$/.test(file)) file += file.includes('\r\n') ? '\r\n' : '\n';
		file += body;
	}
	return file;
}
