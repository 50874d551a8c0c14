import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { liveVoxClient } from '../transport';

interface ServiceEntry {
	serviceId: number;
	name: string;
}

/**
 * The services of the call center in the operation's Call Center ID field, for the Service
 * list: one page of 1000 per call, continued with n8n's pagination token.
 */
export async function searchServices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const callCenterId = Number(this.getCurrentNodeParameter('callCenterId') ?? 0);
	if (!Number.isInteger(callCenterId) || callCenterId <= 0) {
		throw new NodeOperationError(this.getNode(), 'Enter a Call Center ID to list its services', {
			description: 'The Service list shows the services of the call center in the Call Center ID field.',
		});
	}
	const offset = Number(paginationToken ?? 0);
	const client = await liveVoxClient(this);
	const answer = await client.request<{ service?: ServiceEntry[]; next?: string | null }>({
		method: 'GET',
		path: '/configuration/services',
		qs: { callCenter: callCenterId, count: 1000, offset },
		kind: 'read',
	});
	const services = answer?.service ?? [];
	const wanted = filter?.trim().toLowerCase();
	return {
		results: services
			.filter((service) => !wanted || `${service.name} ${service.serviceId}`.toLowerCase().includes(wanted))
			.map((service) => ({ name: `${service.name} (${service.serviceId})`, value: String(service.serviceId) })),
		paginationToken: answer?.next ? String(offset + services.length) : undefined,
	};
}
