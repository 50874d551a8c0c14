import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { callCenterServices } from '../actions/service/callCenterServices';
import { liveVoxClient } from '../transport';
import { typedCallCenterIds } from './serviceOptions';

/**
 * The services of the call center in the operation's Call Center ID field, for the Service
 * list: the whole list (its pages fetched as List Services does), narrowed by the search text.
 * Empty, without a request, while no Call Center ID is entered (the field's hint says so).
 */
export async function searchServices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const [callCenterId] = typedCallCenterIds(this.getCurrentNodeParameter('callCenterId'));
	if (callCenterId === undefined) return { results: [] };
	const services = await callCenterServices(await liveVoxClient(this), callCenterId);
	const wanted = filter?.trim().toLowerCase();
	return {
		results: services
			.filter((service) => !wanted || `${service.name} ${service.serviceId}`.toLowerCase().includes(wanted))
			.map((service) => ({ name: `${service.name} (${service.serviceId})`, value: String(service.serviceId) })),
	};
}
