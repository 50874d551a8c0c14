import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CalendarPeriod } from '../../../shared/calendarPeriod';
import { customPeriod, isPeriodPreset, presetPeriod } from '../../../shared/calendarPeriod';
import { InvalidInput, toIdList } from '../../../shared/input';
import type { DayWindow } from '../../../shared/monthWindows';

export const DIMENSIONS = ['project', 'queue', 'date'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type OutputFormat = 'json' | 'csv' | 'tab';

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_BINARY_PROPERTY = 'data';

/** Everything one item asks for, checked before any request. */
export interface InboundParameters {
	period: CalendarPeriod;
	/** In the documentation's order (project, queue, date), whatever order they were picked in. */
	dimensions: Dimension[];
	projects: number[];
	teams: number[];
	manualSla?: number;
	format: OutputFormat;
	/** The value sent as `of`: the documentation spells CSV "cvs"; "csv" unless told. */
	formatValue: string;
	combineMonths: boolean;
	/** The binary property to put the file in; undefined when no file is wanted. */
	fileProperty?: string;
	concurrency: number;
}

/** The period of a preset or Custom (Since Last Run is read by pullSinceLastRun). */
export function readPeriod(context: IExecuteFunctions, itemIndex: number): CalendarPeriod {
	const zone = context.getTimezone();
	const period = context.getNodeParameter('period', itemIndex) as string;
	if (period === 'custom') {
		return customPeriod(
			context.getNodeParameter('from', itemIndex, '') as unknown,
			context.getNodeParameter('to', itemIndex, '') as unknown,
			zone,
		);
	}
	if (!isPeriodPreset(period)) {
		throw new InvalidInput(`The period "${period}" is not known`, 'Choose a period from the list, or Custom with two dates.');
	}
	return presetPeriod(period, DateTime.now().setZone(zone));
}

function readDimensions(value: unknown): Dimension[] {
	const picked = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
	const chosen = new Set(picked.map((entry) => String(entry).trim().toLowerCase()).filter((entry) => entry !== ''));
	const unknown = [...chosen].filter((entry) => !(DIMENSIONS as readonly string[]).includes(entry));
	if (unknown.length > 0) {
		throw new InvalidInput(`Unknown dimension "${unknown[0]}"`, 'Dimensions are project, queue and date.');
	}
	if (chosen.size === 0) {
		throw new InvalidInput('Choose at least one dimension', 'VCC Live needs one or more of project, queue and date to group the figures by.');
	}
	return DIMENSIONS.filter((dimension) => chosen.has(dimension));
}

function readManualSla(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isInteger(seconds) || seconds <= 0) {
		throw new InvalidInput(
			`Manual SLA must be a whole number of seconds above 0, got "${String(value).slice(0, 20)}"`,
			'Enter the SLA in seconds, for example 20; remove the option to keep VCC Live\'s default of 30 seconds.',
		);
	}
	return seconds;
}

function readConcurrency(value: unknown): number {
	if (!Number.isInteger(value) || (value as number) < 1) {
		throw new InvalidInput(
			`Concurrent Requests must be a whole number of at least 1, got ${String(value)}`,
			`Set it to ${DEFAULT_CONCURRENCY}, or 1 to send one month at a time.`,
		);
	}
	return value as number;
}

/** Everything one item asks for but the period, checked before any request. */
export function readInboundSettings(context: IExecuteFunctions, itemIndex: number): Omit<InboundParameters, 'period'> {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const format = context.getNodeParameter('outputFormat', itemIndex, 'json') as OutputFormat;
	if (!['json', 'csv', 'tab'].includes(format)) {
		throw new InvalidInput(`The output format "${String(format)}" is not known`, 'Choose JSON, CSV or Tab.');
	}
	const fileWanted = format !== 'json' && options.attachFile === true;
	const fileProperty = String(options.binaryPropertyName ?? DEFAULT_BINARY_PROPERTY).trim();
	if (fileWanted && fileProperty === '') {
		throw new InvalidInput('Put Output File in Field is empty', `Enter the name of the binary field for the file, such as "${DEFAULT_BINARY_PROPERTY}".`);
	}
	return {
		dimensions: readDimensions(context.getNodeParameter('dimensions', itemIndex, [])),
		projects: toIdList(context.getNodeParameter('projects', itemIndex, ''), 'Project IDs'),
		teams: toIdList(context.getNodeParameter('teams', itemIndex, ''), 'Team IDs'),
		manualSla: readManualSla(options.manualSla),
		format,
		formatValue: format === 'csv' && options.csvFormatValue === 'cvs' ? 'cvs' : format,
		combineMonths: options.combineMonths === true,
		fileProperty: fileWanted ? fileProperty : undefined,
		concurrency: readConcurrency(
			context.getNodeParameter('requestOptions.concurrency', itemIndex, DEFAULT_CONCURRENCY),
		),
	};
}

const yyyymmdd = (day: DateTime) => day.toFormat('yyyyMMdd');

/** The query of one monthly request, as the documentation names and formats it. */
export function inboundQuery(parameters: InboundParameters, window: DayWindow): IDataObject {
	const query: IDataObject = {
		from: yyyymmdd(window.first),
		to: yyyymmdd(window.last),
		dimensions: parameters.dimensions.join(','),
	};
	if (parameters.projects.length > 0) query.projects = parameters.projects.join(',');
	if (parameters.teams.length > 0) query.teams = parameters.teams.join(',');
	if (parameters.manualSla !== undefined) query.manual_sla = parameters.manualSla;
	query.of = parameters.formatValue;
	return query;
}
