import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toId } from '../../../shared/input';
import type { LiveVoxClient } from '../../transport';
import { modifyServicesHint, readServiceId, serviceSelection } from './common';
import { hoursIdField } from './inboundHoursFields';
import { changed } from './updateFields';

const properties: INodeProperties[] = [...serviceSelection, hoursIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['removeInboundHours'] } },
	properties,
);

/** Deletes an inbound hours entry of a service. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject> {
	const serviceId = readServiceId(this, itemIndex);
	const hoursId = toId(this.getNodeParameter('hoursId', itemIndex), 'Inbound Hours ID');
	await client.request({
		method: 'DELETE',
		path: `/configuration/services/${serviceId}/inboundHours/${hoursId}`,
		kind: 'write',
		hints: {
			...modifyServicesHint,
			404: 'The service or this inbound hours entry does not exist (it may be removed already): Get Inbound Hours lists the entries.',
		},
		checkAfterUnknownOutcome: 'Get the inbound hours of the service and check whether the entry is still listed',
	});
	return changed(serviceId, { hoursId, removed: true });
}
