import type { INodeProperties } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';
import { listedRows, wholeRow } from './reportRows';
import type { ReportSpec } from './runReport';
import { reportDescription, runReport } from './runReport';

const phoneNumbersField: INodeProperties = {
	displayName: 'Phone Numbers',
	name: 'phoneNumbers',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 4155557121, 4155559723',
	description: 'The phone numbers dialed, comma-separated or one per line, as LiveVox stores them (digits)',
};

/** The phone numbers of the field: an array from an expression, or a text split on commas and lines. */
function readPhoneNumbers(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/);
	const phones = [...new Set(parts.map((part) => part.trim()).filter((part) => part !== ''))];
	if (phones.length === 0) {
		throw new InvalidInput('Phone Numbers is empty', 'Enter at least one phone number to look up.');
	}
	return phones;
}

/** The Phone Lookup Report: one item per call to the numbers. */
const spec: ReportSpec = {
	operation: 'phoneLookup',
	path: '/reporting/standard/phone/lookup',
	maxDays: 365,
	maxDaysNote: ', a default your tenant may have configured otherwise',
	fields: { first: [phoneNumbersField] },
	body: (context, itemIndex) => ({
		phoneDialed: readPhoneNumbers(context.getNodeParameter('phoneNumbers', itemIndex, '')).map((phone) => ({ phone })),
	}),
	simplify: listedRows('results', ['start', 'end']),
	dedupeKey: wholeRow,
};

export const description = reportDescription(spec);
export const execute = runReport(spec);
