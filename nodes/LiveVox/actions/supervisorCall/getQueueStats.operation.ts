import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPool } from '../../../shared/pool';
import type { LiveVoxClient } from '../../transport';
import { readServiceList, serviceListFields } from './serviceList';
import { queueStatsRequest, SERVICE_CONCURRENCY } from './supervisorRequests';

const properties: INodeProperties[] = [...serviceListFields];

export const description = updateDisplayOptions(
	{ show: { resource: ['supervisorCall'], operation: ['getQueueStats'] } },
	properties,
);

/** A snapshot of the ACD queue of each chosen service: one item per service. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const serviceIds = readServiceList((name) => this.getNodeParameter(name, itemIndex, ''));
	return await runPool(serviceIds, SERVICE_CONCURRENCY, async (serviceId) => {
		const stats = await client.request<IDataObject | undefined>(queueStatsRequest(serviceId));
		return { serviceId, ...stats };
	});
}
