import type { INodeProperties } from 'n8n-workflow';

import { operationOptions } from '../../../shared/operationOptions';
import type { VccLiveOperation } from '../types';
import * as addDisposition from './addDisposition.operation';
import * as get from './get.operation';

/** The Database API's record resources (docs/VCC-LIVE-API.md). */
export const recordOperations: Record<string, VccLiveOperation> = {
	addDisposition,
	get,
};

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['record'] } },
	options: operationOptions([
		{ name: 'Add Disposition', value: 'addDisposition', does: 'add a disposition to a record', description: 'Set a disposition on a record, as a supervisor would' },
		{ name: 'Get', value: 'get', does: 'get a record with its CDRs and dispositions', description: 'A record’s custom data, contacts, dispositions and CDRs' },
	]),
	default: 'get',
};

export const recordDescription: INodeProperties[] = [
	operationField,
	...Object.values(recordOperations).flatMap((operation) => operation.description),
];
