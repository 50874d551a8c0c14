/**
 * GET /v2/statistics/inbound: the checks the documentation lists (HTTP 417 with an error
 * code) and the three output formats.
 *
 * Check order: a missing or empty from, to or dimensions → error.argument_missing_or_empty;
 * a malformed value (a date that is not yyyymmdd or not a day, from after to, an unknown
 * dimension or format, ids or SLA that are not positive whole numbers) →
 * error.argument_format_error; a period longer than one month (to on or after from plus one
 * month: 15 Jan–14 Feb passes, 15 Jan–15 Feb does not) → error.maximum_date_interval_reached.
 */
import { DateTime } from 'luxon';

import type { QueryMap, SandboxResponse } from '../types';
import { singleQueryValue } from '../types';
import type { Dimension, InboundQuery, InboundRow } from './inboundData';
import { INBOUND_COLUMNS } from './inboundData';

export type OutputFormat = 'json' | 'csv' | 'tab';

export const ERROR_CODES = {
	missing: 'error.argument_missing_or_empty',
	format: 'error.argument_format_error',
	interval: 'error.maximum_date_interval_reached',
} as const;

/** What a request asked for, or the documented error it earns. */
export type ReadQuery = { ok: true; query: InboundQuery; format: OutputFormat } | { ok: false; code: string; format: OutputFormat };

/** `of` values and the format each means: the documentation spells CSV "cvs". */
const FORMAT_VALUES: Record<string, OutputFormat> = { json: 'json', tab: 'tab', csv: 'csv', cvs: 'csv' };

const DIMENSIONS: readonly string[] = ['project', 'queue', 'date'];

function readDay(text: string): DateTime | undefined {
	if (!/^\d{8}$/.test(text)) return undefined;
	const day = DateTime.fromFormat(text, 'yyyyMMdd', { zone: 'UTC' });
	return day.isValid ? day : undefined;
}

/** Comma-separated positive whole numbers; undefined when any part is not one. */
function readIds(text: string): number[] | undefined {
	const parts = text.split(',');
	return parts.every((part) => /^\d+$/.test(part)) ? parts.map(Number) : undefined;
}

export function readInboundQuery(query: QueryMap, refusedFormatValues: ReadonlySet<string>): ReadQuery {
	const ofValue = singleQueryValue(query, 'of');
	const known = ofValue === undefined ? 'json' : FORMAT_VALUES[ofValue];
	const accepted = known !== undefined && !refusedFormatValues.has(ofValue ?? 'json');
	// An error is written in the format asked for; a format not accepted gets JSON.
	const format: OutputFormat = accepted ? known : 'json';
	const fail = (code: string): ReadQuery => ({ ok: false, code, format });

	const [fromText, toText, dimensionsText] = ['from', 'to', 'dimensions'].map((name) => singleQueryValue(query, name));
	if (!fromText || !toText || !dimensionsText) return fail(ERROR_CODES.missing);
	if (!accepted) return fail(ERROR_CODES.format);
	const from = readDay(fromText);
	const to = readDay(toText);
	const dimensions = dimensionsText.split(',');
	if (!from || !to || from > to || !dimensions.every((dimension) => DIMENSIONS.includes(dimension))) {
		return fail(ERROR_CODES.format);
	}
	const optional: Record<'projects' | 'teams', number[] | undefined> = { projects: undefined, teams: undefined };
	for (const name of ['projects', 'teams'] as const) {
		if (query[name] === undefined) continue;
		const ids = readIds(singleQueryValue(query, name) ?? '');
		if (!ids) return fail(ERROR_CODES.format);
		optional[name] = ids;
	}
	const slaText = singleQueryValue(query, 'manual_sla');
	if (query.manual_sla !== undefined && !(slaText !== undefined && /^[1-9]\d*$/.test(slaText))) {
		return fail(ERROR_CODES.format);
	}
	if (to >= from.plus({ months: 1 })) return fail(ERROR_CODES.interval);
	return {
		ok: true,
		format,
		query: {
			from,
			to,
			dimensions: new Set(dimensions as Dimension[]),
			projects: optional.projects,
			teams: optional.teams,
			sla: slaText === undefined ? 30 : Number(slaText),
		},
	};
}

/** How the imitation writes its answers; tests switch these to try the node's tolerance. */
export interface RenderStyle {
	/** JSON written like the documented example: a comma after the errors array (invalid JSON). */
	trailingComma: boolean;
	/** CSV or tab text sent as the envelope's `response` string instead of a bare body. */
	textInEnvelope: boolean;
}

// JSON comes as text/plain, as VENDOR-NOTES.md warns VCC Live may label it.
const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

function envelope(response: unknown, errors: readonly string[], style: RenderStyle): string {
	const text = JSON.stringify({ response, errors });
	return style.trailingComma ? `${text.slice(0, -1)},}` : text;
}

/** CSV starts with a byte-order mark and uses CRLF (as spreadsheet exports do); tab uses LF. */
function delimitedText(rows: readonly InboundRow[], format: 'csv' | 'tab'): string {
	const [delimiter, lineEnd, start] = format === 'csv' ? [',', '\r\n', '\ufeff'] : ['\t', '\n', ''];
	const lines = [INBOUND_COLUMNS.join(delimiter), ...rows.map((row) => INBOUND_COLUMNS.map((column) => row[column]).join(delimiter))];
	return start + lines.join(lineEnd) + lineEnd;
}

export function renderRows(rows: readonly InboundRow[], format: OutputFormat, style: RenderStyle): SandboxResponse {
	if (format === 'json') return { status: 200, headers: TEXT, body: envelope(rows, [], style) };
	const text = delimitedText(rows, format);
	if (style.textInEnvelope) return { status: 200, headers: TEXT, body: envelope(text, [], style) };
	const contentType = format === 'csv' ? 'text/csv; charset=utf-8' : 'text/tab-separated-values; charset=utf-8';
	return { status: 200, headers: { 'content-type': contentType }, body: text };
}

/**
 * An error answer. Its shape is not documented: the imitation writes the envelope
 * `{"response":null,"errors":[code]}` for JSON and the bare code on one line for CSV and tab.
 */
export function renderError(status: number, codes: readonly string[], format: OutputFormat, style: RenderStyle): SandboxResponse {
	if (format === 'json') return { status, headers: TEXT, body: envelope(null, codes, style) };
	return { status, headers: TEXT, body: `${codes.join('\n')}\n` };
}
