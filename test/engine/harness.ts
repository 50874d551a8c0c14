import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { LiveVoxApi } from '../../credentials/LiveVoxApi.credentials';
import { LiveVox } from '../../nodes/LiveVox/LiveVox.node';
import { LiveVoxTrigger } from '../../nodes/LiveVoxTrigger/LiveVoxTrigger.node';
import { NetaxisApioApi } from '../../credentials/NetaxisApioApi.credentials';
import { NetaxisApio } from '../../nodes/NetaxisApio/NetaxisApio.node';
import { VccLiveApi } from '../../credentials/VccLiveApi.credentials';
import { VccLiveWebhookApi } from '../../credentials/VccLiveWebhookApi.credentials';
import { VccLive } from '../../nodes/VccLive/VccLive.node';
import { VccLiveTrigger } from '../../nodes/VccLiveTrigger/VccLiveTrigger.node';
import { TestCredentialsHelper } from './credentialsHelper';
import { Items, ManualTrigger } from './testNodes';

const PACKAGE = 'n8n-nodes-callcenter';

/** The node types a test workflow can use, under the names n8n gives a community package's nodes. */
const nodeTypeMap: Record<string, INodeType> = {
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'test.items': new Items(),
	[`${PACKAGE}.liveVox`]: new LiveVox(),
	[`${PACKAGE}.liveVoxTrigger`]: new LiveVoxTrigger(),
	[`${PACKAGE}.vccLive`]: new VccLive(),
	[`${PACKAGE}.vccLiveTrigger`]: new VccLiveTrigger(),
	[`${PACKAGE}.netaxisApio`]: new NetaxisApio(),
};

const credentialTypes: ICredentialType[] = [new LiveVoxApi(), new VccLiveApi(), new VccLiveWebhookApi(), new NetaxisApioApi()];

class TestNodeTypes implements INodeTypes {
	getByName(type: string) {
		const nodeType = nodeTypeMap[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}

	getByNameAndVersion(type: string, version?: number) {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

export const nodeTypes = new TestNodeTypes();

export interface RunOptions {
	/** The node type without the package prefix, e.g. 'liveVox'. */
	type: string;
	parameters: INodeParameters;
	/** Credential data by credential type name; the hidden session fields start empty. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Items fed to the node; one empty item when left out. */
	items?: IDataObject[];
	/** The node's "On Error" setting. */
	continueOnFail?: boolean;
	/** Reuse a helper (and the sessions it stored) across runs. */
	credentialsHelper?: TestCredentialsHelper;
	timezone?: string;
	/** How the run was started: 'manual' (the editor's Execute, the default) or e.g. 'trigger' (a Schedule Trigger). */
	mode?: WorkflowExecuteMode;
	/** The workflow's static data as n8n loads it at the start of an execution. */
	staticData?: IDataObject;
	workflowId?: string;
	/** The node's version as saved in the workflow; 1 when left out. */
	typeVersion?: number;
}

export interface RunResult {
	/** The items the node under test put out (first output). */
	items: INodeExecutionData[];
	/** The error the node failed with, if it did. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	credentialsHelper: TestCredentialsHelper;
	run: IRun;
	/** The static data n8n would save after this execution: undefined when unchanged or in a manual run (n8n saves neither). */
	savedStaticData?: IDataObject;
}

export function newCredentialsHelper(credentials: Record<string, ICredentialDataDecryptedObject>) {
	const helper = new TestCredentialsHelper(new Map(credentialTypes.map((type) => [type.name, type])));
	for (const [name, data] of Object.entries(credentials)) helper.stored.set(name, { ...data });
	return helper;
}

/** What the engine needs besides the workflow: credentials, lifecycle hooks and n8n's URLs. */
export function engineAdditionalData(
	credentialsHelper: TestCredentialsHelper,
	mode: WorkflowExecuteMode,
	workflowData: IWorkflowBase,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks(mode, 'test-execution', workflowData),
		executeWorkflow: async () => ({ data: [], executionId: '' }),
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		variables: {},
		logAiEvent: async () => {},
		startRunnerTask: async () => ({ ok: false }),
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** A run that starts at `node` with one empty item, as a manual run of n8n does. */
export function startingWith(node: INode): IRunExecutionData {
	return {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node, data: { main: [[{ json: {} }]] }, source: null }],
		},
	} as unknown as IRunExecutionData;
}

/** Start → Items → the node under test, with the engine's additional data and credentials. */
export function buildTestWorkflow(options: RunOptions) {
	const credentialsHelper = options.credentialsHelper ?? newCredentialsHelper(options.credentials);
	if (options.credentialsHelper) {
		for (const [name, data] of Object.entries(options.credentials)) {
			if (!credentialsHelper.stored.has(name)) credentialsHelper.stored.set(name, { ...data });
		}
	}
	const underTest: INode = {
		id: 'node-under-test',
		name: 'Node',
		type: `${PACKAGE}.${options.type}`,
		typeVersion: options.typeVersion ?? 1,
		position: [400, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(
			Object.keys(options.credentials).map((name) => [name, { id: `${name}-1`, name }]),
		),
		continueOnFail: options.continueOnFail,
		onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
	};
	const nodes: INode[] = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'items',
			name: 'Items',
			type: 'test.items',
			typeVersion: 1,
			position: [200, 0],
			parameters: { items: JSON.stringify(options.items ?? [{}]) },
		},
		underTest,
	];
	const connections = {
		Start: { main: [[{ node: 'Items', type: 'main' as const, index: 0 }]] },
		Items: { main: [[{ node: 'Node', type: 'main' as const, index: 0 }]] },
	};
	const workflowId = options.workflowId ?? 'test-workflow';
	const workflow = new Workflow({
		id: workflowId,
		name: 'Test',
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings: { timezone: options.timezone ?? 'America/New_York' },
		staticData: options.staticData === undefined ? undefined : (JSON.parse(JSON.stringify(options.staticData)) as IDataObject),
	});
	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: 'Test',
		active: false,
		isArchived: false,
		nodes,
		connections,
		settings: workflow.settings,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;
	const mode: WorkflowExecuteMode = options.mode ?? 'manual';
	const additionalData = engineAdditionalData(credentialsHelper, mode, workflowData);
	return { workflow, additionalData, credentialsHelper, mode, node: underTest };
}

/**
 * Runs Start → Items → the node under test through n8n-core's WorkflowExecute, with real
 * HTTP from the node's helpers, and returns what the node put out.
 */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const { workflow, additionalData, credentialsHelper, mode } = buildTestWorkflow(options);
	const runExecutionData = startingWith(workflow.getNode('Start') as INode);
	const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData.Node?.[0];
	// As n8n's workflowExecuteAfter hook: the static data is saved when it changed, whether the
	// execution succeeded or not, except after a manual run.
	const { __dataChanged: changed, ...staticData } = workflow.staticData;
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
		credentialsHelper,
		run,
		savedStaticData: changed === true && mode !== 'manual' ? (JSON.parse(JSON.stringify(staticData)) as IDataObject) : undefined,
	};
}

/** Calls a node's list-search method (a resource locator's "From List") the way the editor does. */
export async function loadListSearch(
	options: RunOptions & { method: string; filter?: string; paginationToken?: string },
) {
	const { workflow, additionalData, node } = buildTestWorkflow(options);
	// The editor sends the node's parameters as they stand along with the request.
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const method = nodeType.methods?.listSearch?.[options.method];
	if (!method) throw new Error(`No list search ${options.method}`);
	return await method.call(context, options.filter, options.paginationToken);
}

/** Calls a loadOptions method of a node as the editor does, with the node's parameters as they stand. */
export async function loadOptions(options: RunOptions & { method: string }) {
	const { workflow, additionalData, node } = buildTestWorkflow(options);
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const method = nodeType.methods?.loadOptions?.[options.method];
	if (!method) throw new Error(`No loadOptions method ${options.method}`);
	return await method.call(context);
}
