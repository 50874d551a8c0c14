import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ApioClient } from '../../transport';
import { callCenterSelection, readCallCenter, reportingSettingsPath } from './common';

export const description = updateDisplayOptions(
	{ show: { resource: ['callCenter'], operation: ['getReportingSettings'] } },
	callCenterSelection,
);

/** Whether a daily report is generated, the collection period, the report addresses and the statistics source. */
export async function execute(
	this: IExecuteFunctions,
	client: ApioClient,
	itemIndex: number,
): Promise<IDataObject> {
	const address = readCallCenter(this, itemIndex);
	const settings = await client.request<IDataObject>({
		method: 'GET',
		path: reportingSettingsPath(address),
		kind: 'read',
	});
	return { ...address, ...settings };
}
