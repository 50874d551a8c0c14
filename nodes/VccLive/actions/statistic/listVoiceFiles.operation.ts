import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readDateTime } from '../../../shared/dateInput';
import { limitField, readLimit, returnAllField } from '../../../shared/listFields';
import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { pastOrToday, pathDay } from '../../vccLiveInput';
import { collectByLastUuid } from './lastUuidPages';

const properties: INodeProperties[] = [
	{
		displayName: 'Month',
		name: 'month',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Any day of the month whose downloadable voice files to list, in the workflow’s time zone; this month or earlier',
	},
	returnAllField,
	limitField,
];

export const description = updateDisplayOptions({ show: { resource: ['statistic'], operation: ['listVoiceFiles'] } }, properties);

/** GET /v2/voicefiles/[year]/[month]?lastUuid=: the month's downloadable voice files, 10 per answer, one item each. */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const picked = readDateTime(this.getNodeParameter('month', itemIndex), { label: 'Month', zone: this.getTimezone() });
	const first = pastOrToday(picked.startOf('month'), DateTime.now(), 'Month');
	const limit = readLimit(this, itemIndex);
	const { year, month } = pathDay(first);
	const fetchPage = async (lastUuid: string | undefined): Promise<IDataObject[]> => {
		const response = await client.request({
			method: 'GET',
			path: `/v2/voicefiles/${year}/${month}`,
			// "Uuid needs to be empty at first request."
			qs: { lastUuid: lastUuid ?? '' },
			kind: 'read',
			expect: 'json',
		});
		return Array.isArray(response) ? response.filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null) : [];
	};
	return await collectByLastUuid(fetchPage, limit);
}
