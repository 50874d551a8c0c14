import type { INodeProperties } from 'n8n-workflow';

import { operationOptions } from '../../../shared/operationOptions';
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
	options: operationOptions([
		{ name: 'Account Lookup', value: 'accountLookup', does: 'get the calls of an account' },
		{ name: 'Agent Activity', value: 'agentActivity', does: 'get the activity of agents per day' },
		{ name: 'Agent Summary', value: 'agentSummary', does: 'get a summary per agent' },
		{ name: 'Call Event Recovery', value: 'callDetails', does: 'get call events of a period', description: 'The Call Event Feed for events older than 24 hours' },
		{ name: 'Call Recording', value: 'callRecording', does: 'get the call recordings of a period' },
		{ name: 'Phone Lookup', value: 'phoneLookup', does: 'get the calls to phone numbers' },
		{ name: 'Real Time Report', value: 'realTimeReport', does: 'get call outcomes and charges of a period' },
		{ name: 'Service Efficiency', value: 'serviceEfficiency', does: 'get the efficiency of services' },
	]),
	default: 'agentSummary',
};

export const reportDescription: INodeProperties[] = [
	operationField,
	...Object.values(reportOperations).flatMap((operation) => operation.description),
];
