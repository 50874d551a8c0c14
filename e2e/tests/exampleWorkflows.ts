/** The example workflows of examples/, as `npm start` imports them, and the copies the real-n8n tests run. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '../../scripts/realN8n/paths';

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: number[];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	disabled?: boolean;
	[key: string]: unknown;
}

export interface Connection {
	node: string;
	type: string;
	index: number;
}

export interface Workflow {
	id: string;
	name: string;
	active: boolean;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Connection[][] }>;
	settings: Record<string, unknown>;
	[key: string]: unknown;
}

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

export function loadExample(file: string): Workflow {
	return JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as Workflow;
}

/** Nodes that talk to services outside the machine; the test copy ends in a local node instead. */
const OUTSIDE_SERVICES = new Set(['n8n-nodes-base.slack', 'n8n-nodes-base.emailSend', 'n8n-nodes-base.googleSheets']);

/**
 * A copy of an example for the tests: a new id (so the example itself stays as imported), and
 * every email, Slack or Google Sheets node replaced by a No Operation node of the same name,
 * enabled, so its input — the message that would have been sent, the row that would have been
 * appended — is in the run data.
 */
export function testCopy(example: Workflow, id: string): Workflow {
	const copy = JSON.parse(JSON.stringify(example)) as Workflow;
	copy.id = id;
	copy.name = `${example.name} (test copy)`;
	copy.active = false;
	copy.nodes = copy.nodes.map((node) =>
		OUTSIDE_SERVICES.has(node.type)
			? { id: node.id, name: node.name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: node.position, parameters: {} }
			: node,
	);
	return copy;
}

/** Appends a node after `after` (its first output). */
export function appendNode(
	workflow: Workflow,
	after: string,
	node: { name: string; type: string; typeVersion: number; parameters: Record<string, unknown> },
): void {
	const previous = workflow.nodes.find((candidate) => candidate.name === after);
	if (!previous) throw new Error(`No node "${after}" in ${workflow.name}`);
	workflow.nodes.push({ ...node, id: `${workflow.id}-${workflow.nodes.length}`, position: [previous.position[0] + 240, previous.position[1]] });
	const outputs = (workflow.connections[after] ??= { main: [[]] });
	outputs.main[0].push({ node: node.name, type: 'main', index: 0 });
}

/** The nodes of a type in a workflow. */
export const nodesOfType = (workflow: Workflow, type: string): WorkflowNode[] => workflow.nodes.filter((node) => node.type === type);
