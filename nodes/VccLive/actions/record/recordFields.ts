import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectIdOf, recordIdOf } from '../../vccLiveInput';

/** The fields that name one record: VCC Live addresses a record by project and record ID ("numberid"). */
export const recordIdFields: INodeProperties[] = [
	{
		displayName: 'Project ID',
		name: 'projectId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 134',
		description: 'The project the record belongs to',
	},
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
	const projectId = projectIdOf(context.getNodeParameter('projectId', itemIndex));
	const recordId = recordIdOf(context.getNodeParameter('recordId', itemIndex));
	return { projectId, recordId, path: `/v2/projects/${projectId}/records/${recordId}` };
}

/** What to check when VCC Live answers 404 for a record. */
export const recordNotFoundHint = (address: RecordAddress) =>
	`Check the Project ID (${address.projectId}) and the Record ID (${address.recordId}): VCC Live found no such record in that project, or your API token may not use this resource.`;

/** The answer's object, or an empty one when VCC Live sent something else. */
export const asObject = (value: unknown): IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : {};
