import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';

import type { RawNonAttemptedCall } from '../LiveVox/actions/supervisorCall/nonAttemptedCall';
import { nonAttemptedCallKey, shapeNonAttemptedCall } from '../LiveVox/actions/supervisorCall/nonAttemptedCall';
import { nonAttemptedCallsRequest, SERVICE_CONCURRENCY } from '../LiveVox/actions/supervisorCall/supervisorRequests';
import type { LiveVoxClient } from '../LiveVox/transport';
import { runPool } from '../shared/pool';
import type { SeenKeys } from '../shared/seenKeys';
import { rememberKeys } from '../shared/seenKeys';

/** Failures remembered at most: beyond it the ones LiveVox stopped listing longest ago go first. */
export const MAX_REMEMBERED_FAILURES = 10_000;
/** A failure LiveVox has not listed for this long is forgotten. */
export const FAILURE_MEMORY_MS = 7 * 24 * 60 * 60 * 1000;

export const includeExistingOption: INodeProperties = {
	displayName: 'Include Calls Already Listed',
	name: 'includeExisting',
	type: 'boolean',
	default: false,
	description:
		'Whether the first poll of a service also emits the calls LiveVox already lists; by default they are only remembered, and only later failures fire',
};

export interface FailureMemory {
	failures: SeenKeys;
	/** Services whose list was read before: their calls not yet remembered are new. */
	watchedServices: number[];
}

export interface FailurePoll {
	events: IDataObject[];
	/** Every call listed now: a manual run's sample. */
	current: IDataObject[];
	memory: FailureMemory;
}

/**
 * Lists the non-attempted calls of each service and emits those not remembered from an
 * earlier poll, each exactly once. A service polled for the first time sets the baseline.
 */
export async function pollNonAttemptedCalls(
	context: IPollFunctions,
	client: LiveVoxClient,
	serviceIds: number[],
	previous: FailureMemory,
	zone: string,
	nowMs: number,
): Promise<FailurePoll> {
	const includeExisting = context.getNodeParameter('options.includeExisting', false) as boolean;
	const lists = await runPool(serviceIds, SERVICE_CONCURRENCY, async (serviceId) => {
		const answer = await client.request<{ nonAttemptedManualCalls?: RawNonAttemptedCall[] } | undefined>(
			nonAttemptedCallsRequest(serviceId),
		);
		return answer?.nonAttemptedManualCalls ?? [];
	});
	const listed = serviceIds.flatMap((serviceId, index) =>
		lists[index].map((call) => ({ serviceId, key: nonAttemptedCallKey(serviceId, call), call })),
	);
	const { fresh, memory } = rememberKeys(
		previous.failures,
		listed.map((entry) => entry.key),
		nowMs,
		{ maxKeys: MAX_REMEMBERED_FAILURES, maxAgeMs: FAILURE_MEMORY_MS },
	);
	const freshKeys = new Set(fresh);
	const watched = new Set(previous.watchedServices);
	const events: IDataObject[] = [];
	for (const entry of listed) {
		if (!freshKeys.delete(entry.key)) continue;
		if (watched.has(entry.serviceId) || includeExisting) {
			events.push(shapeNonAttemptedCall(entry.serviceId, entry.call, zone));
		}
	}
	return {
		events,
		current: listed.map((entry) => shapeNonAttemptedCall(entry.serviceId, entry.call, zone)),
		memory: { failures: memory, watchedServices: serviceIds },
	};
}
