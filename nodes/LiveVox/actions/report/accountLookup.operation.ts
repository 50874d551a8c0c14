import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';
import { listedRows, wholeRow } from './reportRows';
import type { ReportSpec } from './runReport';
import { reportDescription, runReport } from './runReport';

const accountFields: INodeProperties[] = [
	{
		displayName: 'Account',
		name: 'account',
		type: 'string',
		default: '',
		placeholder: 'e.g. 12345',
		description: 'The account number to look up, as LiveVox stores it (some carry an "@"). Give this, the Original Account Number, or both.',
	},
	{
		displayName: 'Original Account Number',
		name: 'originalAccountNumber',
		type: 'string',
		default: '',
		description: 'The original account number to look up',
	},
];

/** The account, the original account number, or both: at least one. */
function accountBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const account = String(context.getNodeParameter('account', itemIndex, '')).trim();
	const originalAccountNumber = String(context.getNodeParameter('originalAccountNumber', itemIndex, '')).trim();
	if (account === '' && originalAccountNumber === '') {
		throw new InvalidInput(
			'Account and Original Account Number are both empty',
			'Enter the account number to look up, the original account number, or both.',
		);
	}
	const body: IDataObject = {};
	if (account !== '') body.account = account;
	if (originalAccountNumber !== '') body.originalAccountNumber = originalAccountNumber;
	return body;
}

/** The Account Lookup Report: one item per call of the account. */
const spec: ReportSpec = {
	operation: 'accountLookup',
	path: '/reporting/standard/account/lookup',
	maxDays: 365,
	maxDaysNote: ', a default your tenant may have configured otherwise',
	fields: { first: accountFields },
	body: accountBody,
	simplify: listedRows('results', ['start', 'end']),
	dedupeKey: wholeRow,
};

export const description = reportDescription(spec);
export const execute = runReport(spec);
