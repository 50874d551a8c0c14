import type { INodeProperties } from 'n8n-workflow';

import { sinceLastRunField, sinceLastRunPeriodOption } from '../../../shared/sinceLastRun';

/**
 * The period: a preset relative to today or two dates, both days included, read in the
 * workflow's time zone (Settings → Timezone).
 */
export const periodFields: INodeProperties[] = [
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		options: [
			{ name: 'Custom', value: 'custom', description: 'From and To below, both days included' },
			{ name: 'Last 30 Days', value: 'last30Days', description: 'The 30 complete days before today' },
			{ name: 'Last 7 Days', value: 'last7Days', description: 'The 7 complete days before today' },
			{ name: 'Last Month', value: 'lastMonth', description: 'The whole previous calendar month' },
			{ name: 'Last Year', value: 'lastYear', description: 'The whole previous calendar year (12 requests)' },
			sinceLastRunPeriodOption,
			{ name: 'This Month', value: 'thisMonth', description: 'From the 1st of this month to today' },
			{ name: 'This Year', value: 'thisYear', description: 'From 1 January to today' },
			{ name: 'Today', value: 'today', description: 'Today so far' },
			{ name: 'Yesterday', value: 'yesterday' },
		],
		default: 'yesterday',
		description: "Days in the workflow's time zone. Periods over a month are fetched one calendar month at a time.",
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'The first day of the period (included); the time of day is ignored',
		displayOptions: { show: { period: ['custom'] } },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'The last day of the period (included); the time of day is ignored',
		displayOptions: { show: { period: ['custom'] } },
	},
	sinceLastRunField("the end of yesterday in the workflow's timezone (VCC Live's statistics are asked for in whole days)"),
];
