import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/operationOptions';
import type { VccLiveOperation } from '../types';
import * as getCdr from './getCdr.operation';
import * as getCdrLog from './getCdrLog.operation';
import * as getEmailLog from './getEmailLog.operation';
import * as getInbound from './getInbound.operation';
import * as listVoiceFiles from './listVoiceFiles.operation';

/** VCC Live's statistics resources (docs/VCC-LIVE-API.md). */
export const statisticOperations: Record<string, VccLiveOperation> = {
	getCdr,
	getCdrLog,
	getEmailLog,
	getInbound,
	listVoiceFiles,
};

export const statisticDescription: INodeProperties[] = resourceDescription(
	'statistic',
	statisticOperations,
	[
		{ name: 'Get CDR', value: 'getCdr', does: 'get the CDR of a call', description: 'The call detail record of one call, by its UUID' },
		{ name: 'Get CDR Log', value: 'getCdrLog', does: 'get the CDRs of a day', description: 'The call detail records of one day, optionally of one project' },
		{ name: 'Get Email Log', value: 'getEmailLog', does: 'get the emails of a project in a month', description: 'The email messages of one project in one month' },
		{ name: 'Get Inbound', value: 'getInbound', does: 'get inbound statistics of a period', description: 'Inbound call statistics per project, queue and/or day, for any period' },
		{ name: 'List Voice Files', value: 'listVoiceFiles', does: 'list the voice files of a month', description: 'The downloadable voice files (call recordings) of one month' },
	],
	'getInbound',
);
