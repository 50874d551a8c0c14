import type { INodeProperties } from 'n8n-workflow';

import { operationOptions } from '../../../shared/operationOptions';
import type { NetaxisApioOperation } from '../types';
import * as getReportingSettings from './getReportingSettings.operation';
import * as getStatistics from './getStatistics.operation';
import * as updateReportingSettings from './updateReportingSettings.operation';

/** The three documented methods of APIO's call-center statistics. */
export const callCenterOperations: Record<string, NetaxisApioOperation> = {
	getStatistics,
	getReportingSettings,
	updateReportingSettings,
};

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['callCenter'] } },
	options: operationOptions([
		{ name: 'Get Statistics', value: 'getStatistics', does: 'get the queue and agent statistics of a call center' },
		{ name: 'Get Statistics Reporting Settings', value: 'getReportingSettings', does: 'get the statistics reporting settings of a call center' },
		{ name: 'Update Statistics Reporting Settings', value: 'updateReportingSettings', does: 'update the statistics reporting settings of a call center' },
	]),
	default: 'getStatistics',
};

export const callCenterDescription: INodeProperties[] = [
	operationField,
	...Object.values(callCenterOperations).flatMap((operation) => operation.description),
];
