import type { INodeProperties } from 'n8n-workflow';

import { listedRows } from './reportRows';
import type { ReportSpec } from './runReport';
import { reportDescription, runReport } from './runReport';

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

/**
 * The Call Recording Report: one item per recording (the audio itself comes from the
 * Compliance API by session). De-duplicated by recordingId across windows and chunks.
 */
const spec: ReportSpec = {
	operation: 'callRecording',
	path: '/reporting/standard/callRecording',
	maxDays: 31,
	fields: { afterFilters: [sortByField] },
	body: (context, itemIndex) => {
		const sortBy = String(context.getNodeParameter('sortBy', itemIndex, '')).trim();
		return sortBy === '' ? undefined : { sortBy };
	},
	simplify: listedRows('callRecording', ['transferConnect', 'transferEnd']),
	dedupeKey: (row) => String(row.recordingId ?? JSON.stringify(row)),
};

export const description = reportDescription(spec);
export const execute = runReport(spec);
