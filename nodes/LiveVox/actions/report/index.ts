import type { INodeProperties } from 'n8n-workflow';

import type { LiveVoxAllItemsOperation, LiveVoxOperation } from '../types';
import * as accountLookup from './accountLookup.operation';
import * as agentActivity from './agentActivity.operation';
import * as agentSummary from './agentSummary.operation';
import * as callDetails from './callDetails.operation';
import * as callRecording from './callRecording.operation';
import * as phoneLookup from './phoneLookup.operation';
import * as realTimeReport from './realTimeReport.operation';
import * as serviceEfficiency from './serviceEfficiency.operation';

/** The eight standard reports of LiveVox's Reporting API. */
export const reportOperations: Record<string, LiveVoxOperation | LiveVoxAllItemsOperation> = {
	accountLookup,
	agentActivity,
	agentSummary,
	callDetails,
	callRecording,
	phoneLookup,
	realTimeReport,
	serviceEfficiency,
};

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['report'] } },
	options: [
		{ name: 'Account Lookup', value: 'accountLookup', action: 'Get the calls of an account' },
		{ name: 'Agent Activity', value: 'agentActivity', action: 'Get the activity of agents per day' },
		{ name: 'Agent Summary', value: 'agentSummary', action: 'Get a summary per agent' },
		{
			name: 'Call Event Recovery',
			value: 'callDetails',
			action: 'Get the call events of a period as CSV rows',
			description: 'The Call Event Feed for events older than 24 hours',
		},
		{ name: 'Call Recording', value: 'callRecording', action: 'Get the call recordings of a period' },
		{ name: 'Phone Lookup', value: 'phoneLookup', action: 'Get the calls to phone numbers' },
		{ name: 'Real Time Report', value: 'realTimeReport', action: 'Get call outcomes and charges of a period' },
		{ name: 'Service Efficiency', value: 'serviceEfficiency', action: 'Get the efficiency of services' },
	],
	default: 'agentSummary',
};

export const reportDescription: INodeProperties[] = [
	operationField,
	...Object.values(reportOperations).flatMap((operation) => operation.description),
];
