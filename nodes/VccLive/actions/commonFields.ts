import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInput, toIdList } from '../../shared/input';
import type { VccLiveClient } from '../transport';
import { projectIdOf } from '../vccLiveInput';

/** The Project ID field, as every Database API operation asks for it. */
export function projectIdField(description: string, required = true): INodeProperties {
	return { displayName: 'Project ID', name: 'projectId', type: 'string', required, default: '', placeholder: 'e.g. 214', description };
}

/** What to check when VCC Live answers 404 for a project. */
export const projectNotFoundHint = (projectId: number) =>
	`Check the Project ID (${projectId}): VCC Live found no such project, or your API token may not use this resource.`;

/** A read of one project's resource, `/v2/projects/[projectid]` and `suffix`: the item's Project ID checked first, a 404 worded with it. */
export async function readProjectResource(
	context: IExecuteFunctions,
	client: VccLiveClient,
	itemIndex: number,
	suffix = '',
): Promise<{ projectId: number; response: unknown }> {
	const projectId = projectIdOf(context.getNodeParameter('projectId', itemIndex));
	const response = await client.request({
		method: 'GET',
		path: `/v2/projects/${projectId}${suffix}`,
		kind: 'read',
		expect: 'json',
		hints: { 404: projectNotFoundHint(projectId) },
	});
	return { projectId, response };
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

/** The disposition to set, by its ID. */
export function dispositionIdField(description: string): INodeProperties {
	return { displayName: 'Disposition ID', name: 'dispositionId', type: 'string', required: true, default: '', placeholder: 'e.g. 1', description };
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
