import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { batchRows, projectIdField, readProjectId, readRecordIds, recordIdsField } from '../commonFields';
import { formFields, formOf } from './recordFields';

const properties: INodeProperties[] = [
	...projectIdField('The project the records belong to'),
	recordIdsField('The records to change ("numberid"), separated by commas'),
	...formFields('The fields to set on every record. '),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['batchModify'] } }, properties);

/** The documented request: one element per record, named by `numberid` (a string) with its `form`. */
export function batchModifyBody(recordIds: number[], form: IDataObject): IDataObject {
	return { elements: recordIds.map((numberid) => ({ numberid: String(numberid), form: { ...form } })) };
}

/** PUT /v2/projects/[projectid]/records: the same fields on several records in one write, never sent twice. */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const projectId = readProjectId(this, itemIndex);
	const recordIds = readRecordIds(this, itemIndex);
	const form = formOf(this, itemIndex);
	const answer = await client.requestElements(
		{
			method: 'PUT',
			path: `/v2/projects/${projectId}/records`,
			body: batchModifyBody(recordIds, form),
			kind: 'write',
			expect: 'json',
			hints: { 404: `Check the Project ID (${projectId}).` },
			checkAfterUnknownOutcome: `Get a few of the records of project ${projectId} (Record → Get) and look at their data`,
		},
		recordIds.length,
	);
	return batchRows(this, projectId, recordIds, answer, form);
}
