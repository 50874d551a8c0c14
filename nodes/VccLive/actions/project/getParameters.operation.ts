import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { projectIdField, readProjectResource } from '../commonFields';

const properties: INodeProperties[] = [...projectIdField('The project whose fields and dispositions to get')];

export const description = updateDisplayOptions({ show: { resource: ['project'], operation: ['getParameters'] } }, properties);

/**
 * GET /v2/projects/[projectid] ("Get project parameters"): the project's custom fields (with
 * their values) and its dispositions, in one item led by the project's ID.
 */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const { projectId, response } = await readProjectResource(this, client, itemIndex);
	const answer = typeof response === 'object' && response !== null && !Array.isArray(response) ? (response as IDataObject) : {};
	// The page documents two keys, `fields` and `dispositions`: the answer is put out as it comes.
	return [{ projectid: projectId, ...answer }];
}
