import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { byName } from '../../shared/optionOrder';
import { callCenterServices } from '../actions/service/callCenterServices';
import { liveVoxClient } from '../transport';
import { serviceLabel, typedCallCenterIds } from './serviceOptions';

/**
 * The services of the call center in the operation's Call Center ID field, for the Service
 * list: the whole list (its pages fetched as List Services does), narrowed by the search text
 * and sorted by name as the Services dropdowns are.
 * Empty, without a request, while no Call Center ID is entered (the field's hint says so).
 */
export async function searchServices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const [callCenterId] = typedCallCenterIds(this.getCurrentNodeParameter('callCenterId'));
	if (callCenterId === undefined) return { results: [] };
	const services = await callCenterServices(await liveVoxClient(this), callCenterId);
	const wanted = filter?.trim().toLowerCase();
	return {
		results: services
			.map((service) => ({ name: serviceLabel(service), value: String(service.serviceId) }))
			.filter((result) => !wanted || result.name.toLowerCase().includes(wanted))
			.sort(byName),
	};
}
