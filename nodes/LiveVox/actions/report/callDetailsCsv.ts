import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { CsvReader, formatCsvRow } from '../../../shared/csv';

/** One window's CSV: its header and its rows as text, exactly as LiveVox wrote them. */
export interface CsvTable {
	header: string[];
	rows: string[][];
}

/** A CSV answer: its bytes whole, or as they arrive. */
export type CsvBytes = Buffer | string | AsyncIterable<Uint8Array>;

/** Bytes decoded and parsed per step of an answer held whole: a large answer is never one string. */
const CHUNK_BYTES = 1 << 20;

async function* piecesOf(bytes: CsvBytes, chunkBytes: number): AsyncIterable<Uint8Array> {
	if (typeof bytes !== 'string' && !Buffer.isBuffer(bytes)) {
		yield* bytes;
		return;
	}
	const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
	for (let offset = 0; offset < buffer.length; offset += chunkBytes) yield buffer.subarray(offset, offset + chunkBytes);
}

/**
 * Reads a CSV answer piece by piece (a piece may end inside a character, a field or a quoted
 * line break) and hands each row to `visit` as soon as it is complete, so the caller can keep
 * what it needs of a row and let the rest go. A byte-order mark and CRLF line ends are handled.
 */
async function readCsvBytes(bytes: CsvBytes, visit: (row: string[]) => void, chunkBytes = CHUNK_BYTES): Promise<void> {
	const decoder = new TextDecoder('utf-8');
	const reader = new CsvReader();
	const each = (completed: string[][]) => {
		for (const row of completed) visit(row);
	};
	for await (const piece of piecesOf(bytes, chunkBytes)) each(reader.push(decoder.decode(piece, { stream: true })));
	each(reader.push(decoder.decode()));
	each(reader.end());
}

/** The text of a CSV answer, as LiveVox wrote it (a byte-order mark included). */
export async function csvAnswerText(bytes: CsvBytes): Promise<string> {
	if (typeof bytes === 'string') return bytes;
	const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
	const parts: string[] = [];
	for await (const piece of piecesOf(bytes, CHUNK_BYTES)) parts.push(decoder.decode(piece, { stream: true }));
	parts.push(decoder.decode());
	return parts.join('');
}

/** Parses a CSV answer into its header and rows (see readCsvBytes); an empty answer is an empty table. */
export async function parseCsvBytes(bytes: CsvBytes, chunkBytes = CHUNK_BYTES): Promise<CsvTable> {
	const rows: string[][] = [];
	await readCsvBytes(bytes, (row) => rows.push(row), chunkBytes);
	// shift() rather than destructuring: no copy of a 200,000-row array.
	const header = rows.shift() ?? [];
	return { header: header.map((name) => name.trim()), rows };
}

/**
 * Parses a CSV answer straight into items, row by row: the text rows are never held all at
 * once (at 200,000 rows they would take more memory than the items).
 */
export async function parseCsvRecords(
	bytes: CsvBytes,
	toIso: (stamp: string) => string | null,
	chunkBytes = CHUNK_BYTES,
): Promise<CsvTable & { records: IDataObject[] }> {
	const table = { header: [] as string[], rows: [] as string[][], records: [] as IDataObject[] };
	let build: RecordBuilder | undefined;
	await readCsvBytes(
		bytes,
		(row) => {
			if (build === undefined) {
				table.header = row.map((name) => name.trim());
				build = recordBuilder(table.header, toIso);
				return;
			}
			table.records.push(build(row));
		},
		chunkBytes,
	);
	return table;
}

/** Columns LiveVox fills with numbers (counts, seconds, numeric ids). Everything else stays text. */
const NUMERIC_COLUMNS: ReadonlySet<string> = new Set([
	'agentId',
	'campaignId',
	'clientId',
	'duration',
	'roundedIvrDuration',
	'serviceId',
	'transferHoldDuration',
	'lvResultId',
	'callCenterId',
	'phonePosition',
]);

/** The zone-less "yyyyMMdd HH:mm:ss" times of the CSV. */
const TIME_COLUMNS = ['start', 'end'] as const;

const NUMBER = /^-?\d+(\.\d+)?$/;
const STAMP = /^\d{8} \d{2}:\d{2}:\d{2}$/;

/** What every stamp of one day shares: its ISO date with the "T", and its offset (null on a DST day). */
interface StampDay {
	datePart: string;
	offset: string | null;
}

/**
 * Turns "20211013 05:12:08" into ISO 8601 with the offset of `zone` at that wall-clock time.
 * Offsets are looked up once per day when the day starts and ends at one offset (a day
 * without a DST change), else once per hour of that day when the hour does, else (the hour
 * of a DST change, which may shift by 30 minutes) for each time: zone lookups are costlier
 * than reading the rows themselves. The result is built by one join, so each is one flat
 * string: concatenated pieces would be kept as a tree of parts, five times the memory at
 * 200,000 rows.
 */
export function zonedIsoFromStamp(zone: string): (stamp: string) => string | null {
	const days = new Map<string, StampDay>();
	const hourOffsets = new Map<string, string | null>();
	// The offset at a wall-clock time; null for a time skipped by a DST change, which has none.
	const offsetAt = (stamp: string, hour: number, minute: number, second: number): string | null => {
		const wallClock = { year: Number(stamp.slice(0, 4)), month: Number(stamp.slice(4, 6)), day: Number(stamp.slice(6, 8)), hour, minute, second };
		const local = DateTime.fromObject(wallClock, { zone });
		return local.isValid && local.hour === hour && local.minute === minute && local.second === second ? local.toFormat('ZZ') : null;
	};
	// The offset shared from the start of `firstHour` to the end of `lastHour`, or null.
	const steadyOffset = (stamp: string, firstHour: number, lastHour: number): string | null => {
		const first = offsetAt(stamp, firstHour, 0, 0);
		return first !== null && first === offsetAt(stamp, lastHour, 59, 59) ? first : null;
	};
	const dayOf = (stamp: string): StampDay => {
		const key = stamp.slice(0, 8);
		let day = days.get(key);
		if (day === undefined) {
			day = {
				datePart: [stamp.slice(0, 4), '-', stamp.slice(4, 6), '-', stamp.slice(6, 8), 'T'].join(''),
				offset: steadyOffset(stamp, 0, 23),
			};
			days.set(key, day);
		}
		return day;
	};
	return (stamp) => {
		if (!STAMP.test(stamp)) return null;
		const day = dayOf(stamp);
		let offset = day.offset;
		if (offset === null) {
			const hour = stamp.slice(0, 11);
			if (!hourOffsets.has(hour)) {
				const hourNumber = Number(stamp.slice(9, 11));
				hourOffsets.set(hour, steadyOffset(stamp, hourNumber, hourNumber));
			}
			offset = hourOffsets.get(hour) ?? null;
		}
		if (offset === null) {
			const exact = DateTime.fromFormat(stamp, 'yyyyMMdd HH:mm:ss', { zone });
			return exact.isValid ? exact.toISO({ suppressMilliseconds: true }) : null;
		}
		return [day.datePart, stamp.slice(9), offset].join('');
	};
}

/** The columns in the order LiveVox documents them, for which items are built fastest. */
const DOCUMENTED_COLUMNS = [
	'account', 'agentId', 'agentLoginId', 'callerId', 'campaignId', 'clientId', 'duration', 'start', 'end',
	'lvResult', 'operatorPhone', 'phoneDialed', 'roundedIvrDuration', 'serviceId', 'sessionId', 'transactionId',
	'transferHoldDuration', 'zipCode', 'lvResultId', 'callCenterId', 'phonePosition', 'campaignType',
	'areaCodeState', 'zipCodeState',
];

const numberOrText = (text: string | undefined) =>
	text === undefined || text === '' ? null : NUMBER.test(text) ? Number(text) : text;
const textOf = (text: string | undefined) => text ?? '';

type RecordBuilder = (row: readonly string[]) => IDataObject;

/**
 * Builds items from rows of one header: the known numeric columns as numbers (empty: null),
 * identifiers as the text LiveVox wrote (account "@12345", phone numbers, zip codes, session
 * and transaction ids), the times as given plus `startIso` / `endIso` in the reporting timezone.
 * For the documented header an object literal is used: ten times faster than adding
 * properties one by one, which matters at 200,000 rows.
 */
export function recordBuilder(header: readonly string[], toIso: (stamp: string) => string | null): RecordBuilder {
	if (header.join(',') === DOCUMENTED_COLUMNS.join(',')) {
		return (r) => ({
			account: textOf(r[0]), agentId: numberOrText(r[1]), agentLoginId: textOf(r[2]), callerId: textOf(r[3]),
			campaignId: numberOrText(r[4]), clientId: numberOrText(r[5]), duration: numberOrText(r[6]), start: textOf(r[7]),
			end: textOf(r[8]), lvResult: textOf(r[9]), operatorPhone: textOf(r[10]), phoneDialed: textOf(r[11]),
			roundedIvrDuration: numberOrText(r[12]), serviceId: numberOrText(r[13]), sessionId: textOf(r[14]),
			transactionId: textOf(r[15]), transferHoldDuration: numberOrText(r[16]), zipCode: textOf(r[17]),
			lvResultId: numberOrText(r[18]), callCenterId: numberOrText(r[19]), phonePosition: numberOrText(r[20]),
			campaignType: textOf(r[21]), areaCodeState: textOf(r[22]), zipCodeState: textOf(r[23]),
			startIso: toIso(textOf(r[7])), endIso: toIso(textOf(r[8])),
		});
	}
	const numeric = header.map((name) => NUMERIC_COLUMNS.has(name));
	const times = TIME_COLUMNS.map((name) => [name, header.indexOf(name)] as const).filter(([, column]) => column !== -1);
	return (row) => {
		const record: IDataObject = {};
		for (let column = 0; column < header.length; column++) {
			record[header[column]] = numeric[column] ? numberOrText(row[column]) : textOf(row[column]);
		}
		for (const [name, column] of times) record[`${name}Iso`] = toIso(textOf(row[column]));
		return record;
	};
}


/** What identifies a call event: its session and transaction ids (the whole row when they are missing). */
export function callEventKey(header: readonly string[]): (row: readonly string[]) => string {
	const session = header.indexOf('sessionId');
	const transaction = header.indexOf('transactionId');
	if (session === -1 && transaction === -1) return (row) => row.join('\u0000');
	return (row) => `${row[session] ?? ''}\u0000${row[transaction] ?? ''}`;
}

/** The same key read from an item built by recordBuilder, whose text columns are the row's text. */
export function recordEventKey(header: readonly string[]): (record: IDataObject) => string {
	if (!header.includes('sessionId') && !header.includes('transactionId')) {
		return (record) => header.map((name) => String(record[name] ?? '')).join('\u0000');
	}
	return (record) => `${String(record.sessionId ?? '')}\u0000${String(record.transactionId ?? '')}`;
}

/** The merged rows as one CSV text (CRLF line ends, as RFC 4180 writes them), header first. */
export function csvText(header: readonly string[], rows: Iterable<readonly string[]>): string {
	const lines = [formatCsvRow(header)];
	for (const row of rows) lines.push(formatCsvRow(row));
	return lines.join('\r\n') + '\r\n';
}
