import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OutputRow } from '../../../shared/runPerItem';
import type { VccLiveClient } from '../../transport';
import { asObject, readRecordAddress, recordIdFields, recordNotFoundHint } from './recordFields';

const properties: INodeProperties[] = [...recordIdFields];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['get'] } }, properties);

/**
 * One record with its custom data, contacts, dispositions ("events") and CDRs, as VCC Live
 * answers GET /v2/projects/[projectid]/records/[numberid]; one item, led by the two IDs.
 */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const address = readRecordAddress(this, itemIndex);
	const response = await client.request({
		method: 'GET',
		path: address.path,
		kind: 'read',
		expect: 'json',
		hints: { 404: recordNotFoundHint(address) },
	});
	return [{ projectid: address.projectId, numberid: address.recordId, ...asObject(response) }];
}
