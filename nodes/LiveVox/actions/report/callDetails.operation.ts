import { DateTime } from 'luxon';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { OutputRow } from '../../../shared/runPerItem';
import { FileRow } from '../../../shared/runPerItem';
import { wholeWhenSmall } from '../../../shared/wholeWhenSmall';
import type { CsvBytes } from './callDetailsCsv';
import { csvAnswerText, csvText, parseCsvBytes, parseCsvRecords, recordBuilder, zonedIsoFromStamp } from './callDetailsCsv';
import type { ParsedWindow } from './callDetailsMerge';
import { mergeTables } from './callDetailsMerge';
import { describeWindow } from './dateRange';
import type { AnswerReading, WindowAnswers } from './fetchReport';
import type { ReportPlan } from './reportPlan';
import type { ReportRun, ReportSpec } from './runReport';
import { reportDescription, runReport } from './runReport';

/** An answer up to this size is read once it is whole (see wholeWhenSmall); a larger one as it arrives. */
const SMALL_ANSWER_BYTES = 1 << 20;

const gzipOption: INodeProperties = {
	displayName: 'Compress Transfer (Gzip)',
	name: 'gzip',
	type: 'boolean',
	default: true,
	description: 'Whether to ask LiveVox to gzip the CSV on the wire (it is unpacked on arrival)',
};

const fileNameOption: INodeProperties = {
	displayName: 'File Name',
	name: 'fileName',
	type: 'string',
	default: '',
	placeholder: 'call-events.csv',
	description: 'The CSV file\'s name. Empty: livevox-call-events_FIRST-DAY_LAST-DAY.csv.',
	displayOptions: { show: { '/simplify': [true], '/output': ['file', 'itemsAndFile'] } },
};

const outputField: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	options: [
		{ name: 'Items', value: 'items', description: 'One item per call event' },
		{ name: 'Items and CSV File', value: 'itemsAndFile', description: 'One item per call event, then one item with the CSV file' },
		{ name: 'CSV File', value: 'file', description: 'One item holding the CSV file, ready to attach to an email' },
	],
	default: 'items',
	displayOptions: { show: { simplify: [true] } },
};

function fileName(plan: ReportPlan, given: unknown): string {
	if (typeof given === 'string' && given.trim() !== '') return given.trim();
	const day = (ms: number) => DateTime.fromMillis(ms, { zone: plan.zone }).toISODate();
	return `livevox-call-events_${day(plan.range.start)}_${day(plan.range.end - 1)}.csv`;
}

/** What Output asks for: items, the file, or both; "raw" with Simplify off. */
const outputOf = (run: ReportRun) => (run.simplify ? (run.context.getNodeParameter('output', run.itemIndex, 'items') as string) : 'raw');

/** The CSV answers asked for (gzip unless turned off) and read as they arrive, into what Output needs. */
function csvAnswer(run: ReportRun): AnswerReading<ParsedWindow | string> {
	const output = outputOf(run);
	const toIso = zonedIsoFromStamp(run.plan.zone);
	const readAnswer = async (bytes: CsvBytes): Promise<ParsedWindow | string> => {
		if (output === 'raw') return await csvAnswerText(bytes);
		// Items only: built row by row as the text is parsed; the text rows are not kept.
		if (output === 'items') return await parseCsvRecords(bytes, toIso);
		const table: ParsedWindow = await parseCsvBytes(bytes);
		if (output !== 'file') table.records = table.rows.map(recordBuilder(table.header, toIso));
		return table;
	};
	return {
		// Without it n8n's HTTP layer would still offer gzip by default: "identity" asks for plain text.
		headers: { 'Accept-Encoding': run.options.gzip === false ? 'identity' : 'gzip' },
		// A large answer is read as it arrives, never held whole; a small one once the next
		// requests have gone out, while they run.
		readBody: async (bytes) => await wholeWhenSmall(bytes, SMALL_ANSWER_BYTES, readAnswer),
		// What is not read yet: a whole body (bytes; text or nothing if it did not come as a stream).
		read: async (answer) =>
			Buffer.isBuffer(answer) || typeof answer === 'string' || answer === undefined ? await readAnswer(answer ?? '') : (answer as ParsedWindow),
	};
}

/** Simplify off: one item per request with its CSV text. */
const csvItems = (windows: Array<WindowAnswers<ParsedWindow | string>>, { plan }: ReportRun): IDataObject[] =>
	windows.flatMap(({ window, answers }) =>
		answers.map((csv, chunkIndex) => ({
			...describeWindow(window, plan.zone),
			...(answers.length > 1 ? { serviceChunk: chunkIndex + 1 } : {}),
			csv: csv as string,
		})),
	);

/** Simplify on: the call events as items, and (Output) one more item with the merged CSV file. */
async function callEvents(windows: Array<WindowAnswers<ParsedWindow | string>>, run: ReportRun): Promise<OutputRow[]> {
	const { plan, context } = run;
	const merged = mergeTables(windows.flatMap((window) => window.answers as ParsedWindow[]));
	const rows: OutputRow[] = merged.records ?? [];
	if (outputOf(run) !== 'items') {
		const name = fileName(plan, run.options.fileName);
		const data = await context.helpers.prepareBinaryData(Buffer.from(csvText(merged.header, merged.rows), 'utf8'), name, 'text/csv');
		rows.push(new FileRow({ fileName: name, rowCount: merged.rows.length, ...describeWindow(plan.range, plan.zone) }, { data }));
	}
	return rows;
}

/**
 * The Call Event Recovery Report (a CSV): split into windows of at most 3 days, fetched
 * concurrently, parsed and merged, each call event once (by session and transaction id).
 */
const spec: ReportSpec<ParsedWindow | string> = {
	operation: 'callDetails',
	path: '/reporting/standard/callDetails',
	maxDays: 3,
	fields: { afterSimplify: [outputField], options: [gzipOption, fileNameOption] },
	answer: csvAnswer,
	simplify: callEvents,
	raw: csvItems,
};

export const description = reportDescription(spec);
export const execute = runReport(spec);
