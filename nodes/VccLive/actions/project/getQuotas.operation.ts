import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { projectIdField, readProjectResource } from '../commonFields';
import { flattenQuotas } from './quotaTree';

const properties: INodeProperties[] = [...projectIdField('The project whose quota limits to get')];

export const description = updateDisplayOptions({ show: { resource: ['project'], operation: ['getQuotas'] } }, properties);

/**
 * GET /v2/projects/[projectid]/quotas ("Get quota limits"): the answer's trees of cell and
 * edge quotas, one item per quota at the deepest level (the ones with a `quotaid`, which
 * Modify Quota Limits takes), with the value names above it as its path.
 */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const { projectId, response } = await readProjectResource(this, client, itemIndex, '/quotas');
	return flattenQuotas(response).map((row) => ({ projectid: projectId, ...row }));
}
