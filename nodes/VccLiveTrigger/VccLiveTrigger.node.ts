import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { InvalidInput, toIdList } from '../shared/input';
import { optionSubtitle } from '../shared/subtitle';
import { DISPOSITION_EVENTS, PROJECT_EVENTS, SYNC_EVENTS, type VccLiveEvent } from './events';
import { receive, type ReceiveSettings } from './receive';

const ASYNC_EVENTS = ['callDisposition', 'mobileDisposition', 'paymentTransaction', 'userCreated', 'userModified'];

const properties: INodeProperties[] = [
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

export class VccLiveTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VCC Live Trigger',
		name: 'vccLiveTrigger',
		icon: { light: 'file:../../icons/vcclive.svg', dark: 'file:../../icons/vcclive.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: optionSubtitle(properties, 'event'),
		description: 'Starts the workflow when VCC Live sends a webhook: dispositions, payments, users, IVR steps, project logins',
		defaults: { name: 'VCC Live Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vccLiveWebhookApi', required: false, testedBy: 'checkWebhookSecrets' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: '={{$parameter["httpMethod"] || "POST"}}',
				// Async events are answered at once; sync ones as the Respond setting says.
				responseMode: `={{ ${JSON.stringify(ASYNC_EVENTS)}.includes($parameter["event"]) ? "onReceived" : $parameter["responseMode"] }}`,
				// 200 OK with an empty body, as Responding to Requests asks; never the event echoed back.
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties,
	};

	methods = { credentialTest: { checkWebhookSecrets } };

	/**
	 * VCC Live webhooks are set up in VCC Live's admin (Setting up Global / Project Specific
	 * Webhooks); no API to register them is documented, so activating the workflow has nothing to
	 * create or delete there: paste the trigger's production URL into VCC Live.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const settings = await readSettings(this);
		const request = this.getRequestObject();
		if (request.rawBody === undefined && typeof request.readRawBody === 'function') await request.readRawBody();
		const outcome = receive(
			{ method: request.method, query: (request.query ?? {}) as IDataObject, rawBody: request.rawBody?.toString('utf8') ?? '' },
			settings,
			new Date().toISOString(),
		);
		if (outcome.kind === 'refused') {
			const response = this.getResponseObject();
			response.writeHead(outcome.status, { 'Content-Type': 'text/plain; charset=utf-8' });
			response.end(outcome.message);
			return { noWebhookResponse: true };
		}
		// Filtered out: 200 so that VCC Live does not send it again, and no execution.
		if (outcome.kind === 'filteredOut') return { webhookResponse: '' };
		return { workflowData: [[{ json: outcome.item }]] };
	}
}

/** The node's settings and secrets for one request; bad settings fail the node, never VCC Live's request. */
async function readSettings(context: IWebhookFunctions): Promise<ReceiveSettings> {
	const event = context.getNodeParameter('event') as VccLiveEvent;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const filters = PROJECT_EVENTS.includes(event) ? (context.getNodeParameter('filters', {}) as IDataObject) : {};
	let projectIds: number[];
	try {
		projectIds = toIdList(filters.projectIds ?? '', 'the Project IDs');
	} catch (caught) {
		const invalid = caught as InvalidInput;
		throw new NodeOperationError(context.getNode(), invalid.message, { description: invalid.hint });
	}
	const settings: ReceiveSettings = {
		event,
		filters: {
			projectIds,
			assessments: DISPOSITION_EVENTS.includes(event) ? ((filters.assessments as string[] | undefined) ?? []) : [],
			direction: DISPOSITION_EVENTS.includes(event) ? String(filters.direction ?? '') : '',
		},
		secretParameter: String(options.keyParameterName ?? 'secret-key').trim() || 'secret-key',
	};
	if (options.checkSecretKey === true || options.decryptBody === true) {
		const credentials = await context.getCredentials('vccLiveWebhookApi');
		if (options.checkSecretKey === true) settings.urlSecretKey = requiredSecret(context, credentials.urlSecretKey, 'URL Secret Key');
		if (options.decryptBody === true) settings.encryptionKey = requiredSecret(context, credentials.encryptionSecret, 'Encryption Secret');
	}
	return settings;
}

function requiredSecret(context: IWebhookFunctions, value: unknown, label: string): string {
	if (typeof value === 'string' && value !== '') return value;
	throw new NodeOperationError(context.getNode(), `The VCC Live Webhook credential has no ${label}`, {
		description: `Enter the ${label} in the credential, or turn its option off in the trigger.`,
	});
}

/** The credential's Test button: nothing remote can check these secrets, so it checks them as the trigger will use them. */
async function checkWebhookSecrets(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const urlSecretKey = String(data.urlSecretKey ?? '');
	const encryptionSecret = String(data.encryptionSecret ?? '');
	if (urlSecretKey === '' && encryptionSecret === '') {
		return { status: 'Error', message: 'Enter the URL Secret Key, the Encryption Secret, or both' };
	}
	if (urlSecretKey !== '' && encodeURIComponent(urlSecretKey) !== urlSecretKey) {
		return { status: 'Error', message: 'The URL Secret Key has characters that change in a URL: use letters, digits, - _ . ~ only' };
	}
	return { status: 'OK', message: 'The secrets can be used (VCC Live itself cannot be asked to check them)' };
}
