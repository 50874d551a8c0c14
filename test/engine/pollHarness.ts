/**
 * Runs a polling trigger the two ways n8n does. n8n calls `poll()` of an active workflow on a
 * schedule, in trigger mode, with the same workflow (and its static data) from poll to poll,
 * saving that data to the database; a manual "Fetch Test Event" runs the workflow through
 * WorkflowExecute in manual mode, whose poll node is polled once. Both against the sandbox,
 * with real HTTP from the node's helpers and the credentials helper of the engine harness.
 */
import { PollContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWorkflowBase,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentialsHelper';
import { engineAdditionalData, newCredentialsHelper, nodeTypes, startingWith } from './harness';

const PACKAGE = 'n8n-nodes-callcenter';
const NODE_NAME = 'Trigger';

export interface PollHarnessOptions {
	/** The trigger's type without the package prefix, e.g. 'liveVoxTrigger'. */
	type: string;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	timezone?: string;
}

export interface ManualRun {
	items: INodeExecutionData[];
	error?: Error & { description?: string };
}

/** JSON, as the database would keep it, without the engine's change marker. */
function stored(staticData: IDataObject): IDataObject {
	const copy = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	delete copy.__dataChanged;
	const nodeData = copy[`node:${NODE_NAME}`] as IDataObject | undefined;
	if (nodeData) delete nodeData.__dataChanged;
	return copy;
}

export class PollHarness {
	/** The workflow's static data between polls, as saved (JSON); tests may read or preset it. */
	staticData: IDataObject = {};
	readonly credentialsHelper: TestCredentialsHelper;

	/** Tests may change `options.parameters` between polls, as a user editing an active workflow. */
	constructor(readonly options: PollHarnessOptions) {
		this.credentialsHelper = newCredentialsHelper(options.credentials);
	}

	/** The trigger node's own part of the static data (getWorkflowStaticData('node')). */
	get nodeState(): IDataObject {
		return (this.staticData[`node:${NODE_NAME}`] as IDataObject | undefined) ?? {};
	}

	private build(mode: WorkflowExecuteMode) {
		const node: INode = {
			id: 'trigger-under-test',
			name: NODE_NAME,
			type: `${PACKAGE}.${this.options.type}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: this.options.parameters,
			credentials: Object.fromEntries(
				Object.keys(this.options.credentials).map((name) => [name, { id: `${name}-1`, name }]),
			),
		};
		const workflow = new Workflow({
			id: 'poll-workflow',
			name: 'Poll test',
			nodes: [node],
			connections: {},
			active: mode === 'trigger',
			nodeTypes,
			staticData: stored(this.staticData),
			settings: { timezone: this.options.timezone ?? 'America/New_York' },
		});
		const workflowData = { id: workflow.id, name: workflow.name, nodes: [node], connections: {} } as unknown as IWorkflowBase;
		const additionalData = engineAdditionalData(this.credentialsHelper, mode, workflowData);
		return { workflow, node: workflow.getNode(NODE_NAME) as INode, additionalData };
	}

	/**
	 * One scheduled poll of the active workflow: trigger mode, the static data of the previous
	 * poll, and the data the poll left saved for the next one. Null when nothing fired.
	 */
	async poll(): Promise<INodeExecutionData[] | null> {
		const { workflow, node, additionalData } = this.build('trigger');
		const context = new PollContext(workflow, node, additionalData, 'trigger', 'activate');
		const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		if (!nodeType.poll) throw new Error(`${node.type} has no poll()`);
		const response = await nodeType.poll.call(context);
		this.staticData = stored(workflow.staticData);
		return response?.[0] ?? null;
	}

	/** "Fetch Test Event": the trigger run alone through WorkflowExecute in manual mode. */
	async runManual(): Promise<ManualRun> {
		const { workflow, node, additionalData } = this.build('manual');
		const runExecutionData = startingWith(node);
		const run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
		const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
		// n8n does not save static data after a manual run; what the poll changed is checked here.
		this.manualRunChangedState = JSON.stringify(stored(workflow.staticData)) !== JSON.stringify(this.staticData);
		return {
			items: taskData?.data?.main?.[0] ?? [],
			error: (taskData?.error ?? run.data.resultData.error) as ManualRun['error'],
		};
	}

	/** Whether the last manual run changed the static data in memory (it must not). */
	manualRunChangedState = false;
}
