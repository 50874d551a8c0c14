import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LiveVoxClient } from '../../transport';
import { readServiceId, serviceNotFound, serviceSelection } from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['getMessaging'] } },
	serviceSelection,
);

interface MessagingAnswer {
	property?: Array<{ key: string; value: unknown }>;
	defaultInputFilterId?: number;
}

/**
 * The Messaging tab of a service. LiveVox answers key/value pairs; `properties` adds them
 * as one object (template_id, preview_template_id, ...) so the next node can use them by name.
 */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject> {
	const serviceId = readServiceId(this, itemIndex);
	const answer = await client.request<MessagingAnswer>({
		method: 'GET',
		path: `/configuration/services/${serviceId}/messaging`,
		kind: 'read',
		hints: serviceNotFound,
	});
	const pairs = answer?.property ?? [];
	return {
		serviceId,
		...answer,
		properties: Object.fromEntries(pairs.map(({ key, value }) => [key, value])),
	} as IDataObject;
}
