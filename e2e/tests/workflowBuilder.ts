/** Small builders for the workflows the real-n8n tests import: a Manual Trigger, then nodes in a row. */

export interface StepNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	typeVersion?: number;
}

export const PACKAGE_PREFIX = 'n8n-nodes-callcenter';

/** A workflow Start → steps[0] → steps[1] → …, as `n8n import:workflow` reads it. */
export function chainWorkflow(id: string, name: string, steps: StepNode[]) {
	const nodes = [
		{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...steps.map((step, index) => ({
			id: `${id}-${index}`,
			name: step.name,
			type: step.type,
			typeVersion: step.typeVersion ?? 1,
			position: [220 * (index + 1), 0],
			parameters: step.parameters,
			...(step.credentials ? { credentials: step.credentials } : {}),
		})),
	];
	const names = nodes.map((node) => node.name);
	const connections = Object.fromEntries(
		names.slice(0, -1).map((from, index) => [from, { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] }]),
	);
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}
