import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
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
import { triggerProperties } from './triggerFields';

export class VccLiveTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VCC Live Trigger',
		name: 'vccLiveTrigger',
		icon: { light: 'file:../../icons/vcclive.svg', dark: 'file:../../icons/vcclive.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: optionSubtitle(triggerProperties, 'event'),
		description: 'Starts the workflow when VCC Live sends a webhook: dispositions, payments, users, IVR steps, project logins',
		defaults: { name: 'VCC Live Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vccLiveWebhookApi', required: false, testedBy: 'checkWebhookSecrets' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: '={{$parameter["httpMethod"] || "POST"}}',
				// Sync events are answered as the Respond setting says; async ones at once.
				responseMode: `={{ ${JSON.stringify(SYNC_EVENTS)}.includes($parameter["event"]) ? $parameter["responseMode"] : "onReceived" }}`,
				// 200 OK with an empty body, as Responding to Requests asks; never the event echoed back.
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
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
