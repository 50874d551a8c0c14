import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPool } from '../../../shared/pool';
import type { LiveVoxClient } from '../../transport';
import type { RawNonAttemptedCall } from './nonAttemptedCall';
import { failureTimeZone, failureTimeZoneOption, shapeNonAttemptedCall } from './nonAttemptedCall';
import { readServiceList, serviceListFields } from './serviceList';
import { nonAttemptedCallsRequest, SERVICE_CONCURRENCY } from './supervisorRequests';

const properties: INodeProperties[] = [
	...serviceListFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [failureTimeZoneOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['supervisorCall'], operation: ['getNonAttemptedCalls'] } },
	properties,
);

/** The manual calls LiveVox did not dial, with why: one item per call, across the chosen services. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const serviceIds = readServiceList((name) => this.getNodeParameter(name, itemIndex, ''));
	const zone = failureTimeZone(this.getNodeParameter('options.failureTimeZone', itemIndex, ''), this.getTimezone());
	const perService = await runPool(serviceIds, SERVICE_CONCURRENCY, async (serviceId) => {
		const answer = await client.request<{ nonAttemptedManualCalls?: RawNonAttemptedCall[] } | undefined>(
			nonAttemptedCallsRequest(serviceId),
		);
		return (answer?.nonAttemptedManualCalls ?? []).map((call) => shapeNonAttemptedCall(serviceId, call, zone));
	});
	return perService.flat();
}
