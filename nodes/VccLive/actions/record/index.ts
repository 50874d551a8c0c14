import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/operationOptions';
import type { VccLiveOperation } from '../types';
import * as add from './add.operation';
import * as addDisposition from './addDisposition.operation';
import * as batchDisposition from './batchDisposition.operation';
import * as batchModify from './batchModify.operation';
import * as get from './get.operation';
import * as modify from './modify.operation';
import * as modifyContact from './modifyContact.operation';

/** The Database API's record resources (docs/VCC-LIVE-API.md). */
export const recordOperations: Record<string, VccLiveOperation> = {
	add,
	addDisposition,
	batchDisposition,
	batchModify,
	get,
	modify,
	modifyContact,
};

export const recordDescription: INodeProperties[] = resourceDescription(
	'record',
	recordOperations,
	[
		{ name: 'Add', value: 'add', does: 'add a record to a project', description: 'A new record in a project’s database, with its custom data' },
		{ name: 'Add Disposition', value: 'addDisposition', does: 'add a disposition to a record', description: 'Set a disposition on a record, as a supervisor would' },
		{ name: 'Batch Disposition', value: 'batchDisposition', does: 'set a disposition on many records', description: 'Set one disposition on several records of a project in one request' },
		{ name: 'Batch Modify', value: 'batchModify', does: 'set fields on many records', description: 'Set the same custom data on several records of a project in one request' },
		{ name: 'Get', value: 'get', does: 'get a record with its CDRs and dispositions', description: 'A record’s custom data, contacts, dispositions and CDRs' },
		{ name: 'Modify', value: 'modify', does: 'modify a record’s custom data', description: 'Set fields of one record’s custom data, and which of its phones is called next' },
		{ name: 'Modify Contact', value: 'modifyContact', does: 'modify a contact of a record', description: 'Set the name, phone, email or title of one of a record’s contacts' },
	],
	'get',
);
