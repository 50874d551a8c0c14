import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readDateTime } from '../../../shared/dateInput';
import { limitField, readLimit, returnAllField } from '../../../shared/listFields';
import { optionsCollection } from '../../../shared/operationOptions';
import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { pastOrToday, pathDay } from '../../vccLiveInput';
import { projectIdField, readProjectId } from '../commonFields';
import { collectByStartNum, rowsOf } from './startNumPages';

/** Emails asked for per request; VCC Live documents neither a default nor a maximum of `num`. */
export const EMAIL_PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	...projectIdField('The project whose emails to list'),
	{
		displayName: 'Month',
		name: 'month',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Any day of the month whose emails to list, in the workflow’s time zone; this month or earlier',
	},
	returnAllField,
	limitField,
	optionsCollection([
		{
			displayName: 'Order',
			name: 'direction',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 'ASC' },
				{ name: 'Descending', value: 'DESC' },
			],
			default: 'ASC',
			description: 'The order VCC Live lists the emails in ("direction")',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['statistic'], operation: ['getEmailLog'] } }, properties);

/** GET /v2/projects/[projectid]/emails/[year]/[month]: the month's emails of a project, one item per email. */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const projectId = readProjectId(this, itemIndex);
	const picked = readDateTime(this.getNodeParameter('month', itemIndex), { label: 'Month', zone: this.getTimezone() });
	const first = pastOrToday(picked.startOf('month'), DateTime.now(), 'Month');
	const limit = readLimit(this, itemIndex);
	const direction = (this.getNodeParameter('options.direction', itemIndex, '') as string) || undefined;
	const { year, month } = pathDay(first);
	const path = `/v2/projects/${projectId}/emails/${year}/${month}`;
	const fetchPage = async (start: number, num: number): Promise<IDataObject[]> =>
		rowsOf(
			await client.request({
				method: 'GET',
				path,
				qs: { start, num, ...(direction === undefined ? {} : { direction }) },
				kind: 'read',
				expect: 'json',
				hints: { 404: `Check the Project ID (${projectId}): VCC Live found no emails resource for it.` },
			}),
		);
	// No cap on num is documented: only an empty page ends the list, so a smaller cap loses nothing.
	return await collectByStartNum(fetchPage, { pageSize: EMAIL_PAGE_SIZE, limit, lastWhenShort: false });
}
