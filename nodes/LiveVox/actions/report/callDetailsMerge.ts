import type { IDataObject } from 'n8n-workflow';

import type { CsvTable } from './callDetailsCsv';
import { callEventKey, recordEventKey } from './callDetailsCsv';

/** One window's CSV, with its items when they are wanted (built as the answer arrives). */
export interface ParsedWindow extends CsvTable {
	/** With items only, the rows are not kept: the items are. */
	records?: IDataObject[];
}

/** A window's rows in the column order of `header` (a later window may order its columns differently). */
function aligned(table: CsvTable, header: readonly string[]): string[][] {
	if (table.header.join(',') === header.join(',')) return table.rows;
	const from = header.map((name) => table.header.indexOf(name));
	return table.rows.map((row) => from.map((column) => (column === -1 ? '' : (row[column] ?? ''))));
}

/**
 * Every window's rows in time order, each call event once (by session and transaction id),
 * under the first window's header; the items, when built, stay beside their rows. Rows come
 * twice only where windows meet, so a single answer is taken as it is.
 */
export function mergeTables(tables: ParsedWindow[]): ParsedWindow {
	if (tables.length === 1) return tables[0];
	const header = tables.find((table) => table.header.length > 0)?.header ?? [];
	const rowKey = callEventKey(header);
	const recordKey = recordEventKey(header);
	const seen = new Set<string>();
	const rows: string[][] = [];
	const records: IDataObject[] = [];
	for (const table of tables) {
		const tableRows = aligned(table, header);
		const count = Math.max(tableRows.length, table.records?.length ?? 0);
		for (let index = 0; index < count; index++) {
			const key = index < tableRows.length ? rowKey(tableRows[index]) : recordKey(table.records?.[index] ?? {});
			if (seen.has(key)) continue;
			seen.add(key);
			if (index < tableRows.length) rows.push(tableRows[index]);
			if (table.records) records.push(table.records[index]);
		}
	}
	return tables.some((table) => table.records) ? { header, rows, records } : { header, rows };
}

