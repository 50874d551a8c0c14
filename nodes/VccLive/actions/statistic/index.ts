import type { INodeProperties } from 'n8n-workflow';

import { operationOptions } from '../../../shared/operationOptions';
import type { VccLiveOperation } from '../types';
import * as getInbound from './getInbound.operation';

/** VCC Live's statistics calls; the seed documents the inbound one. */
export const statisticOperations: Record<string, VccLiveOperation> = {
	getInbound,
};

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['statistic'] } },
	options: operationOptions([
		{ name: 'Get Inbound', value: 'getInbound', does: 'get inbound statistics of a period', description: 'Inbound call statistics per project, queue and/or day, for any period' },
	]),
	default: 'getInbound',
};

export const statisticDescription: INodeProperties[] = [
	operationField,
	...Object.values(statisticOperations).flatMap((operation) => operation.description),
];
