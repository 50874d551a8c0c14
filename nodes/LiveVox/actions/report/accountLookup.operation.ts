import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';
import type { LiveVoxClient } from '../../transport';
import { sharedReportFields } from './reportFields';
import type { ReportSpec } from './reportPlan';
import { listUnder, runRowReport, wholeRow } from './rowReport';

export const spec: ReportSpec = { path: '/reporting/standard/account/lookup', maxDays: 365 };

const properties: INodeProperties[] = [
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
	...sharedReportFields({ maxDays: 365, maxDaysNote: ', a default your tenant may have configured otherwise' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['accountLookup'] } },
	properties,
);

/** The Account Lookup Report: one item per call of the account. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const account = String(this.getNodeParameter('account', itemIndex, '')).trim();
	const originalAccountNumber = String(this.getNodeParameter('originalAccountNumber', itemIndex, '')).trim();
	if (account === '' && originalAccountNumber === '') {
		throw new InvalidInput(
			'Account and Original Account Number are both empty',
			'Enter the account number to look up, the original account number, or both.',
		);
	}
	const body: IDataObject = {};
	if (account !== '') body.account = account;
	if (originalAccountNumber !== '') body.originalAccountNumber = originalAccountNumber;
	return await runRowReport(this, client, itemIndex, spec, {
		body,
		rowsOf: listUnder('results'),
		keyOf: wholeRow,
		timeFields: ['start', 'end'],
	});
}
