import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInput, toId } from '../../../shared/input';
import type { OutputRow } from '../../../shared/runPerItem';
import type { ElementAnswer, VccLiveClient } from '../../transport';
import { projectIdField, projectNotFoundHint, readProjectId } from '../commonFields';

const properties: INodeProperties[] = [
	...projectIdField('The project whose quota limits to set'),
	{
		displayName: 'Quotas',
		name: 'quotas',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add quota',
		default: {},
		description: 'The quotas to set, by their IDs ("quotaid", as Get Quota Limits puts them out), each with its new limit',
		options: [
			{
				displayName: 'Quota',
				name: 'quota',
				values: [
					{ displayName: 'Quota ID', name: 'quotaId', type: 'string', default: '', placeholder: 'e.g. 214001', description: 'The quota’s ID ("quotaid")' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. 15', description: 'The quota’s new limit, a whole number' },
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['project'], operation: ['modifyQuotas'] } }, properties);

/** One quota to set, as the body's element: `{quotaid, value}`. */
export interface QuotaSetting extends IDataObject {
	quotaid: number;
	value: number;
}

/** The item's Quotas as the body's elements; none, a bad number or a quota given twice stops the item before any request. */
export function readQuotaSettings(entries: Array<{ quotaId?: unknown; value?: unknown }>): QuotaSetting[] {
	if (entries.length === 0) throw new InvalidInput('Quotas is empty', 'Add at least one quota, with its Quota ID and its new Value.');
	const settings: QuotaSetting[] = [];
	entries.forEach((entry, index) => {
		const where = `Quota ${index + 1}`;
		const quotaid = toId(entry.quotaId, `${where}: Quota ID`, 'Enter the quota’s ID as digits, as Project → Get Quota Limits puts it out ("quotaid"), for example 214001.');
		const value = toId(entry.value, `${where}: Value`, 'Enter the quota’s new limit as a whole number of 0 or more, for example 15.');
		if (settings.some((setting) => setting.quotaid === quotaid)) {
			throw new InvalidInput(`Quota ID ${quotaid} is given twice`, 'Give each quota once: VCC Live would set them one after the other.');
		}
		settings.push({ quotaid, value });
	});
	return settings;
}

/**
 * Each quota's outcome, read from the answer: `response` marks the index of each quota set
 * with true ({"0": true, "2": true}), and each quota not set has an error with its index.
 */
export function quotaOutcomes(settings: QuotaSetting[], answer: ElementAnswer): IDataObject[] {
	const marks = typeof answer.response === 'object' && answer.response !== null ? (answer.response as Record<string, unknown>) : {};
	return settings.map((setting, index) => {
		const failed = answer.elementErrors.find((error) => error.index === index);
		if (failed) return { ...setting, set: false, error: failed.code, errorcode: failed.errorcode ?? null };
		if (marks[String(index)] === true) return { ...setting, set: true, error: null, errorcode: null };
		return { ...setting, set: false, error: 'VCC Live’s answer does not say this quota was set: check it with Project → Get Quota Limits', errorcode: null };
	});
}

/**
 * POST /v2/projects/[projectid]/quotas ("Modify quota limits"): the quotas' new limits, sent
 * as the page's example sends them, a bare array of `{quotaid, value}` (its table names a
 * `quotas` key instead: docs/VCC-LIVE-API.md). VCC Live sets each one on its own, so the
 * answer may be a partial success: one item per quota says whether it was set, with VCC
 * Live's error for one that was not. A write, never sent twice.
 */
export async function execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]> {
	const projectId = readProjectId(this, itemIndex);
	const settings = readQuotaSettings((this.getNodeParameter('quotas.quota', itemIndex, []) as Array<{ quotaId?: unknown; value?: unknown }>) ?? []);
	const answer = await client.requestElements(
		{
			method: 'POST',
			path: `/v2/projects/${projectId}/quotas`,
			body: settings,
			kind: 'write',
			expect: 'json',
			hints: { 404: projectNotFoundHint(projectId) },
			checkAfterUnknownOutcome: `Get the quota limits of project ${projectId} (Project → Get Quota Limits) and compare their values`,
		},
		settings.length,
	);
	const outcomes = quotaOutcomes(settings, answer);
	const notSet = outcomes.filter((outcome) => outcome.set !== true).length;
	if (notSet > 0) {
		this.addExecutionHints({
			message: `${notSet} of ${outcomes.length} quotas of project ${projectId} were not set: see "set" and "error" in the output`,
			location: 'outputPane',
			type: 'warning',
		});
	}
	return outcomes.map((outcome) => ({ projectid: projectId, ...outcome }));
}
