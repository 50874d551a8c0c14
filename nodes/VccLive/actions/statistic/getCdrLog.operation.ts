import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readDateTime } from '../../../shared/dateInput';
import { limitField, readLimit, returnAllField } from '../../../shared/listFields';
import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { pastOrToday, pathDay } from '../../vccLiveInput';
import { projectIdField, readOptionalProjectId } from '../commonFields';
import { CDR_PAGE_SIZE, collectByStartNum, rowsOf } from './startNumPages';

const properties: INodeProperties[] = [
	{
		displayName: 'Day',
		name: 'day',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'The day whose calls to list, in the workflow’s time zone; today or earlier',
	},
	...projectIdField('Only the calls of this project; leave empty for all', false),
	returnAllField,
	limitField,
];

export const description = updateDisplayOptions({ show: { resource: ['statistic'], operation: ['getCdrLog'] } }, properties);

/**
 * GET /v2/cdrs/[year]/[month]/[day]: the call detail records of one day, a page of `num` at a
 * time from `start`, one item per CDR.
 */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const zone = this.getTimezone();
	const day = pastOrToday(readDateTime(this.getNodeParameter('day', itemIndex), { label: 'Day', zone }), DateTime.now(), 'Day');
	const projectid = readOptionalProjectId(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const { year, month, day: dayOfMonth } = pathDay(day);
	const path = `/v2/cdrs/${year}/${month}/${dayOfMonth}`;
	const fetchPage = async (start: number, num: number): Promise<IDataObject[]> =>
		rowsOf(
			await client.request({
				method: 'GET',
				path,
				qs: { ...(projectid === undefined ? {} : { projectid }), start, num },
				kind: 'read',
				expect: 'json',
			}),
		);
	// 10 at a time, the documented default: a page with fewer is the day's last.
	return await collectByStartNum(fetchPage, { pageSize: CDR_PAGE_SIZE, limit, lastWhenShort: true });
}
