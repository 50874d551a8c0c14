import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readDateTime } from '../../../shared/dateInput';
import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { callUuidOf, pathDay } from '../../vccLiveInput';

const properties: INodeProperties[] = [
	{
		displayName: 'Call UUID',
		name: 'uuid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. f1340322-bc5b-11e6-bca8-57db46f903da',
		description: 'The call’s unique identifier, as in a CDR or a webhook',
	},
	{
		displayName: 'Call Date',
		name: 'callDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the call took place (any day of its month will do): VCC Live files CDRs by year and month',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['statistic'], operation: ['getCdr'] } }, properties);

/** GET /v2/cdr/[year]/[month]/[uuid]: the CDR of one call, one item (one per CDR if VCC Live sends several). */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const uuid = callUuidOf(this.getNodeParameter('uuid', itemIndex));
	const { year, month } = pathDay(readDateTime(this.getNodeParameter('callDate', itemIndex), { label: 'Call Date', zone: this.getTimezone() }));
	const response = await client.request({
		method: 'GET',
		path: `/v2/cdr/${year}/${month}/${uuid}`,
		kind: 'read',
		expect: 'json',
		hints: {
			404: `VCC Live has no CDR of call ${uuid} in ${year}-${month}: check the UUID and the Call Date's month. CDRs are registered a few minutes after a call ends.`,
		},
	});
	const rows = Array.isArray(response) ? response : [response];
	return rows.filter((row): row is IDataObject => typeof row === 'object' && row !== null);
}
