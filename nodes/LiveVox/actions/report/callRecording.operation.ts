import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LiveVoxClient } from '../../transport';
import { sharedReportFields } from './reportFields';
import type { ReportSpec } from './reportPlan';
import { listUnder, runRowReport } from './rowReport';

export const spec: ReportSpec = { path: '/reporting/standard/callRecording', maxDays: 31 };

const sortByField: INodeProperties = {
	displayName: 'Sort By',
	name: 'sortBy',
	type: 'options',
	options: [
		{ name: 'Agent', value: 'AGENT' },
		{ name: 'LiveVox Default', value: '' },
	],
	default: '',
	description:
	'How LiveVox sorts the recordings within each request. The documentation shows only AGENT; other values your tenant supports can be given with an expression.',
};

const properties: INodeProperties[] = [
	...sharedReportFields({ maxDays: 31, afterFilters: [sortByField] }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['callRecording'] } },
	properties,
);

/**
 * The Call Recording Report: one item per recording (the audio itself comes from the
 * Compliance API by session). De-duplicated by recordingId across windows and chunks.
 */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const sortBy = String(this.getNodeParameter('sortBy', itemIndex, '')).trim();
	return await runRowReport(this, client, itemIndex, spec, {
		body: sortBy === '' ? undefined : { sortBy },
		rowsOf: listUnder('callRecording'),
		keyOf: (row) => String(row.recordingId ?? JSON.stringify(row)),
		timeFields: ['transferConnect', 'transferEnd'],
	});
}
