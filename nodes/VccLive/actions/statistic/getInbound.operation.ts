import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { monthWindows } from '../../../shared/monthWindows';
import type { DayWindow } from '../../../shared/monthWindows';
import { runPool } from '../../../shared/pool';
import { pullSinceLastRun, SINCE_LAST_RUN } from '../../../shared/sinceLastRun';
import type { OutputRow } from '../../../shared/runPerItem';
import { FileRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { DOCUMENTED_ERRORS } from '../../vccLiveErrors';
import { combineWindowRows } from './combineRows';
import type { InboundTable } from './inboundAnswer';
import { inboundFileText, readInboundAnswer } from './inboundAnswer';
import { withReadableNames } from './inboundFields';
import type { InboundParameters } from './inboundParameters';
import { DEFAULT_BINARY_PROPERTY, inboundQuery, readInboundSettings, readPeriod } from './inboundParameters';
import { periodFields } from './periodFields';

export const INBOUND_PATH = '/v2/statistics/inbound';

const properties: INodeProperties[] = [
	...periodFields,
	{
		displayName: 'Dimensions',
		name: 'dimensions',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: 'Date', value: 'date', description: 'One row per day' },
			{ name: 'Project', value: 'project', description: 'One row per project' },
			{ name: 'Queue', value: 'queue', description: 'One row per queue' },
		],
		default: ['project'],
		description: 'What the figures are grouped by; with several, one row per combination',
	},
	{
		displayName: 'Project IDs',
		name: 'projects',
		type: 'string',
		default: '',
		placeholder: 'e.g. 53, 64',
		description: 'Only these projects, separated by commas; leave empty for all',
	},
	{
		displayName: 'Team IDs',
		name: 'teams',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3, 4',
		description: 'Only the figures of these teams, separated by commas; leave empty for all',
	},
	{
		displayName: 'Output Format',
		name: 'outputFormat',
		type: 'options',
		options: [
			{ name: 'CSV', value: 'csv', description: 'VCC Live sends CSV; read into one item per row' },
			{ name: 'JSON', value: 'json', description: 'VCC Live sends JSON; one item per row' },
			{ name: 'Tab-Separated', value: 'tab', description: 'VCC Live sends tab-separated text; read into one item per row' },
		],
		default: 'json',
		description: 'The format VCC Live answers in. The items are the same; CSV and tab can also give the file itself.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Attach File',
				name: 'attachFile',
				type: 'boolean',
				default: false,
				description:
					"Whether to put VCC Live's CSV or tab file on the first item too; for several months, their files joined under one header",
				displayOptions: { show: { '/outputFormat': ['csv', 'tab'] } },
			},
			{
				displayName: 'Combine Months',
				name: 'combineMonths',
				type: 'boolean',
				default: false,
				description:
					'Whether to merge the rows of the same project and queue when the period spans several months (without the Date dimension): counts and times summed, averages left empty with a note',
			},
			{
				displayName: 'CSV Format Value',
				name: 'csvFormatValue',
				type: 'options',
				options: [
					{ name: 'Csv', value: 'csv' },
					{ name: 'Cvs (as Documented)', value: 'cvs' },
				],
				default: 'csv',
				description:
					'The value sent as "of" for CSV. VCC Live\'s documentation spells it "cvs"; which one your server accepts is unconfirmed: switch if CSV requests fail as badly formatted.',
				displayOptions: { show: { '/outputFormat': ['csv'] } },
			},
			{
				displayName: 'Manual SLA (Seconds)',
				name: 'manualSla',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30,
				description:
					'The service level used to split answered and abandoned calls into before and after; VCC Live uses 30 seconds when this is not set',
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: DEFAULT_BINARY_PROPERTY,
				description: 'The name of the binary field for the file',
				displayOptions: { show: { '/outputFormat': ['csv', 'tab'] } },
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['statistic'], operation: ['getInbound'] } },
	properties,
);

const daysLabel = (window: DayWindow) => `${window.first.toFormat('yyyyMMdd')}-${window.last.toFormat('yyyyMMdd')}`;

/** What the operation knows better than the generic words about a documented error. */
function codeHints(parameters: InboundParameters): Partial<Record<string, string>> {
	if (parameters.format !== 'csv') return {};
	const other = parameters.formatValue === 'csv' ? 'cvs' : 'csv';
	return {
		[DOCUMENTED_ERRORS.argumentFormat]: `The output format may be the cause: this request sent of=${parameters.formatValue}. Set Options → CSV Format Value to "${other}" and run again; otherwise check the period, the dimensions, the project and team IDs and the Manual SLA.`,
	};
}

/**
 * The rows to put out: months joined in time order, each row with its month's days, or
 * (Combine Months, without the Date dimension) one row per project and queue for the whole
 * period, saying how many months went into it and why fields are empty.
 */
function shapeRows(parameters: InboundParameters, windows: DayWindow[], tables: InboundTable[]): IDataObject[] {
	const daysOf = (days: DayWindow) => ({ period_from: days.first.toISODate(), period_to: days.last.toISODate() });
	if (parameters.combineMonths && !parameters.dimensions.includes('date')) {
		const whole = daysOf(parameters.period);
		return combineWindowRows(tables.map((table) => table.rows)).map(({ row, windows: count, note }) => ({
			...withReadableNames(row),
			...whole,
			combined_windows: count,
			...(note === undefined ? {} : { combine_note: note }),
		}));
	}
	return tables.flatMap((table, index) =>
		table.rows.map((row) => ({ ...withReadableNames(row), ...daysOf(windows[index]) })),
	);
}

/**
 * Inbound statistics for any period: one request per calendar month (VCC Live's longest
 * period), sent a few at a time, read into one item per row whatever the format.
 */
async function inboundStatistics(context: IExecuteFunctions, client: VccLiveClient, itemIndex: number, parameters: InboundParameters): Promise<OutputRow[]> {
	const windows = [...monthWindows(parameters.period.first, parameters.period.last)];
	const hints = codeHints(parameters);
	const tables = await runPool(windows, parameters.concurrency, async (window) => {
		const response = await client.request({
			method: 'GET',
			path: INBOUND_PATH,
			qs: inboundQuery(parameters, window),
			kind: 'read',
			expect: parameters.format === 'json' ? 'json' : 'text',
			codeHints: hints,
		});
		try {
			return readInboundAnswer(response);
		} catch (error) {
			// Only the CSV reader throws here (CsvSyntaxError): a quoted field that never closes.
			const message = `VCC Live's ${parameters.format.toUpperCase()} answer for ${daysLabel(window)} could not be read: ${(error as Error).message}`;
			throw new NodeApiError(context.getNode(), { message } as JsonObject, {
				message,
				description: 'Try the JSON output format, or ask VCC Live support about the file.',
				itemIndex,
			});
		}
	});

	const rows = shapeRows(parameters, windows, tables);
	if (parameters.fileProperty === undefined || rows.length === 0) return rows;
	const extension = parameters.format === 'tab' ? 'tsv' : 'csv';
	const fileName = `vcclive-inbound-${daysLabel(parameters.period)}.${extension}`;
	const text = inboundFileText(tables, parameters.format === 'tab' ? '\t' : ',');
	const file = await context.helpers.prepareBinaryData(
		Buffer.from(text, 'utf8'),
		fileName,
		parameters.format === 'tab' ? 'text/tab-separated-values' : 'text/csv',
	);
	// The file goes on the first row of the item.
	return [new FileRow(rows[0], { [parameters.fileProperty]: file }), ...rows.slice(1)];
}

/**
 * The operation: a preset or custom period, or Since Last Run — whole days from the bookmark
 * to yesterday in the workflow's timezone, the bookmark kept per credential, dimensions,
 * projects, teams and Manual SLA.
 */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const settings = readInboundSettings(this, itemIndex);
	if (this.getNodeParameter('period', itemIndex) !== SINCE_LAST_RUN) {
		return await inboundStatistics(this, client, itemIndex, { ...settings, period: readPeriod(this, itemIndex) });
	}
	const zone = this.getTimezone();
	const { dimensions, projects, teams, manualSla } = settings;
	return await pullSinceLastRun(
		this,
		itemIndex,
		{
			settings: { operation: 'getInbound', dimensions, projects, teams, manualSla },
			zone,
			latestEnd: DateTime.now().setZone(zone).startOf('day'),
			periodStart: (moment) => moment.setZone(zone).startOf('day'),
		},
		async ({ start, end }) =>
			await inboundStatistics(this, client, itemIndex, { ...settings, period: { first: start, last: end.minus({ days: 1 }) } }),
	);
}
