import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { chunk } from '../../../shared/chunks';
import { InvalidInput } from '../../../shared/input';
import { readServiceId } from '../service/common';
import { readCallEntry } from './callFields';

/** One valid input item of a launch: where it goes and the call entry it becomes. */
export interface PlannedCall {
	itemIndex: number;
	serviceId: number;
	callEntry: IDataObject;
	/** With "Allow Duplicate Numbers": the earlier item with the same number on the same service. */
	duplicateOfItem?: number;
}

export interface LaunchPlan {
	calls: PlannedCall[];
	/** Items at fault, by item index (only with Continue On Fail; otherwise the first one is thrown). */
	invalid: Map<number, NodeOperationError>;
}

export function itemError(context: IExecuteFunctions, caught: unknown, itemIndex: number): Error {
	return caught instanceof InvalidInput
		? new NodeOperationError(context.getNode(), caught.message, { itemIndex, description: caught.hint })
		: (caught as Error);
}

/**
 * Reads every item before anything is sent, so bad input stops the launch before a single
 * call is dialed. The same number twice on one service would ring one person twice: the
 * later item is refused unless "Allow Duplicate Numbers" is on, and then flagged.
 */
export function readLaunchPlan(context: IExecuteFunctions): LaunchPlan {
	const allowDuplicates = context.getNodeParameter('options.allowDuplicateNumbers', 0, false) as boolean;
	const calls: PlannedCall[] = [];
	const invalid = new Map<number, NodeOperationError>();
	const firstItemByNumber = new Map<string, number>();
	const itemCount = context.getInputData().length;
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const serviceId = readServiceId(context, itemIndex);
			const callEntry = readCallEntry(context, itemIndex);
			const numberKey = `${serviceId}|${String(callEntry.phoneNumber)}`;
			const firstItem = firstItemByNumber.get(numberKey);
			if (firstItem !== undefined && !allowDuplicates) {
				throw new InvalidInput(
					`Phone number ${String(callEntry.phoneNumber)} is already in this launch (item ${firstItem})`,
					'Each number is dialed once per launch: remove the duplicate item, or turn on the option "Allow Duplicate Numbers" to call it twice.',
				);
			}
			if (firstItem === undefined) firstItemByNumber.set(numberKey, itemIndex);
			calls.push({ itemIndex, serviceId, callEntry, ...(firstItem !== undefined && { duplicateOfItem: firstItem }) });
		} catch (caught) {
			const error = itemError(context, caught, itemIndex);
			if (!context.continueOnFail()) throw error;
			invalid.set(itemIndex, error as NodeOperationError);
		}
	}
	if (calls.length === 0 && invalid.size === 0) {
		throw new NodeOperationError(context.getNode(), 'There are no calls to launch', {
			description: 'Launch Manual Calls makes one call per input item, and no item came in.',
		});
	}
	return { calls, invalid };
}

/** The calls grouped by service (in order of first appearance) and cut into batches. */
export function batchesOf(calls: readonly PlannedCall[], batchSize: number): PlannedCall[][] {
	const byService = new Map<number, PlannedCall[]>();
	for (const call of calls) {
		const group = byService.get(call.serviceId) ?? [];
		group.push(call);
		byService.set(call.serviceId, group);
	}
	return [...byService.values()].flatMap((group) => chunk(group, batchSize));
}

/** "items 0–99, 150" for an error's description. */
export function describeItems(itemIndexes: readonly number[]): string {
	if (itemIndexes.length === 0) return 'none';
	const sorted = [...itemIndexes].sort((a, b) => a - b);
	const ranges: string[] = [];
	let start = sorted[0];
	let previous = start;
	for (const index of [...sorted.slice(1), Number.NaN]) {
		if (index === previous + 1) {
			previous = index;
			continue;
		}
		ranges.push(start === previous ? `${start}` : `${start}–${previous}`);
		start = index;
		previous = index;
	}
	return `item${sorted.length > 1 ? 's' : ''} ${ranges.join(', ')}`;
}
