import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInput, toId, toIdList } from '../../shared/input';
import type { ElementAnswer, VccLiveClient } from '../transport';
import { projectIdOf } from '../vccLiveInput';

/**
 * Version 1 of the node asked for IDs as text; from 1.1 the project, its dispositions and its
 * fields are picked from VCC Live's lists (or typed). Saved workflows keep version 1 and the
 * form their values were saved in.
 */
export const TYPED_IDS: IDisplayOptions = { show: { '@version': [1] } };
export const PICKED_FROM_LISTS: IDisplayOptions = { show: { '@version': [{ _cnd: { gte: 1.1 } }] } };

/** The Project field, as every Database API operation asks for it: typed (version 1), or from the project list. */
export function projectIdField(description: string, required = true): INodeProperties[] {
	return [
		{ displayName: 'Project ID', name: 'projectId', type: 'string', required, default: '', placeholder: 'e.g. 214', description, displayOptions: TYPED_IDS },
		{
			displayName: 'Project',
			name: 'projectId',
			type: 'resourceLocator',
			required,
			default: { mode: 'list', value: '' },
			description,
			displayOptions: PICKED_FROM_LISTS,
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Select a project...',
					typeOptions: { searchListMethod: 'searchProjects', searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. 214',
					validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A Project ID is a whole number' } }],
				},
			],
		},
	];
}

/** The item's Project ID, whichever form the field has; bad input stops the item before any request. */
export function readProjectId(context: IExecuteFunctions, itemIndex: number): number {
	return projectIdOf(context.getNodeParameter('projectId', itemIndex, '', { extractValue: true }));
}

/** The item's Project ID where it may be left empty (for all projects). */
export function readOptionalProjectId(context: IExecuteFunctions, itemIndex: number): number | undefined {
	const value = context.getNodeParameter('projectId', itemIndex, '', { extractValue: true });
	return typeof value === 'string' && value.trim() === '' ? undefined : projectIdOf(value);
}

/** What to check when VCC Live answers 404 for a project. */
export const projectNotFoundHint = (projectId: number) =>
	`Check the Project ID (${projectId}): VCC Live found no such project, or your API token may not use this resource.`;

/** A read of one project's resource, `/v2/projects/[projectid]` and `suffix`, a 404 worded with the Project ID. */
export async function getProjectResource(client: VccLiveClient, projectId: number, suffix = ''): Promise<unknown> {
	return await client.request({
		method: 'GET',
		path: `/v2/projects/${projectId}${suffix}`,
		kind: 'read',
		expect: 'json',
		hints: { 404: projectNotFoundHint(projectId) },
	});
}

/** The same for the item's project: its Project ID checked first. */
export async function readProjectResource(
	context: IExecuteFunctions,
	client: VccLiveClient,
	itemIndex: number,
	suffix = '',
): Promise<{ projectId: number; response: unknown }> {
	const projectId = readProjectId(context, itemIndex);
	return { projectId, response: await getProjectResource(client, projectId, suffix) };
}

/** The records of a batch, by their IDs ("numberid"), comma-separated. */
export function recordIdsField(description: string): INodeProperties {
	return { displayName: 'Record IDs', name: 'recordIds', type: 'string', required: true, default: '', placeholder: 'e.g. 8377, 8378, 8379', description };
}

/** The item's Record IDs; none, or one that is not digits, stops the item before any request. */
export function readRecordIds(context: IExecuteFunctions, itemIndex: number): number[] {
	const recordIds = toIdList(context.getNodeParameter('recordIds', itemIndex), 'Record IDs');
	if (recordIds.length === 0) throw new InvalidInput('Record IDs is empty', 'Enter the IDs of the records, separated by commas.');
	return recordIds;
}

/**
 * The rows of a batch over records, one per record: `result`, that record's entry of VCC
 * Live's "array of partial results by elements" as it comes, and `error` / `errorcode`, VCC
 * Live's error naming the record's element by its index (otherwise null). The entries' shape
 * is not documented: a record whose entry is false or that has an error is not changed, and a
 * warning above the output says how many.
 */
export function batchRows(context: IExecuteFunctions, projectId: number, recordIds: number[], answer: ElementAnswer, row: IDataObject): IDataObject[] {
	const results = Array.isArray(answer.response) ? (answer.response as unknown[]) : [];
	let notChanged = 0;
	const rows = recordIds.map((numberid, index): IDataObject => {
		const result = results[index] ?? null;
		const failed = answer.elementErrors.find((error) => error.index === index);
		if (result === false || failed) notChanged += 1;
		return { projectid: projectId, numberid, ...row, result: result as IDataObject, error: failed?.code ?? null, errorcode: failed?.errorcode ?? null };
	});
	if (notChanged > 0) {
		context.addExecutionHints({
			message: `${notChanged} of ${rows.length} records of project ${projectId} were not changed: see "result" and "error" in the output`,
			location: 'outputPane',
			type: 'warning',
		});
	}
	return rows;
}

/** The disposition to set: typed (version 1), or from the project's dispositions. */
export function dispositionIdField(description: string): INodeProperties[] {
	return [
		{ displayName: 'Disposition ID', name: 'dispositionId', type: 'string', required: true, default: '', placeholder: 'e.g. 1', description, displayOptions: TYPED_IDS },
		{
			displayName: 'Disposition Name or ID',
			name: 'dispositionId',
			type: 'options',
			required: true,
			default: '',
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: description,
			typeOptions: { loadOptionsMethod: 'getDispositions', loadOptionsDependsOn: ['projectId.value'] },
			displayOptions: PICKED_FROM_LISTS,
		},
	];
}

/** The item's Disposition ID, whichever form the field has. */
export function readDispositionId(context: IExecuteFunctions, itemIndex: number): number {
	return toId(context.getNodeParameter('dispositionId', itemIndex), 'Disposition ID');
}

/** The options a disposition takes, whether set on one record or on a batch. */
export const dispositionOptions = {
	description: {
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'A description added as by a supervisor',
	},
	nextCallDate: (description: string): INodeProperties => ({ displayName: 'Next Call Date', name: 'nextCallDate', type: 'dateTime', default: '', description }),
	avoidInCall: {
		displayName: 'Skip Records Being Handled',
		name: 'avoidInCall',
		type: 'boolean',
		default: false,
		description: 'Whether to leave out records agents are handling (prework, in call, afterwork)',
	},
} satisfies Record<string, INodeProperties | ((description: string) => INodeProperties)>;
