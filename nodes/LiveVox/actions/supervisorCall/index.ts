import type { INodeProperties } from 'n8n-workflow';

import { operationOptions } from '../../../shared/operationOptions';
import type { LiveVoxAllItemsOperation, LiveVoxOperation } from '../types';
import * as getNonAttemptedCalls from './getNonAttemptedCalls.operation';
import * as getQueueStats from './getQueueStats.operation';
import * as launchManualCalls from './launchManualCalls.operation';
import * as scheduleCallback from './scheduleCallback.operation';

/** The four supervisor calls of LiveVox's Call Control API. */
export const supervisorCallOperations: Record<string, LiveVoxOperation | LiveVoxAllItemsOperation> = {
	getNonAttemptedCalls,
	getQueueStats,
	launchManualCalls,
	scheduleCallback,
};

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['supervisorCall'] } },
	options: operationOptions([
		{ name: 'Get Non-Attempted Manual Calls', value: 'getNonAttemptedCalls', does: 'get the manual calls that were not dialed', description: 'List the launched calls LiveVox did not dial, with the reason' },
		{ name: 'Get Queue Stats', value: 'getQueueStats', does: 'get the queue stats of services', description: 'Get a snapshot of the ACD queue of one or more services' },
		{ name: 'Launch Manual Calls', value: 'launchManualCalls', does: 'launch one call per input item', description: 'Launch one call per input item on a service, in batches' },
		{ name: 'Schedule Callback', value: 'scheduleCallback', does: 'schedule a callback', description: 'Schedule a callback at a date and time, or as soon as possible' },
	]),
	default: 'getQueueStats',
};

export const supervisorCallDescription: INodeProperties[] = [
	operationField,
	...Object.values(supervisorCallOperations).flatMap((operation) => operation.description),
];
