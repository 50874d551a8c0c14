import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';
import { recordIdOf } from '../../vccLiveInput';
import { PICKED_FROM_LISTS, projectIdField, readProjectId, TYPED_IDS } from '../commonFields';

/** The fields that name one record: VCC Live addresses a record by project and record ID ("numberid"). */
export const recordIdFields: INodeProperties[] = [
	...projectIdField('The project the record belongs to'),
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8377',
		description: 'The record’s ID ("numberid" in VCC Live)',
	},
];

export interface RecordAddress {
	projectId: number;
	recordId: number;
	/** The resource of the record: /v2/projects/[projectid]/records/[numberid]. */
	path: string;
}

/** The record the item names; bad IDs stop the item before any request. */
export function readRecordAddress(context: IExecuteFunctions, itemIndex: number): RecordAddress {
	const projectId = readProjectId(context, itemIndex);
	const recordId = recordIdOf(context.getNodeParameter('recordId', itemIndex));
	return { projectId, recordId, path: `/v2/projects/${projectId}/records/${recordId}` };
}

/** What to check when VCC Live answers 404 for a record. */
export const recordNotFoundHint = (address: RecordAddress) =>
	`Check the Project ID (${address.projectId}) and the Record ID (${address.recordId}): VCC Live found no such record in that project, or your API token may not use this resource.`;

/** The answer's object, or an empty one when VCC Live sent something else. */
export const asObject = (value: unknown): IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : {};

const FORM_DESCRIPTION =
	'The record’s custom data ("form"): name, phone number, address, …. For fields with simple or multiple values give the value ID, or text that VCC Live matches to a value (or creates); several values separated by |.';

/** The Fields collection with `name` as the field's name in it. */
const formField = (name: INodeProperties, description: string, displayOptions: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: 'Fields',
	name: 'form',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add field',
	default: {},
	description,
	displayOptions,
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [name, { displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The field’s value' }],
		},
	],
});

/**
 * The record's custom data as name and value pairs ("form" in VCC Live's bodies): each name
 * typed (version 1), or picked from the project's fields and phone fields. `lead` goes before
 * the common description.
 */
export function formFields(lead = ''): INodeProperties[] {
	const description = `${lead}${FORM_DESCRIPTION}`;
	return [
		formField(
			{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. phone1', description: 'The field’s name in the project' },
			description,
			TYPED_IDS,
		),
		formField(
			{
				displayName: 'Field Name or ID',
				name: 'name',
				type: 'options',
				default: '',
				description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['projectId.value'] },
			},
			description,
			PICKED_FROM_LISTS,
		),
	];
}

/** The Fields of the item as VCC Live's `form`; no field, a nameless one or one given twice is bad input. */
export function readForm(fields: Array<{ name?: string; value?: unknown }>): IDataObject {
	const form: IDataObject = {};
	for (const { name, value } of fields) {
		const key = typeof name === 'string' ? name.trim() : '';
		if (key === '') throw new InvalidInput('A field of Fields has no name', 'Give every field the name it has in the project, such as phone1 or name.');
		if (key in form) throw new InvalidInput(`The field "${key.slice(0, 40)}" is given twice`, 'Give each field once.');
		form[key] = value === undefined || value === null ? '' : String(value);
	}
	if (Object.keys(form).length === 0) {
		throw new InvalidInput('Fields is empty', 'Add at least one field of the record (VCC Live requires its custom data, "form").');
	}
	return form;
}

/** The item's Fields, read from the node. */
export const formOf = (context: IExecuteFunctions, itemIndex: number) =>
	readForm((context.getNodeParameter('form.field', itemIndex, []) as Array<{ name?: string; value?: unknown }>) ?? []);

/** A choice of the record's phone fields (phone1 … phone9): the one VCC Live calls next. */
export const nextPhoneField = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((index) => ({ name: `Phone${index}`, value: `phone${index}` })),
	default: 'phone1',
	description,
});
