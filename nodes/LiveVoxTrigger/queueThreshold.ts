import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { queueStatsRequest, SERVICE_CONCURRENCY } from '../LiveVox/actions/supervisorCall/supervisorRequests';
import type { LiveVoxClient } from '../LiveVox/transport';
import { runPool } from '../shared/pool';

/** The queue numbers a threshold can watch. */
const METRICS = [
	{ name: 'Available Agents', value: 'availableAgents' },
	{ name: 'Calls in Progress', value: 'callsInProgress' },
	{ name: 'Calls on Hold', value: 'callsOnHold' },
	{ name: 'Calls Waiting To Be Launched', value: 'callsToBeLaunched' },
] as const;

export const queueThresholdFields: INodeProperties[] = [
	{
		displayName: 'Thresholds',
		name: 'thresholds',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add threshold',
		default: { threshold: [{ metric: 'callsOnHold', condition: 'atOrAbove', value: 5 }] },
		description: 'Each threshold fires once when a service crosses it, and not again until it has recovered',
		options: [
			{
				displayName: 'Threshold',
				name: 'threshold',
				values: [
					{
						displayName: 'Queue Number',
						name: 'metric',
						type: 'options',
						options: [...METRICS],
						default: 'callsOnHold',
					},
					{
						displayName: 'Condition',
						name: 'condition',
						type: 'options',
						options: [
							{ name: 'At or Above', value: 'atOrAbove' },
							{ name: 'At or Below', value: 'atOrBelow' },
						],
						default: 'atOrAbove',
					},
					{ displayName: 'Value', name: 'value', type: 'number', typeOptions: { minValue: 0 }, default: 5 },
				],
			},
		],
	},
	{
		displayName:
			'Active, the workflow gets <code>thresholdCrossed</code> (and <code>thresholdRecovered</code>) events. <em>Fetch Test Event</em> shows the queue as it stands instead: <code>currentState</code> items marked <code>testEvent: true</code>, with <code>beyondThreshold</code>.',
		name: 'eventsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Notify on Recovery',
		name: 'notifyOnRecovery',
		type: 'boolean',
		default: false,
		description: 'Whether to fire again, once, when a crossed threshold is no longer crossed',
	},
];

interface Threshold {
	metric: string;
	condition: 'atOrAbove' | 'atOrBelow';
	value: number;
}

/** Per service and threshold, which side it was on at the last poll. */
export type QueueSides = Record<string, 'beyond' | 'within'>;

function readThresholds(context: IPollFunctions): Threshold[] {
	const raw = (context.getNodeParameter('thresholds.threshold', []) as IDataObject[]) ?? [];
	if (raw.length === 0) {
		throw new NodeOperationError(context.getNode(), 'No threshold is set', {
			description: 'Add at least one threshold: a queue number, a condition and a value.',
		});
	}
	return raw.map((entry) => {
		const value = Number(entry.value);
		const metric = String(entry.metric);
		if (!METRICS.some((known) => known.value === metric) || !Number.isFinite(value) || value < 0) {
			throw new NodeOperationError(context.getNode(), `The threshold "${metric} ${String(entry.value)}" is not valid`, {
				description: 'Pick a queue number and enter a value of 0 or more.',
			});
		}
		return { metric, condition: entry.condition === 'atOrBelow' ? 'atOrBelow' : 'atOrAbove', value };
	});
}

const sideKey = (serviceId: number, threshold: Threshold) =>
	`${serviceId}:${threshold.metric}:${threshold.condition}:${threshold.value}`;

/**
 * The event of a manual run's items ("Fetch Test Event"): the queue as it stands, marked
 * `testEvent: true`, neither a crossing nor a recovery (`beyondThreshold` says which side).
 */
export const CURRENT_STATE = 'currentState';

export interface QueuePoll {
	/** Items to emit: crossings (and recoveries, when asked for). */
	events: IDataObject[];
	/** Every service × threshold as it stands now, as current-state test items: a manual run's sample. */
	current: IDataObject[];
	/** The sides to remember, for the current services and thresholds only. */
	sides: QueueSides;
}

/**
 * Reads each service's queue and compares it with the thresholds. A threshold fires when a
 * service moves beyond it (or is beyond it at the first poll), and once more when it comes
 * back, if recoveries are wanted; the sides are remembered per service and threshold.
 */
export async function pollQueueThresholds(
	context: IPollFunctions,
	client: LiveVoxClient,
	serviceIds: number[],
	previous: QueueSides,
	checkedAt: string,
): Promise<QueuePoll> {
	const thresholds = readThresholds(context);
	const notifyOnRecovery = context.getNodeParameter('notifyOnRecovery', false) as boolean;
	const statsByService = await runPool(serviceIds, SERVICE_CONCURRENCY, async (serviceId) => {
		return (await client.request<IDataObject | undefined>(queueStatsRequest(serviceId))) ?? {};
	});
	const result: QueuePoll = { events: [], current: [], sides: {} };
	serviceIds.forEach((serviceId, index) => {
		const stats = statsByService[index];
		for (const threshold of thresholds) {
			const value = Number(stats[threshold.metric]);
			const beyond = threshold.condition === 'atOrAbove' ? value >= threshold.value : value <= threshold.value;
			const key = sideKey(serviceId, threshold);
			const event = {
				serviceId,
				metric: threshold.metric,
				condition: threshold.condition,
				threshold: threshold.value,
				value,
				...stats,
				checkedAt,
			};
			result.current.push({ event: CURRENT_STATE, testEvent: true, beyondThreshold: beyond, ...event });
			if (beyond && previous[key] !== 'beyond') {
				result.events.push({ event: 'thresholdCrossed', beyondThreshold: true, ...event });
			}
			if (!beyond && previous[key] === 'beyond' && notifyOnRecovery) {
				result.events.push({ event: 'thresholdRecovered', beyondThreshold: false, ...event });
			}
			result.sides[key] = beyond ? 'beyond' : 'within';
		}
	});
	return result;
}
