import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readDateTime } from '../../../shared/dateInput';
import { InvalidInput, toId, toIdList } from '../../../shared/input';
import { optionsCollection } from '../../../shared/operationOptions';
import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { projectIdOf } from '../../vccLiveInput';

const properties: INodeProperties[] = [
	{
		displayName: 'Project ID',
		name: 'projectId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 134',
		description: 'The project the records belong to',
	},
	{
		displayName: 'Record IDs',
		name: 'recordIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8377, 8378, 8379',
		description: 'The records to set the disposition on ("numberid"), separated by commas',
	},
	{
		displayName: 'Disposition ID',
		name: 'dispositionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1',
		description: 'The disposition to set on every record',
	},
	optionsCollection([
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'A description added as by a supervisor',
		},
		{
			displayName: 'Next Call Date',
			name: 'nextCallDate',
			type: 'dateTime',
			default: '',
			description: 'The call-back time, in the workflow’s time zone',
		},
		{
			displayName: 'Skip Records Being Handled',
			name: 'avoidInCall',
			type: 'boolean',
			default: false,
			description: 'Whether to leave out records agents are handling (prework, in call, afterwork)',
		},
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
		disposition.next_calldate = readDateTime(options.nextCallDate, { label: 'Next Call Date', zone }).toFormat('yyyy-MM-dd HH:mm:ss');
	}
	return {
		...(options.avoidInCall === true ? { avoid_in_call: true } : {}),
		disposition,
		elements: recordIds.map((numberid) => ({ numberid: String(numberid) })),
	};
}

/** PUT /v2/projects/[projectid]/records/dispositions: one write for all the records, never sent twice. */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const projectId = projectIdOf(this.getNodeParameter('projectId', itemIndex));
	const recordIds = toIdList(this.getNodeParameter('recordIds', itemIndex), 'Record IDs');
	if (recordIds.length === 0) throw new InvalidInput('Record IDs is empty', 'Enter the IDs of the records, separated by commas.');
	const dispositionId = toId(this.getNodeParameter('dispositionId', itemIndex), 'Disposition ID');
	const options = this.getNodeParameter('options', itemIndex, {}) as BatchOptions;
	const body = batchDispositionBody(recordIds, dispositionId, options, this.getTimezone());
	const response = await client.request({
		method: 'PUT',
		path: `/v2/projects/${projectId}/records/dispositions`,
		body,
		kind: 'write',
		expect: 'json',
		hints: { 404: `Check the Project ID (${projectId}).` },
		checkAfterUnknownOutcome: `Get a few of the records of project ${projectId} (Record → Get) and look for disposition ${dispositionId} among their events`,
	});
	// "Array of partial results by elements": each record's row carries its element's result.
	const results = Array.isArray(response) ? (response as unknown[]) : [];
	return recordIds.map((numberid, index) => ({ projectid: projectId, numberid, dispositionid: dispositionId, result: (results[index] ?? null) as IDataObject }));
}
