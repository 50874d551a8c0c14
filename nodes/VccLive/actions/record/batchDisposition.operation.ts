import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toId } from '../../../shared/input';
import { optionsCollection } from '../../../shared/operationOptions';
import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { bodyDateTime } from '../../vccLiveInput';
import { batchRows, dispositionIdField, dispositionOptions, projectIdField, readDispositionId, readProjectId, readRecordIds, recordIdsField } from '../commonFields';

const properties: INodeProperties[] = [
	...projectIdField('The project the records belong to'),
	recordIdsField('The records to set the disposition on ("numberid"), separated by commas'),
	...dispositionIdField('The disposition to set on every record'),
	optionsCollection([
		dispositionOptions.description,
		dispositionOptions.nextCallDate('The call-back time, in the workflow’s time zone'),
		dispositionOptions.avoidInCall,
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 17',
			description: 'The user the disposition is linked to',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['batchDisposition'] } }, properties);

interface BatchOptions {
	description?: string;
	nextCallDate?: unknown;
	avoidInCall?: boolean;
	userId?: string;
}

/**
 * The documented request: the common `disposition` (set for every record), one element per
 * record naming it by `numberid` (a string, as the element object lists it), `avoid_in_call`.
 */
export function batchDispositionBody(recordIds: number[], dispositionId: number, options: BatchOptions, zone: string): IDataObject {
	const disposition: IDataObject = { dispositionid: dispositionId };
	if (options.userId !== undefined && options.userId.trim() !== '') disposition.userid = String(toId(options.userId, 'User ID'));
	if (options.description !== undefined && options.description !== '') disposition.description = options.description;
	if (options.nextCallDate !== undefined && options.nextCallDate !== '') {
		disposition.next_calldate = bodyDateTime(options.nextCallDate, 'Next Call Date', zone);
	}
	return {
		...(options.avoidInCall === true ? { avoid_in_call: true } : {}),
		disposition,
		elements: recordIds.map((numberid) => ({ numberid: String(numberid) })),
	};
}

/** PUT /v2/projects/[projectid]/records/dispositions: one write for all the records, never sent twice. */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const projectId = readProjectId(this, itemIndex);
	const recordIds = readRecordIds(this, itemIndex);
	const dispositionId = readDispositionId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as BatchOptions;
	const body = batchDispositionBody(recordIds, dispositionId, options, this.getTimezone());
	const answer = await client.requestElements(
		{
			method: 'PUT',
			path: `/v2/projects/${projectId}/records/dispositions`,
			body,
			kind: 'write',
			expect: 'json',
			hints: { 404: `Check the Project ID (${projectId}).` },
			checkAfterUnknownOutcome: `Get a few of the records of project ${projectId} (Record → Get) and look for disposition ${dispositionId} among their events`,
		},
		recordIds.length,
	);
	return batchRows(this, projectId, recordIds, answer, { dispositionid: dispositionId });
}
