import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ApioClient } from '../../transport';
import { callCenterSelection, readCallCenter, reportingSettingsPath } from './common';
import { mergeSettings, readSettingsChanges, settingsFields } from './reportingSettings';

// Reads the current settings first (a read), then changes them (a write, never repeated once sent).
const properties: INodeProperties[] = [
	...callCenterSelection,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: settingsFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callCenter'], operation: ['updateReportingSettings'] } },
	properties,
);

const isFilledObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;

/**
 * Changes the statistics reporting of a call center: reads the current settings, sends them
 * with the fields added here on top, and gives the settings APIO answers with.
 */
export async function execute(
	this: IExecuteFunctions,
	client: ApioClient,
	itemIndex: number,
): Promise<IDataObject> {
	const address = readCallCenter(this, itemIndex);
	const changes = readSettingsChanges(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	const path = reportingSettingsPath(address);
	const current = await client.request<IDataObject>({ method: 'GET', path, kind: 'read' });
	const merged = mergeSettings(current, changes);
	const answer = await client.request<unknown>({
		method: 'PUT',
		path,
		body: merged,
		kind: 'write',
		checkAfterUnknownOutcome: 'Get the statistics reporting settings of the call center and compare them',
	});
	// APIO documents the answer as "similar to GET"; should it come back empty, what was sent stands in.
	const settings = isFilledObject(answer)
		? answer
		: { ...merged, ...(current?.statisticsSource !== undefined ? { statisticsSource: current.statisticsSource } : {}) };
	return { ...address, ...settings };
}
