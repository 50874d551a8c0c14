import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/operationOptions';
import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { bodyDateTime } from '../../vccLiveInput';
import { projectIdField, readProjectId } from '../commonFields';
import { formFields, formOf, nextPhoneField } from './recordFields';

const properties: INodeProperties[] = [
	...projectIdField('The project whose database gets the record'),
	...formFields(),
	optionsCollection([
		{
			displayName: 'Next Call Date',
			name: 'nextCallDate',
			type: 'dateTime',
			default: '',
			description: 'When the record is next due to be called, in the workflow’s time zone',
		},
		nextPhoneField('Phone Field to Call', 'phoneField', 'Which telephone number is called next'),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['add'] } }, properties);

interface AddOptions {
	nextCallDate?: unknown;
	phoneField?: string;
}

/** The documented request: `form` (required) and, when set, `phone_field` and `next_calldate`. */
export function addRecordBody(form: IDataObject, options: AddOptions, zone: string): IDataObject {
	const body: IDataObject = { form };
	if (options.phoneField !== undefined && options.phoneField !== '') body.phone_field = options.phoneField;
	if (options.nextCallDate !== undefined && options.nextCallDate !== '') {
		body.next_calldate = bodyDateTime(options.nextCallDate, 'Next Call Date', zone);
	}
	return body;
}

/**
 * POST /v2/projects/[projectid]/records: a new record in the project's database, which the
 * dialer may call. A write, never sent twice: a duplicate record could be called twice.
 */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const projectId = readProjectId(this, itemIndex);
	const body = addRecordBody(formOf(this, itemIndex), this.getNodeParameter('options', itemIndex, {}) as AddOptions, this.getTimezone());
	const response = await client.request({
		method: 'POST',
		path: `/v2/projects/${projectId}/records`,
		body,
		kind: 'write',
		expect: 'json',
		hints: { 404: `Check the Project ID (${projectId}).` },
		checkAfterUnknownOutcome: `Look for the record in project ${projectId}'s database in VCC Live`,
	});
	// The documentation says only that the answer "states whether the request is successful": passed on as it comes.
	return [{ projectid: projectId, ...body, result: (response ?? null) as IDataObject }];
}
