/**
 * How the nodes appear in n8n's palette and canvas: found by the vendors' and the reports'
 * names (codex aliases), actions that start with the operation's own name, short node names,
 * and subtitles in the dropdowns' words.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { buildTestWorkflow, nodeTypes } from './engine/harness';

const NODES = { liveVox: 'LiveVox', liveVoxTrigger: 'LiveVoxTrigger', vccLive: 'VccLive', vccLiveTrigger: 'VccLiveTrigger', netaxisApio: 'NetaxisApio' } as const;
type NodeName = keyof typeof NODES;
const names = Object.keys(NODES) as NodeName[];

const descriptionOf = (name: NodeName): INodeTypeDescription =>
	nodeTypes.getByNameAndVersion(`n8n-nodes-callcenter.${name}`).description;

interface Codex {
	node: string;
	categories: string[];
	alias?: string[];
}
const codexOf = (name: NodeName): Codex =>
	JSON.parse(readFileSync(path.join(__dirname, '../nodes', NODES[name], `${NODES[name]}.node.json`), 'utf8')) as Codex;

const optionsOf = (property: INodeProperties | undefined) => (property?.options ?? []) as INodePropertyOptions[];
const operationFields = (name: NodeName) => descriptionOf(name).properties.filter((property) => property.name === 'operation');
const actionsOf = (name: NodeName) => operationFields(name).flatMap((field) => optionsOf(field).map((option) => option.action ?? ''));

/**
 * What n8n's node search looks at, roughly: the node's name and description, its codex
 * aliases and its actions, matched without regard to case.
 */
function found(term: string): NodeName[] {
	const wanted = term.toLowerCase();
	return names.filter((name) => {
		const { displayName, description } = descriptionOf(name);
		const texts = [displayName, description, ...(codexOf(name).alias ?? []), ...actionsOf(name)];
		return texts.some((text) => text.toLowerCase().includes(wanted));
	});
}

// The categories n8n's palette groups nodes by.
const N8N_CATEGORIES = ['Analytics', 'Communication', 'Data & Storage', 'Development', 'Finance & Accounting', 'Marketing', 'Miscellaneous', 'Productivity', 'Sales', 'Utility'];

describe('the palette finds each node by the vendors\' and the reports\' words', () => {
	test.each(names)('%s: a codex beside the node, for this package, in n8n\'s categories, with aliases', (name) => {
		const codex = codexOf(name);
		expect(codex.node).toBe(`n8n-nodes-callcenter.${name}`);
		expect(codex.categories.length).toBeGreaterThan(0);
		for (const category of codex.categories) expect(N8N_CATEGORIES).toContain(category);
		expect(codex.alias).toEqual(expect.arrayContaining(['call center', 'contact center']));
	});

	test.each<[string, NodeName[]]>([
		['Call Event Recovery', ['liveVox']],
		['Agent Summary', ['liveVox']],
		['Service Efficiency', ['liveVox']],
		['call center', names],
		['contact center', names],
		['BroadWorks', ['netaxisApio']],
		['dialer', ['liveVox', 'liveVoxTrigger', 'vccLive']],
	])('"%s" finds %p', (term, expected) => {
		expect(found(term)).toEqual(expected);
	});

	test('every report of LiveVox is found by its own name', () => {
		const reports = optionsOf(operationFields('liveVox').find((field) => field.displayOptions?.show?.resource?.includes('report')));
		expect(reports).toHaveLength(8);
		for (const report of reports) expect(codexOf('liveVox').alias).toContain(report.name);
	});
});

describe('actions and node names', () => {
	test.each(['liveVox', 'vccLive', 'netaxisApio'] as const)('%s: every action starts with its operation\'s name, then says what it does', (name) => {
		const options = operationFields(name).flatMap(optionsOf);
		expect(options.length).toBeGreaterThan(0);
		for (const option of options) expect(option.action).toMatch(new RegExp(`^${option.name.replace(/[()]/g, '\\$&')}: [a-z]`));
		const callDetails = options.find((option) => option.value === 'callDetails');
		if (name === 'liveVox') expect(callDetails?.action).toBe('Call Event Recovery: get call events of a period');
	});

	test.each(names)('%s: a node added from any action gets the short default name, not the action', (name) => {
		const description = descriptionOf(name);
		expect(description.defaults.name?.length).toBeLessThanOrEqual(16);
		const resources = optionsOf(description.properties.find((property) => property.name === 'resource'));
		for (const field of operationFields(name)) {
			for (const resource of resources.filter((entry) => field.displayOptions?.show?.resource?.includes(entry.value))) {
				for (const operation of optionsOf(field)) {
					// n8n's editor names a new node with makeNodeName.
					expect(NodeHelpers.makeNodeName({ resource: resource.value, operation: operation.value }, description)).toBe(description.defaults.name);
				}
			}
		}
	});
});

describe('subtitles show the dropdowns\' labels, not their values', () => {
	function subtitle(name: NodeName, parameters: Record<string, string>) {
		const { workflow, node } = buildTestWorkflow({ type: name, parameters, credentials: {} });
		// As the editor computes a node's subtitle on the canvas.
		return workflow.expression.getSimpleParameterValue(node, descriptionOf(name).subtitle, 'internal', {});
	}

	test.each(['liveVox', 'vccLive', 'netaxisApio'] as const)('%s: "<Operation>: <Resource>" for every operation', (name) => {
		const description = descriptionOf(name);
		const resources = optionsOf(description.properties.find((property) => property.name === 'resource'));
		let checked = 0;
		for (const field of operationFields(name)) {
			for (const resource of resources.filter((entry) => field.displayOptions?.show?.resource?.includes(entry.value))) {
				for (const operation of optionsOf(field)) {
					expect(subtitle(name, { resource: String(resource.value), operation: String(operation.value) })).toBe(`${operation.name}: ${resource.name}`);
					checked += 1;
				}
			}
		}
		expect(checked).toBeGreaterThan(0);
	});

	test('LiveVox: Agent Summary reads "Agent Summary: Report"; a value the node does not list shows as it is', () => {
		expect(subtitle('liveVox', { resource: 'report', operation: 'agentSummary' })).toBe('Agent Summary: Report');
		expect(subtitle('liveVox', { resource: 'report', operation: 'retired' })).toBe('retired: report');
	});

	test('LiveVox Trigger: the event\'s label', () => {
		expect(subtitle('liveVoxTrigger', { event: 'queueThreshold' })).toBe('Queue Threshold');
		expect(subtitle('liveVoxTrigger', { event: 'nonAttemptedCall' })).toBe('New Non-Attempted Manual Call');
	});
});
