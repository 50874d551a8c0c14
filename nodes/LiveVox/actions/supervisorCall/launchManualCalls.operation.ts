import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { LiveVoxClient } from '../../transport';
import { serviceSelection } from '../service/common';
import { allowOtherFormatsOption, callEntryFields, phoneNumberField } from './callFields';
import type { PlannedCall } from './launchPlan';
import { batchesOf, describeItems, readLaunchPlan } from './launchPlan';
import { launchPath, supervisorHints } from './supervisorRequests';

const DEFAULT_BATCH_SIZE = 100;

const properties: INodeProperties[] = [
	...serviceSelection,
	phoneNumberField('The number to dial; one call per input item'),
	callEntryFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			allowOtherFormatsOption,
			{
				displayName: 'Allow Duplicate Numbers',
				name: 'allowDuplicateNumbers',
				type: 'boolean',
				default: false,
				description:
					'Whether the same number may be launched twice on one service in one run; duplicates are then flagged with duplicateOfItem instead of refused',
			},
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_BATCH_SIZE,
				description: 'Call entries sent per request; the items are sent in batches of this size, one batch after the other',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['supervisorCall'], operation: ['launchManualCalls'] } },
	properties,
);

function readBatchSize(context: IExecuteFunctions): number {
	const batchSize = context.getNodeParameter('options.batchSize', 0, DEFAULT_BATCH_SIZE) as number;
	if (!Number.isInteger(batchSize) || batchSize < 1) {
		throw new NodeOperationError(context.getNode(), `Batch Size must be a whole number of at least 1, got ${batchSize}`, {
			description: `Set Batch Size to 1 or more (default ${DEFAULT_BATCH_SIZE}).`,
		});
	}
	return batchSize;
}

const submitted = (call: PlannedCall, batch: number): IDataObject => ({
	serviceId: call.serviceId,
	status: 'submitted',
	batch,
	callEntry: call.callEntry,
	...(call.duplicateOfItem !== undefined && { duplicateOfItem: call.duplicateOfItem }),
});

/**
 * One call entry per input item, sent in batches per service, one batch at a time. A batch
 * is never sent twice: when its answer is lost the outcome is reported as unknown and the
 * launch stops, so the person is not dialed twice; later batches are not sent.
 */
export async function executeAll(this: IExecuteFunctions, client: LiveVoxClient): Promise<INodeExecutionData[]> {
	const batchSize = readBatchSize(this);
	const { calls, invalid } = readLaunchPlan(this);
	const results = new Map<number, IDataObject>();
	for (const [itemIndex, error] of invalid) {
		results.set(itemIndex, { error: error.message, description: error.description ?? undefined, status: 'invalid' });
	}
	const batches = batchesOf(calls, batchSize);
	for (const [batchIndex, batch] of batches.entries()) {
		const serviceId = batch[0].serviceId;
		try {
			await client.request({
				method: 'POST',
				path: launchPath(serviceId),
				body: { callEntry: batch.map((call) => call.callEntry) },
				kind: 'write',
				hints: {
					...supervisorHints,
					400: 'LiveVox launches manual calls only on services with an automated queuer (manual, HCI and preview services refuse them). Check the Service and the call fields.',
				},
				checkAfterUnknownOutcome: `Check Get Non-Attempted Manual Calls and Get Queue Stats of service ${serviceId} to see whether these calls were queued`,
			});
		} catch (caught) {
			const error = caught as Error & { description?: string; httpCode?: string };
			const status = Number(error.httpCode) >= 400 && Number(error.httpCode) < 500 ? 'rejected' : 'unknown';
			const before = batches.slice(0, batchIndex).flat().map((call) => call.itemIndex);
			const after = batches.slice(batchIndex + 1).flat();
			const notice = `Batch ${batchIndex + 1} of ${batches.length} (${describeItems(batch.map((call) => call.itemIndex))}) ${status === 'unknown' ? 'may have been launched' : 'was refused'}. Launched before it: ${describeItems(before)}. Not sent: ${describeItems(after.map((call) => call.itemIndex))}.`;
			error.description = [error.description, notice].filter(Boolean).join(' ');
			if (!this.continueOnFail()) throw error;
			for (const call of batch) {
				results.set(call.itemIndex, { ...submitted(call, batchIndex + 1), status, error: error.message, description: error.description });
			}
			for (const call of after) {
				results.set(call.itemIndex, {
					serviceId: call.serviceId,
					status: 'notSent',
					callEntry: call.callEntry,
					error: 'Not sent: an earlier batch of this launch failed',
				});
			}
			break;
		}
		for (const call of batch) results.set(call.itemIndex, submitted(call, batchIndex + 1));
	}
	return [...results.entries()]
		.sort(([a], [b]) => a - b)
		.map(([itemIndex, json]) => ({ json, pairedItem: { item: itemIndex } }));
}
