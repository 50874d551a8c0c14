import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { callCenterServices } from '../actions/service/callCenterServices';
import { liveVoxClient } from '../transport';

/**
 * The services of the call center in the operation's Call Center ID field, for the Service
 * list: the whole list (its pages fetched as List Services does), narrowed by the search text.
 */
export async function searchServices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const callCenterId = Number(this.getCurrentNodeParameter('callCenterId') ?? 0);
	if (!Number.isInteger(callCenterId) || callCenterId <= 0) {
		throw new NodeOperationError(this.getNode(), 'Enter a Call Center ID to list its services', {
			description: 'The Service list shows the services of the call center in the Call Center ID field.',
		});
	}
	const services = await callCenterServices(await liveVoxClient(this), callCenterId);
	const wanted = filter?.trim().toLowerCase();
	return {
		results: services
			.filter((service) => !wanted || `${service.name} ${service.serviceId}`.toLowerCase().includes(wanted))
			.map((service) => ({ name: `${service.name} (${service.serviceId})`, value: String(service.serviceId) })),
	};
}
