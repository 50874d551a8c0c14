import type { INodeProperties } from 'n8n-workflow';

import { PROJECT_EVENTS, SYNC_EVENTS } from './events';

/** The trigger's fields: the event, how sync events are answered, filters and the secrets' options. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Call Disposition', value: 'callDisposition', description: 'An agent or the dialer set a disposition on a record (async)' },
			{ name: 'IVR', value: 'ivr', description: 'An IVR step asks your system; the workflow answers it (sync)' },
			{ name: 'Mobile Disposition', value: 'mobileDisposition', description: 'A disposition was set in the VCC Live App (async)' },
			{ name: 'Payment Transaction', value: 'paymentTransaction', description: 'A payment is in progress, succeeded or failed (async)' },
			{ name: 'Project Login', value: 'projectLogin', description: 'An agent logs in; the workflow grants or denies each project (sync)' },
			{ name: 'User Created', value: 'userCreated', description: 'A user was created (async)' },
			{ name: 'User Modified', value: 'userModified', description: "A user's details changed (async)" },
		],
		default: 'callDisposition',
	},
	{
		displayName: 'HTTP Method',
		name: 'httpMethod',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
		default: 'POST',
		description: 'The method set for this webhook in VCC Live. GET and DELETE send the event in the URL.',
	},
	{
		displayName: 'Respond',
		name: 'responseMode',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { event: [...SYNC_EVENTS] } },
		options: [
			{
				name: 'Immediately',
				value: 'onReceived',
				description: 'Answer 200 with an empty body as soon as the request arrives',
			},
			{
				name: "Using 'Respond to Webhook' Node",
				value: 'responseNode',
				description: 'The workflow answers VCC Live with a Respond to Webhook node',
			},
		],
		default: 'responseNode',
	},
	{
		displayName:
			"VCC Live waits for this answer: end the workflow with a 'Respond to Webhook' node that sends the documented response (IVR: JSON, text/x-ini or text; Project Login: a JSON object with true or false per project ID)",
		name: 'syncNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { event: [...SYNC_EVENTS], responseMode: ['responseNode'] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show: { event: [...PROJECT_EVENTS] } },
		options: [
			{
				displayName: 'Assessment',
				name: 'assessments',
				type: 'multiOptions',
				options: [
					{ name: 'Failed (Call Recipient Not Reached)', value: 'failed' },
					{ name: 'Ordered (Reached, Call Goal Achieved)', value: 'ordered' },
					{ name: 'Success (Call Recipient Reached)', value: 'success' },
				],
				default: [],
				description: 'Only dispositions with these assessments; none selected keeps all. Dispositions only.',
			},
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				options: [
					{ name: 'Both', value: '' },
					{ name: 'Inbound', value: 'in' },
					{ name: 'Outbound', value: 'out' },
				],
				default: '',
				description: 'Only dispositions of calls in this direction. Dispositions only.',
			},
			{
				displayName: 'Project IDs',
				name: 'projectIds',
				type: 'string',
				default: '',
				placeholder: '214, 370',
				description: 'Only events of these projects (comma-separated); empty keeps all',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Check Secret Key in URL',
				name: 'checkSecretKey',
				type: 'boolean',
				default: false,
				description:
					"Whether to refuse with 401 a request whose URL lacks the credential's URL Secret Key (add it to the webhook URL in VCC Live)",
			},
			{
				displayName: 'Decrypt Body',
				name: 'decryptBody',
				type: 'boolean',
				default: false,
				description:
					"Whether bodies are encrypted (VCC Live's HTTP body encryption with AES-256-CTR; add ?iv=${iv} to the URL for a random iv). A body that does not decrypt is refused with 400.",
			},
			{
				displayName: 'Secret Key Parameter',
				name: 'keyParameterName',
				type: 'string',
				default: 'secret-key',
				description: 'The URL parameter that carries the secret key',
			},
		],
	},
];
