import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toIdList } from '../../shared/input';
import { collect } from '../../shared/pages';
import { MAX_PAGE_SIZE, servicePages } from '../actions/service/paging';
import { liveVoxClient } from '../transport';

/** The call center IDs typed in the current node's Filters (a comma-separated text). */
function chosenCallCenters(context: ILoadOptionsFunctions): number[] {
	const filters = (context.getCurrentNodeParameter('filters') ?? {}) as IDataObject;
	try {
		return toIdList(filters.callCenterIds, 'Call Center IDs');
	} catch {
		return [];
	}
}

/**
 * The services of every call center in Filters > Call Center IDs, for a multi-select of
 * services: no documented call lists call centers, so their IDs are typed and their services
 * listed from the Configuration API, every page, sorted by name.
 */
export async function getServicesOfCallCenters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const callCenterIds = chosenCallCenters(this);
	if (callCenterIds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Enter Call Center IDs to list their services', {
			description: 'The list shows the services of the call centers in Filters > Call Center IDs.',
		});
	}
	const client = await liveVoxClient(this);
	const options: INodePropertyOptions[] = [];
	for (const callCenterId of callCenterIds) {
		const pages = servicePages(
			client,
			({ offset, count }) => ({
				method: 'GET',
				path: '/configuration/services',
				qs: { callCenter: callCenterId, count, offset },
				kind: 'read',
			}),
			{ pageSize: MAX_PAGE_SIZE },
		);
		const services = (await collect(pages)) as Array<IDataObject & { serviceId?: number; name?: string }>;
		for (const service of services) {
			options.push({
				name: `${service.name ?? 'Service'} (${service.serviceId})`,
				value: Number(service.serviceId),
				description: `Call center ${callCenterId}`,
			});
		}
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
