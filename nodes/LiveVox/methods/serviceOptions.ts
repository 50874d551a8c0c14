import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { toIdList } from '../../shared/input';
import { byName } from '../../shared/optionOrder';
import type { ServiceEntry } from '../actions/service/callCenterServices';
import { callCenterServices } from '../actions/service/callCenterServices';
import { liveVoxClient } from '../transport';

/**
 * The call center IDs typed in a field so far: none while it is empty, 0 (the field's old
 * default) or not yet a list of IDs. The dropdowns then stay empty, quietly: n8n shows a
 * loadOptions error in red, and the field's hint already says what fills the list.
 */
export function typedCallCenterIds(value: unknown): number[] {
	try {
		return toIdList(value, 'Call Center IDs').filter((id) => id > 0);
	} catch {
		return [];
	}
}

/** A service as both dropdowns show it: its name, then its ID. */
export const serviceLabel = (service: ServiceEntry): string => `${service.name ?? 'Service'} (${service.serviceId})`;


/**
 * The services of the given call centers as options for a multi-select, sorted by name. No
 * documented call lists call centers, so their IDs are typed by the user.
 */
async function serviceOptions(context: ILoadOptionsFunctions, callCenterIds: number[]): Promise<INodePropertyOptions[]> {
	if (callCenterIds.length === 0) return [];
	const client = await liveVoxClient(context);
	const options: INodePropertyOptions[] = [];
	for (const callCenterId of callCenterIds) {
		for (const service of await callCenterServices(client, callCenterId)) {
			options.push({ name: serviceLabel(service), value: Number(service.serviceId), description: `Call center ${callCenterId}` });
		}
	}
	return options.sort(byName);
}

/** Services of the call center in the operation's Call Center ID field (Supervisor Call, Trigger). */
export async function getServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await serviceOptions(this, typedCallCenterIds(this.getCurrentNodeParameter('callCenterId')).slice(0, 1));
}

/** Services of the call centers in Filters > Call Center IDs (Reports). */
export async function getServicesOfCallCenters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const filters = (this.getCurrentNodeParameter('filters') ?? {}) as IDataObject;
	return await serviceOptions(this, typedCallCenterIds(filters.callCenterIds));
}
