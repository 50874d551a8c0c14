import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toId } from '../../../shared/input';
import type { LiveVoxClient } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Call Center ID',
		name: 'callCenterId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 433',
		required: true,
		description: 'The call center whose list of services to describe',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['getListInfo'] } },
	properties,
);

/**
 * How many services a call center has (those your user may see) and when the list last
 * changed. LiveVox answers 0, not an error, when your user may see none of them.
 */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject> {
	const callCenterId = toId(this.getNodeParameter('callCenterId', itemIndex), 'Call Center ID');
	const answer = await client.request<{ size: number; lastModified?: number }>({
		method: 'GET',
		path: '/configuration/services/info',
		qs: { callCenter: callCenterId },
		kind: 'read',
	});
	return {
		callCenterId,
		...answer,
		...(typeof answer?.lastModified === 'number'
			? { lastModifiedIso: new Date(answer.lastModified).toISOString() }
			: {}),
	};
}
