import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collect } from '../../shared/pages';
import { MAX_PAGE_SIZE, servicePages } from '../actions/service/paging';
import { liveVoxClient } from '../transport';

/**
 * The services of the call center in the Call Center ID field, for a multi-select list of
 * services (a resource locator cannot hold several): every page, sorted by name.
 */
export async function getServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const callCenterId = Number(this.getCurrentNodeParameter('callCenterId') ?? 0);
	if (!Number.isInteger(callCenterId) || callCenterId <= 0) {
		throw new NodeOperationError(this.getNode(), 'Enter a Call Center ID to list its services', {
			description: 'The Services list shows the services of the call center in the Call Center ID field.',
		});
	}
	const client = await liveVoxClient(this);
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
	return services
		.map((service) => ({ name: `${service.name ?? 'Service'} (${service.serviceId})`, value: Number(service.serviceId) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
