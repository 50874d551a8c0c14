import type { INodeProperties } from 'n8n-workflow';

import { sinceLastRunField, sinceLastRunPeriodOption } from '../../../shared/sinceLastRun';
import { timeZoneOptions } from '../../../shared/timeZones';

/** LiveVox refuses a report for more than this many services in one request. */
export const MAX_SERVICES_PER_REQUEST = 150;
export const DEFAULT_CONCURRENCY = 4;

export const periodFields: INodeProperties[] = [
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		options: [
			{ name: 'Custom Range', value: 'custom', description: 'A start and an end date of your choice' },
			{ name: 'Last 30 Days', value: 'last30Days', description: 'The 30 whole days before today' },
			{ name: 'Last 7 Days', value: 'last7Days', description: 'The 7 whole days before today' },
			{ name: 'Last Month', value: 'lastMonth', description: 'The previous calendar month' },
			sinceLastRunPeriodOption,
			{ name: 'Yesterday', value: 'yesterday' },
		],
		default: 'yesterday',
		description:
			"Days are read in the reporting timezone (see Options). LiveVox's Reporting API holds data before the current day only: a range that reaches into today may have partial data for today.",
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { period: ['custom'] } },
		description:
			"The first day (or date-time) of the report, in the reporting timezone. LiveVox's Reporting API holds data before the current day only: a range that reaches into today may have partial data for today.",
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { period: ['custom'] } },
		description:
			'The last day of the report, included in full; a date-time with a time of day ends at that time. Any length works: the node splits ranges longer than LiveVox allows per request.',
	},
	sinceLastRunField('the end of yesterday in the reporting timezone (the Reporting API holds the days before the current one)'),
];

const filtersField: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add filter',
	default: {},
	options: [
		{
			displayName: 'Call Center IDs',
			name: 'callCenterIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3234, 5082',
			description: `Only these call centers, comma-separated. Your user sees more than ${MAX_SERVICES_PER_REQUEST} services? Filter by call center: LiveVox then accepts any number of services.`,
		},
		{
			displayName: 'Service Names or IDs',
			name: 'services',
			type: 'multiOptions',
			typeOptions: {
				loadOptionsMethod: 'getServicesOfCallCenters',
				loadOptionsDependsOn: ['filters.callCenterIds'],
			},
			default: [],
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'The list shows the services of the Call Center IDs above',
		},
		{
			displayName: 'Service IDs',
			name: 'serviceIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 47420, 66068',
			description: `More services by ID, comma-separated, added to the ones chosen above. Lists longer than ${MAX_SERVICES_PER_REQUEST} are split into several requests.`,
		},
	],
};

const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return one item per natural row of the report instead of the raw response (one item per request)',
};

const reportingTimezoneOption: INodeProperties = {
	displayName: 'Reporting Timezone',
	name: 'reportingTimezone',
	type: 'options',
	options: timeZoneOptions([{ name: 'Workflow Timezone', value: '', description: "The workflow's timezone (its settings)" }]),
	default: '',
	description:
		'The timezone the dates and days are read in, and zone-less times written in. LiveVox tenants often report in US Eastern (America/New_York). An expression may give any IANA name.',
};

const concurrencyOption: INodeProperties = {
	displayName: 'Max Concurrent Requests',
	name: 'maxConcurrentRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 16 },
	default: DEFAULT_CONCURRENCY,
	description: 'How many requests (date windows, service chunks) run at the same time',
};

const splitServicesOption: INodeProperties = {
	displayName: 'Split Service Lists',
	name: 'splitServiceLists',
	type: 'boolean',
	default: true,
	description: `Whether to split a service filter of more than ${MAX_SERVICES_PER_REQUEST} services into several requests and merge the results. Off: such a filter is refused before any request.`,
};

export const includeTotalsOption: INodeProperties = {
	displayName: 'Include Totals',
	name: 'includeTotals',
	type: 'boolean',
	default: false,
	description: 'Whether to add the report\'s totals as separate items, marked in the "rowType" field (Simplify only)',
};

export const combineWindowsOption: INodeProperties = {
	displayName: 'Combine Windows',
	name: 'combineWindows',
	type: 'boolean',
	default: false,
	description:
		'Whether to combine the results of the date windows into one for the whole range: counts and minutes are summed, documented ratios recomputed from their parts, other derived values left empty with a note',
};

/** The advanced option holding a report's longest range per request, with its documented default. */
function maxDaysOption(documentedDays: number, note = ''): INodeProperties {
	return {
		displayName: 'Max Days per Request',
		name: 'maxDaysPerRequest',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: documentedDays,
		description: `The longest range LiveVox answers in one request for this report (documented: ${documentedDays} days${note}); longer ranges are split into windows of whole days`,
	};
}

/** The Options collection of a report, its entries sorted by name as n8n shows them. */
function optionsField(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Where a report's own fields go among the shared ones. */
export interface ReportFieldSlots {
	/** Fields before the period (what the report looks up). */
	first?: INodeProperties[];
	/** Fields that come between the filters and Simplify. */
	afterFilters?: INodeProperties[];
	/** Fields after Simplify (what it shapes). */
	afterSimplify?: INodeProperties[];
	/** Entries of the Options collection. */
	options?: INodeProperties[];
}

/**
 * A report's fields: its own first fields, the period, the filters, its own fields, Simplify
 * and the options — reporting time zone, concurrency, the per-request maximum where the
 * report has one, service chunking, then the report's own options.
 */
export function sharedReportFields(slots: ReportFieldSlots, maxDays?: number, maxDaysNote?: string): INodeProperties[] {
	const maxDaysField = maxDays === undefined ? [] : [maxDaysOption(maxDays, maxDaysNote)];
	return [
		...(slots.first ?? []),
		...periodFields,
		filtersField,
		...(slots.afterFilters ?? []),
		simplifyField,
		...(slots.afterSimplify ?? []),
		optionsField([reportingTimezoneOption, concurrencyOption, ...maxDaysField, splitServicesOption, ...(slots.options ?? [])]),
	];
}
