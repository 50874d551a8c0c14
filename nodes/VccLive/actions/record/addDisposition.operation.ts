import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toId } from '../../../shared/input';
import { optionsCollection } from '../../../shared/operationOptions';
import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { bodyDateTime } from '../../vccLiveInput';
import { dispositionIdField, dispositionOptions, readDispositionId } from '../commonFields';
import { readRecordAddress, recordIdFields, recordNotFoundHint } from './recordFields';

const properties: INodeProperties[] = [
	...recordIdFields,
	...dispositionIdField('The disposition to set on the record'),
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 17',
		description: 'The user the disposition is linked to',
	},
	optionsCollection([
		dispositionOptions.description,
		dispositionOptions.nextCallDate('For call-back and shared call-back dispositions: when the record is next due to be called, in the workflow’s time zone'),
		{
			displayName: 'Next Phone Field',
			name: 'nextContactId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2',
			description: 'Which phone field to call next time: 2 calls phone2',
		},
		dispositionOptions.avoidInCall,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['addDisposition'] } }, properties);

interface DispositionOptions {
	description?: string;
	nextCallDate?: unknown;
	nextContactId?: string;
	avoidInCall?: boolean;
}

/** The documented request object; IDs go as strings, as the documentation's example sends them. */
export function dispositionBody(
	dispositionId: number,
	userId: number,
	options: DispositionOptions,
	zone: string,
): IDataObject {
	const body: IDataObject = { dispositionid: String(dispositionId), userid: String(userId) };
	if (options.nextCallDate !== undefined && options.nextCallDate !== '') {
		// The documentation says "YYYY-MM-DD hh-mm-ss"; its example is 2017-01-17 11:00:00.
		body.next_calldate = bodyDateTime(options.nextCallDate, 'Next Call Date', zone);
	}
	if (options.nextContactId !== undefined && options.nextContactId.trim() !== '') {
		body.next_contactid = String(toId(options.nextContactId, 'Next Phone Field'));
	}
	if (options.description !== undefined && options.description !== '') body.description = options.description;
	if (options.avoidInCall === true) body.avoid_in_call = true;
	return body;
}

/** POST /v2/projects/[projectid]/records/[numberid]/dispositions: a write, never sent twice. */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const address = readRecordAddress(this, itemIndex);
	const dispositionId = readDispositionId(this, itemIndex);
	const userId = toId(this.getNodeParameter('userId', itemIndex), 'User ID');
	const options = this.getNodeParameter('options', itemIndex, {}) as DispositionOptions;
	const body = dispositionBody(dispositionId, userId, options, this.getTimezone());
	const response = await client.request({
		method: 'POST',
		path: `${address.path}/dispositions`,
		body,
		kind: 'write',
		expect: 'json',
		hints: { 404: recordNotFoundHint(address) },
		checkAfterUnknownOutcome: `Get record ${address.recordId} of project ${address.projectId} (Record → Get) and look for disposition ${dispositionId} among its events`,
	});
	return [{ projectid: address.projectId, numberid: address.recordId, ...body, added: response === true ? true : response ?? null } as IDataObject];
}
