import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitField, readLimit, returnAllField } from '../../../shared/listFields';
import { optionsCollection } from '../../../shared/operationOptions';
import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { objectsOf } from '../../vccLiveAnswer';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	optionsCollection([
		{
			displayName: 'Include Folders',
			name: 'includeFolders',
			type: 'boolean',
			default: true,
			description: 'Whether to put out the folders too (entries whose "container" is true), not only the projects',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['project'], operation: ['list'] } }, properties);

/**
 * GET /v2/projects ("List projects"): every folder and project, active or not, one item each,
 * as VCC Live sends them (`projectid`, `name`, `status`, `folderid`, `container`, `folder` in
 * the documented example). No paging is documented: the whole list comes in one answer, so
 * Limit is applied to it.
 */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const limit = readLimit(this, itemIndex);
	const { includeFolders = true } = this.getNodeParameter('options', itemIndex, {}) as { includeFolders?: boolean };
	const response = await client.request({ method: 'GET', path: '/v2/projects', kind: 'read', expect: 'json' });
	const entries = objectsOf(response);
	// `container` says an entry holds others: a folder. The projects are the entries without it.
	const kept = includeFolders ? entries : entries.filter((entry) => entry.container !== true);
	return kept.slice(0, limit);
}
