import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';

/** LiveVox's hard cap of entries per page. */
export const MAX_PAGE_SIZE = 1000;

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

export const pageSizeOption: INodeProperties = {
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: MAX_PAGE_SIZE,
	description: `Services asked for per request; LiveVox allows at most ${MAX_PAGE_SIZE}`,
};

export interface Paging {
	/** Undefined with Return All. */
	limit?: number;
	pageSize: number;
}

/** Return All / Limit and the Page Size option of a list, checked before anything is sent. */
export function readPaging(context: IExecuteFunctions, itemIndex: number): Paging {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const pageSize = context.getNodeParameter('options.pageSize', itemIndex, MAX_PAGE_SIZE) as number;
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
		throw new InvalidInput(
			`Page Size must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`,
			`LiveVox caps a page at ${MAX_PAGE_SIZE} services. Set Page Size to ${MAX_PAGE_SIZE} or less; Limit may still be any number.`,
		);
	}
	if (returnAll) return { pageSize };
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	if (!Number.isInteger(limit) || limit < 1) {
		throw new InvalidInput(`Limit must be a whole number of at least 1, got ${limit}`, 'Set Limit to 1 or more, or turn on Return All.');
	}
	return { limit, pageSize };
}
