import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';
import type { LiveVoxClient } from '../../transport';
import { sharedReportFields } from './reportFields';
import type { ReportSpec } from './reportPlan';
import { listUnder, runRowReport, wholeRow } from './rowReport';

export const spec: ReportSpec = { path: '/reporting/standard/phone/lookup', maxDays: 365 };

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 4155557121, 4155559723',
		description: 'The phone numbers dialed, comma-separated or one per line, as LiveVox stores them (digits)',
	},
	...sharedReportFields({ maxDays: 365, maxDaysNote: ', a default your tenant may have configured otherwise' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['phoneLookup'] } },
	properties,
);

/** The phone numbers of the field: an array from an expression, or a text split on commas and lines. */
export function readPhoneNumbers(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/);
	const phones = [...new Set(parts.map((part) => part.trim()).filter((part) => part !== ''))];
	if (phones.length === 0) {
		throw new InvalidInput('Phone Numbers is empty', 'Enter at least one phone number to look up.');
	}
	return phones;
}

/** The Phone Lookup Report: one item per call to the numbers. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const phones = readPhoneNumbers(this.getNodeParameter('phoneNumbers', itemIndex, ''));
	return await runRowReport(this, client, itemIndex, spec, {
		body: { phoneDialed: phones.map((phone) => ({ phone })) },
		rowsOf: listUnder('results'),
		keyOf: wholeRow,
		timeFields: ['start', 'end'],
	});
}
