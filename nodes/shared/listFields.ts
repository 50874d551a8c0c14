import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInput } from './input';

/** Return All and Limit, the same on every list of every node. */
export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** The limit the item asks for: undefined with Return All; checked before anything is sent. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	if (!Number.isInteger(limit) || limit < 1) {
		throw new InvalidInput(`Limit must be a whole number of at least 1, got ${limit}`, 'Set Limit to 1 or more, or turn on Return All.');
	}
	return limit;
}
