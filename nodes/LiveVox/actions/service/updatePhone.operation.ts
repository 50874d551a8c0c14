import type { INodeProperties } from 'n8n-workflow';

import { updateServiceTab } from './updateServiceTab';

const phone = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

const fields: INodeProperties[] = [
	phone('Agent Call-In Number', 'agentCallInNumber', 'The number an agent calls to connect to LiveVox in an Agent at Ready In service'),
	phone(
		'Callback Phone',
		'callbackPhone',
		"The callback number read to consumers in messages; for numbers owned by LiveVox, inbound calls to it go to this service's inbound service",
	),
	phone(
		'Default Caller ID',
		'defaultCallerId',
		'Which of the caller IDs already on the service is the default. To add a new number, use Add Caller ID.',
	),
	phone('Operator Phone', 'operatorPhone', 'The caller ID for manual services'),
];

/** Changes the Phone tab of a service: only the numbers added are sent. */
export const { description, execute } = updateServiceTab('updatePhone', '/phone', fields, 'Phone tab');
