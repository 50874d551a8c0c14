import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';
import { readLimit } from '../../../shared/listFields';

export { limitField, returnAllField } from '../../../shared/listFields';

/** LiveVox's hard cap of entries per page. */
export const MAX_PAGE_SIZE = 1000;

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
	const pageSize = context.getNodeParameter('options.pageSize', itemIndex, MAX_PAGE_SIZE) as number;
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
		throw new InvalidInput(
			`Page Size must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`,
			`LiveVox caps a page at ${MAX_PAGE_SIZE} services. Set Page Size to ${MAX_PAGE_SIZE} or less; Limit may still be any number.`,
		);
	}
	const limit = readLimit(context, itemIndex);
	return limit === undefined ? { pageSize } : { limit, pageSize };
}
