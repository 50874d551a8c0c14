import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInput, toId } from '../../../shared/input';
import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { readRecordAddress, recordIdFields, recordNotFoundHint } from './recordFields';

const properties: INodeProperties[] = [
	...recordIdFields,
	{
		displayName: 'Contact',
		name: 'contact',
		type: 'number',
		typeOptions: { minValue: 1 },
		required: true,
		default: 1,
		description: 'Which contact of the record: 1 can always be set; 2, 3, … only when the project has phone2, phone3, …',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'The contact’s email address' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The contact’s name' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. 3619997400', description: 'The contact’s phone number' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'e.g. Supervisor', description: 'The contact’s title' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['modifyContact'] } }, properties);

const CONTACT_FIELDS = ['email', 'name', 'phone', 'title'] as const;

/** The fields set (an empty text is sent as empty: it clears the field, as the documentation's example does with email). */
export function contactBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const name of CONTACT_FIELDS) if (typeof fields[name] === 'string') body[name] = fields[name];
	if (Object.keys(body).length === 0) {
		throw new InvalidInput('No contact field to set', 'Add at least one of Email, Name, Phone or Title under Fields.');
	}
	return body;
}

/** PUT /v2/projects/[projectid]/records/[numberid]/contacts/[contact]: a write, never sent twice. */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const address = readRecordAddress(this, itemIndex);
	const contact = toId(this.getNodeParameter('contact', itemIndex), 'Contact');
	if (contact < 1) throw new InvalidInput('Contact must be 1 or more, got 0', 'Contact 1 is the record’s first contact (phone1).');
	const body = contactBody(this.getNodeParameter('fields', itemIndex, {}) as IDataObject);
	const response = await client.request({
		method: 'PUT',
		path: `${address.path}/contacts/${contact}`,
		body,
		kind: 'write',
		expect: 'json',
		hints: { 404: recordNotFoundHint(address) },
		checkAfterUnknownOutcome: `Get record ${address.recordId} of project ${address.projectId} (Record → Get) and look at contact phone${contact}`,
	});
	return [{ projectid: address.projectId, numberid: address.recordId, contact, ...body, modified: response === true }];
}
