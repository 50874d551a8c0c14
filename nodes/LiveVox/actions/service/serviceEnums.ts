import type { INodePropertyOptions } from 'n8n-workflow';

/*
 * Value lists for the dropdowns. Several lists are cut off in LiveVox's documentation;
 * these are the values the documentation and its examples show. Any other value can be
 * given with an expression.
 */

export const CALL_DIRECTIONS: INodePropertyOptions[] = [
	{ name: 'Blended', value: 'BLENDED' },
	{ name: 'Inbound', value: 'INBOUND' },
	{ name: 'Outbound', value: 'OUTBOUND' },
];

export const ACD_FEATURES: INodePropertyOptions[] = [
	{ name: '10 DMT', value: '10_DMT' },
	{ name: 'Agent at Ready In', value: 'AGENT_AT_READY_IN' },
	{ name: 'Agent at Ready Out', value: 'AGENT_AT_READY_OUT' },
	{ name: 'Agent Call Out', value: 'AGENT_CALL_OUT' },
	{ name: 'HCI', value: 'HCI' },
	{ name: 'Manual', value: 'MANUAL' },
	{ name: 'No ACD', value: 'NO_ACD' },
	{ name: 'Strict HCI', value: 'STRICT_HCI' },
];

export const PREVIEW_MODES: INodePropertyOptions[] = [
	{ name: 'All', value: 'ALL' },
	{ name: 'None', value: 'NONE' },
	{ name: 'Wireless', value: 'WIRELESS' },
];

export const DAYS_OF_WEEK: INodePropertyOptions[] = [
	{ name: 'Friday', value: 'FRIDAY' },
	{ name: 'Monday', value: 'MONDAY' },
	{ name: 'Saturday', value: 'SATURDAY' },
	{ name: 'Specific Date', value: 'SPECIFIC_DATE' },
	{ name: 'Sunday', value: 'SUNDAY' },
	{ name: 'Thursday', value: 'THURSDAY' },
	{ name: 'Tuesday', value: 'TUESDAY' },
	{ name: 'Wednesday', value: 'WEDNESDAY' },
	{ name: 'Weekday', value: 'WEEKDAY' },
	{ name: 'Weekend', value: 'WEEKEND' },
];

/** Update Messaging: INBOUND_TEMPLATE_ID is the documented example; the others are the keys Read Messaging returns. */
export const MESSAGING_PROPERTIES: INodePropertyOptions[] = [
	{ name: 'Inbound Template ID', value: 'INBOUND_TEMPLATE_ID' },
	{ name: 'Preview Template ID', value: 'PREVIEW_TEMPLATE_ID' },
	{ name: 'Template ID', value: 'TEMPLATE_ID' },
];
