import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toIdList } from '../../shared/input';
import { callCenterServices } from '../actions/service/callCenterServices';
import { liveVoxClient } from '../transport';

/**
 * The services of the given call centers as options for a multi-select, sorted by name. No
 * documented call lists call centers, so their IDs are typed by the user.
 */
async function serviceOptions(context: ILoadOptionsFunctions, callCenterIds: number[], field: string) {
	if (callCenterIds.length === 0) {
		throw new NodeOperationError(context.getNode(), `Enter ${field} to list services`, {
			description: `The list shows the services of the call centers in ${field}.`,
		});
	}
	const client = await liveVoxClient(context);
	const options: INodePropertyOptions[] = [];
	for (const callCenterId of callCenterIds) {
		for (const service of await callCenterServices(client, callCenterId)) {
			options.push({
				name: `${service.name ?? 'Service'} (${service.serviceId})`,
				value: Number(service.serviceId),
				description: `Call center ${callCenterId}`,
			});
		}
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

/** IDs typed in a field, or none while the field holds something that is not a list of IDs yet. */
function typedIds(value: unknown): number[] {
	try {
		return toIdList(value, 'Call Center IDs');
	} catch {
		return [];
	}
}

/** Services of the call center in the operation's Call Center ID field (Supervisor Call). */
export async function getServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const callCenterId = Number(this.getCurrentNodeParameter('callCenterId') ?? 0);
	const ids = Number.isInteger(callCenterId) && callCenterId > 0 ? [callCenterId] : [];
	return await serviceOptions(this, ids, 'a Call Center ID');
}

/** Services of the call centers in Filters > Call Center IDs (Reports). */
export async function getServicesOfCallCenters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const filters = (this.getCurrentNodeParameter('filters') ?? {}) as IDataObject;
	return await serviceOptions(this, typedIds(filters.callCenterIds), 'Filters > Call Center IDs');
}
