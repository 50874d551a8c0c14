import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/operationOptions';
import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { formFields, formOf, nextPhoneField, readRecordAddress, recordIdFields, recordNotFoundHint } from './recordFields';

const properties: INodeProperties[] = [
	...recordIdFields,
	...formFields(),
	optionsCollection([
		nextPhoneField('Next Phone to Call', 'nextContact', 'Which telephone number of the record the system calls next ("next_contact")'),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['modify'] } }, properties);

/**
 * PUT /v2/projects/[projectid]/records/[numberid] ("Modify record"): the record's custom data,
 * sent as the body's key value pairs (the page's example body is the data itself, not wrapped
 * in `form`), and `next_contact` as an option of the URL. A write, never sent twice.
 */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const address = readRecordAddress(this, itemIndex);
	const form = formOf(this, itemIndex);
	const { nextContact } = this.getNodeParameter('options', itemIndex, {}) as { nextContact?: string };
	const qs: IDataObject = nextContact !== undefined && nextContact !== '' ? { next_contact: nextContact } : {};
	const response = await client.request({
		method: 'PUT',
		path: address.path,
		qs,
		body: form,
		kind: 'write',
		expect: 'json',
		hints: { 404: recordNotFoundHint(address) },
		checkAfterUnknownOutcome: `Get record ${address.recordId} of project ${address.projectId} (Record → Get) and look at its data`,
	});
	// The page: `response` "states whether request is successful or not" (true or false).
	return [{ projectid: address.projectId, numberid: address.recordId, form, ...qs, modified: response === true }];
}
