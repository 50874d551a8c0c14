/**
 * Calls a webhook trigger's `webhook()` the way n8n's webhook server does, through n8n-core's
 * own WebhookContext (parameters, credentials through the engine's credentials helper, the
 * request and response objects from the additional data). n8n's HTTP server, its body parser
 * and its executions live in the n8n CLI, not in n8n-core: what happens after `webhook()`
 * answers (the execution, a Respond to Webhook node) is tested against a real n8n
 * (e2e/tests/vccLiveTrigger.test.ts).
 */
import { WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { engineAdditionalData, newCredentialsHelper, nodeTypes } from './harness';

const PACKAGE = 'n8n-nodes-callcenter';

export interface FakeRequest {
	method: string;
	query: IDataObject;
	/** The body as sent; n8n's raw body reader gives it to nodes as a Buffer. */
	body?: string;
	headers?: Record<string, string>;
}

/** What the node wrote to the response itself (refusals), as n8n would send it. */
export interface WrittenResponse {
	status?: number;
	headers?: Record<string, string>;
	body?: string;
}

export interface WebhookCall {
	result?: IWebhookResponseData;
	error?: Error & { description?: string };
	written: WrittenResponse;
	/** The webhook description's response mode, evaluated for these parameters as n8n does. */
	responseMode: unknown;
	responseData: unknown;
	httpMethod: unknown;
}

export async function callWebhook(options: {
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	request: FakeRequest;
}): Promise<WebhookCall> {
	const credentials = options.credentials ?? {};
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: `${PACKAGE}.${options.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(Object.keys(credentials).map((name) => [name, { id: `${name}-1`, name }])),
	};
	const workflowData = { id: 'webhook-workflow', name: 'Webhook', active: true, nodes: [node], connections: {} } as unknown as IWorkflowBase;
	const workflow = new Workflow({ id: 'webhook-workflow', nodes: [node], connections: {}, active: true, nodeTypes });
	const additionalData = engineAdditionalData(newCredentialsHelper(credentials), 'webhook', workflowData);
	const written: WrittenResponse = {};
	const raw = Buffer.from(options.request.body ?? '', 'utf8');
	additionalData.httpRequest = {
		method: options.request.method,
		query: options.request.query,
		headers: options.request.headers ?? {},
		body: {},
		rawBody: raw,
		readRawBody: async () => {},
	} as unknown as NonNullable<typeof additionalData.httpRequest>;
	additionalData.httpResponse = {
		writeHead(status: number, headers?: Record<string, string>) {
			written.status = status;
			written.headers = headers;
			return this;
		},
		end(body?: string) {
			written.body = body;
			return this;
		},
	} as unknown as NonNullable<typeof additionalData.httpResponse>;

	const nodeType = nodeTypes.getByNameAndVersion(node.type, 1);
	const description = nodeType.description.webhooks?.[0];
	if (!description || !nodeType.webhook) throw new Error(`${options.type} has no webhook`);
	const webhookData = { httpMethod: 'POST', node: node.name, path: 'webhook', webhookDescription: description, workflowId: workflow.id } as unknown as IWebhookData;
	const evaluate = (value: unknown, fallback: unknown) =>
		workflow.expression.getSimpleParameterValue(node, value as string, 'webhook', {}, undefined, fallback as string);
	const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	const call: WebhookCall = {
		written,
		responseMode: evaluate(description.responseMode, 'onReceived'),
		responseData: evaluate(description.responseData, 'firstEntryJson'),
		httpMethod: evaluate(description.httpMethod, 'GET'),
	};
	try {
		call.result = await nodeType.webhook.call(context);
	} catch (caught) {
		call.error = caught as WebhookCall['error'];
	}
	return call;
}
