import { DateTime } from 'luxon';
import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { failureTimeZone, failureTimeZoneOption } from '../LiveVox/actions/supervisorCall/nonAttemptedCall';
import { readServiceList, serviceListFields } from '../LiveVox/actions/supervisorCall/serviceList';
import { getServices } from '../LiveVox/methods/serviceOptions';
import { liveVoxClient } from '../LiveVox/transport';
import type { InvalidInput } from '../shared/input';
import type { SeenKeys } from '../shared/seenKeys';
import { optionSubtitle } from '../shared/subtitle';
import { includeExistingOption, pollNonAttemptedCalls } from './nonAttemptedCalls';
import type { QueueSides } from './queueThreshold';
import { pollQueueThresholds, queueThresholdFields } from './queueThreshold';

/** What the trigger keeps in the workflow's static data between polls; every part is bounded. */
interface TriggerState extends IDataObject {
	/** Queue threshold: the side of each current service × threshold. */
	queueSides?: QueueSides;
	/** Non-attempted calls: the recent failures already handled, and the services already read. */
	failures?: SeenKeys;
	watchedServices?: number[];
}

/** A manual run shows at most this many calls: a sample to build the flow with. */
const SAMPLE_SIZE = 10;

const properties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Queue Threshold',
				value: 'queueThreshold',
				description: 'A queue number of a service crosses a threshold (and, optionally, recovers)',
			},
			{
				name: 'New Non-Attempted Manual Call',
				value: 'nonAttemptedCall',
				description: 'A launched manual call was not dialed; each failure fires once',
			},
		],
		default: 'queueThreshold',
	},
	...serviceListFields,
	...queueThresholdFields.map((field) => ({
		...field,
		displayOptions: { show: { event: ['queueThreshold'] } },
	})),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { event: ['nonAttemptedCall'] } },
		options: [includeExistingOption, failureTimeZoneOption],
	},
];

export class LiveVoxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LiveVox Trigger',
		name: 'liveVoxTrigger',
		icon: { light: 'file:../../icons/livevox.svg', dark: 'file:../../icons/livevox.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: optionSubtitle(properties, 'event'),
		description: 'Starts the workflow when a LiveVox queue crosses a threshold or manual calls are not attempted',
		defaults: { name: 'LiveVox Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'liveVoxApi', required: true }],
		properties,
	};

	methods = { loadOptions: { getServices } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		let serviceIds: number[];
		let zone: string;
		try {
			serviceIds = readServiceList((name) => this.getNodeParameter(name, ''));
			zone = failureTimeZone(this.getNodeParameter('options.failureTimeZone', ''), this.getTimezone());
		} catch (caught) {
			// Both readers only throw InvalidInput: bad settings, found before any request.
			const invalid = caught as InvalidInput;
			throw new NodeOperationError(this.getNode(), invalid.message, { description: invalid.hint });
		}
		const client = await liveVoxClient(this);
		// A manual run ("Fetch Test Event") shows what the flow would get and does not even
		// open the memory, so it cannot use up an event the active workflow has yet to report.
		const manual = this.getMode() === 'manual';
		const state: TriggerState = manual ? {} : (this.getWorkflowStaticData('node') as TriggerState);
		let items: IDataObject[];
		if (event === 'queueThreshold') {
			const checkedAt = DateTime.now().setZone(this.getTimezone()).toISO() as string;
			const result = await pollQueueThresholds(this, client, serviceIds, state.queueSides ?? {}, checkedAt);
			if (manual) return toOutput(result.current);
			state.queueSides = result.sides;
			delete state.failures;
			delete state.watchedServices;
			items = result.events;
		} else {
			const previous = { failures: state.failures ?? {}, watchedServices: state.watchedServices ?? [] };
			const result = await pollNonAttemptedCalls(this, client, serviceIds, previous, zone, Date.now());
			if (manual) return toOutput(result.current.slice(-SAMPLE_SIZE));
			state.failures = result.memory.failures;
			state.watchedServices = result.memory.watchedServices;
			delete state.queueSides;
			items = result.events;
		}
		return toOutput(items);
	}
}

/** n8n starts no execution for a poll that returns null. */
function toOutput(items: IDataObject[]): INodeExecutionData[][] | null {
	return items.length === 0 ? null : [items.map((json) => ({ json }))];
}
