import type { IDataObject } from 'n8n-workflow';

import type { Page, PageRequest } from '../../../shared/pages';
import { collectPages } from '../../../shared/pages';
import type { FailureCodeWords, LiveVoxClient, LiveVoxRequest } from '../../transport';
import type { Paging } from './paging';
import { MAX_PAGE_SIZE } from './paging';

/** One entry of a LiveVox services list. */
export type ServiceEntry = IDataObject & { serviceId?: number; name?: string; callCenterId?: number };

/** Pages fetched at the same time once a list's size is known (as many as a report's windows). */
const PAGE_CONCURRENCY = 4;

/** A LiveVox list answer: a page of services and the relative link to the next page. */
interface ServicePage {
	service?: ServiceEntry[];
	next?: string | null;
}

/** Fetches one page of a LiveVox services list (List Services, Find Matching Services). */
export function servicePageFetcher(
	client: LiveVoxClient,
	requestFor: (page: PageRequest) => LiveVoxRequest,
): (page: PageRequest) => Promise<Page<ServiceEntry>> {
	return async (page) => {
		const answer = await client.request<ServicePage | undefined>(requestFor(page));
		return { items: answer?.service ?? [], next: answer?.next };
	};
}

/** The words for LiveVox's "Unauthorized" on the services of a call center: a wrong ID far more often than a missing role. */
function noServicesFound(callCenterId: number): FailureCodeWords {
	return {
		message: `No services found for call center ${callCenterId} — check the Call Center ID (or your user cannot see it)`,
		description:
			'LiveVox answers "Unauthorized" for a call center that does not exist or has no service your user may see. Check the number (Get List Info tells how many services your user sees there); if it is right, ask a LiveVox administrator to give your user access to its services.',
	};
}

/** GET /configuration/services: one page of the services of a call center. */
function listRequest(callCenterId: number, { offset, count }: PageRequest): LiveVoxRequest {
	return {
		method: 'GET',
		path: '/configuration/services',
		qs: { callCenter: callCenterId, count, offset },
		kind: 'read',
		// LiveVox answers a call center without services the user may see with 403 "Unauthorized".
		failureCodes: { 403: noServicesFound(callCenterId) },
	};
}

/** How many services a call center has (Service List Info), or undefined when that cannot be told. */
async function listSize(client: LiveVoxClient, callCenterId: number): Promise<number | undefined> {
	try {
		const info = await client.request<IDataObject | undefined>({
			method: 'GET',
			path: '/configuration/services/info',
			qs: { callCenter: callCenterId },
			kind: 'read',
		});
		return typeof info?.size === 'number' ? info.size : undefined;
	} catch {
		// Without the size the pages come one after the other.
		return undefined;
	}
}

/**
 * The services of a call center that the user may see, in LiveVox's order: every one, or up
 * to `paging.limit`. The one place that lists a call center's services, for the List
 * operation and the Service dropdowns. When more than two pages may be wanted, the list's
 * size is asked for with the first page and the rest fetched PAGE_CONCURRENCY at a time.
 */
export async function callCenterServices(
	client: LiveVoxClient,
	callCenterId: number,
	paging: Paging = { pageSize: MAX_PAGE_SIZE },
): Promise<ServiceEntry[]> {
	return await collectPages(
		servicePageFetcher(client, (page) => listRequest(callCenterId, page)),
		{ ...paging, sizeOf: async () => await listSize(client, callCenterId), concurrency: PAGE_CONCURRENCY },
	);
}
