/**
 * The sticky note of every example in examples/ says what the editor does and which sandbox
 * IDs to use. n8n names its Execute workflow button after the trigger it runs: with several,
 * "Execute workflow from <the one it selects>" (a schedule trigger before a manual one), the
 * others picked with the arrow next to it; with one trigger, plain "Execute workflow". The IDs a note gives are
 * the sandbox's (test/sandbox/guide.ts), and the IDs the example's nodes are set to are in it.
 */
import { readdirSync } from 'node:fs';

import type { Workflow, WorkflowNode } from '../../e2e/tests/exampleWorkflows';
import { EXAMPLES_DIR, loadExample, nodesOfType } from '../../e2e/tests/exampleWorkflows';
import { sandboxIds } from '../sandbox/guide';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());

const files = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json'));
const MANUAL = 'n8n-nodes-base.manualTrigger';

function noteOf(example: Workflow): string {
	const notes = nodesOfType(example, 'n8n-nodes-base.stickyNote');
	expect(notes).toHaveLength(1);
	return notes[0].parameters.content as string;
}

const triggersOf = (example: Workflow) => example.nodes.filter((node) => /[tT]rigger$/.test(node.type) && !node.disabled);

/**
 * The trigger n8n's editor selects for its Execute workflow button, as n8n 2.8.4 picks it
 * (findTriggerNodeToAutoSelect): form 10, webhook 9, a community trigger 8, schedule 7, manual 6
 * (other n8n-nodes-base triggers are taken as core nodes, 0: none is in the examples).
 */
const AUTO_SELECT_PRIORITY: Record<string, number> = {
	'n8n-nodes-base.formTrigger': 10,
	'n8n-nodes-base.webhook': 9,
	'n8n-nodes-base.scheduleTrigger': 7,
	[MANUAL]: 6,
};
const priorityOf = (node: WorkflowNode) => AUTO_SELECT_PRIORITY[node.type] ?? (node.type.startsWith('n8n-nodes-base.') ? 0 : 8);
const autoSelected = (triggers: WorkflowNode[]) => [...triggers].sort((a, b) => priorityOf(b) - priorityOf(a))[0];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every ID the sandbox guide gives, as text. */
function guideIds(): Set<string> {
	const { livevox, vcclive, apio } = sandboxIds(sandbox);
	return new Set([
		...livevox.callCenters.flatMap((callCenter) => [callCenter.callCenterId, ...callCenter.services.map((service) => service.serviceId)]),
		...livevox.supervisorServices.map((service) => service.serviceId),
		...vcclive.projects.flatMap((project) => [project.projectId, ...project.records]),
		vcclive.exampleCall.uuid,
		...apio.callCenters.flatMap((key) => [key.tenantId, key.groupId, key.callCenter]),
	].map(String));
}

/** The fields of our nodes that name a vendor object, and what they are set to (expressions left out). */
const ID_FIELDS = ['serviceId', 'serviceIds', 'services', 'tenantId', 'groupId', 'callCenter', 'projects', 'filters.callCenterIds', 'filters.serviceIds'];

function idsSetIn(node: WorkflowNode): string[] {
	return ID_FIELDS.flatMap((field) => {
		let value = field.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], node.parameters);
		if (value && typeof value === 'object' && '__rl' in value) value = (value as unknown as { value: unknown }).value;
		const texts = Array.isArray(value) ? value.map(String) : typeof value === 'string' || typeof value === 'number' ? String(value).split(',') : [];
		return texts.map((text) => text.trim()).filter((text) => text !== '' && !text.startsWith('='));
	});
}

describe.each(files)('%s', (file) => {
	const example = loadExample(file);
	const note = noteOf(example);
	const triggers = triggersOf(example);

	test('the Execute workflow button is named as n8n names it, and it runs the trigger n8n runs', () => {
		expect(triggers.length).toBeGreaterThan(0);
		const runs = autoSelected(triggers);
		const others = triggers.filter((node) => node !== runs);
		if (others.length > 0) {
			// The button reads "Execute workflow from <the trigger it runs>"; the others are in its menu.
			expect(note).toContain(`**Execute workflow from ${runs.name}**`);
			for (const node of others) {
				expect(note).toMatch(new RegExp(`\\*${escape(node.name)}\\*[^.]*pick it with the arrow next to the button`));
				// Never "Execute workflow (the Run Now trigger)" while another trigger is the one it runs.
				expect(note).not.toMatch(new RegExp(`Execute workflow\\W*\\(?(the|it starts from) \\*${escape(node.name)}\\*`));
			}
		} else {
			expect(note).toContain('**Execute workflow**');
			expect(note).not.toContain('Execute workflow from');
		}
	});

	test('the note gives sandbox IDs: the ones the example uses, all of them the sandbox has', () => {
		const paragraph = note.split('\n\n').find((text) => text.startsWith('**Sandbox IDs:**'));
		expect(paragraph).toBeDefined();
		const given = [...(paragraph ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]);
		expect(given.length).toBeGreaterThan(0);
		const known = guideIds();
		for (const id of given) expect({ id, known: known.has(id) }).toEqual({ id, known: true });
		const used = example.nodes.filter((node) => node.type.startsWith('n8n-nodes-callcenter.')).flatMap(idsSetIn);
		for (const id of used) expect({ id, inNote: given.includes(id) }).toEqual({ id, inNote: true });
	});
});

test('the notes were checked in every example', () => {
	expect(files).toHaveLength(7);
	// A trigger the editor runs on its own: the note says it gives a test item, not an alert.
	const alert = noteOf(loadExample('livevox-queue-alert.json'));
	expect(alert).toContain('`testEvent: true`');
	expect(alert).toMatch(/\*\*Execute workflow\*\*[^.]*runs the trigger the same way/);
});
