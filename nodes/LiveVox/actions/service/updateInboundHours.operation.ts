import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { clockTimeToMs, toId } from '../../../shared/input';
import type { LiveVoxClient } from '../../transport';
import { modifyServicesHint, readServiceId, serviceSelection } from './common';
import { assertEndAfterStart, clockTimeField, hoursIdField } from './inboundHoursFields';
import { changed, readUpdateFields } from './updateFields';

const properties: INodeProperties[] = [
	...serviceSelection,
	hoursIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [clockTimeField('end', false), clockTimeField('start', false)],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['updateInboundHours'] } },
	properties,
);

/** Changes the opening or closing time of an inbound hours entry; only the times given are sent. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject> {
	const serviceId = readServiceId(this, itemIndex);
	const hoursId = toId(this.getNodeParameter('hoursId', itemIndex), 'Inbound Hours ID');
	const fields = readUpdateFields(this, itemIndex);
	const body: IDataObject = {};
	if (fields.startTime !== undefined) body.startTime = clockTimeToMs(fields.startTime, 'Opens At');
	if (fields.endTime !== undefined) body.endTime = clockTimeToMs(fields.endTime, 'Closes At');
	if (typeof body.startTime === 'number' && typeof body.endTime === 'number') {
		assertEndAfterStart(body.startTime, body.endTime);
	}
	await client.request({
		method: 'POST',
		path: `/configuration/services/${serviceId}/inboundHours/${hoursId}`,
		body,
		kind: 'write',
		hints: {
			...modifyServicesHint,
			404: 'The service or this inbound hours entry does not exist: Get Inbound Hours lists the entries and their IDs.',
		},
		checkAfterUnknownOutcome: 'Get the inbound hours of the service and compare the times',
	});
	return changed(serviceId, { hoursId, ...body });
}
