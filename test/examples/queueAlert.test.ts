/**
 * The queue-alert example (examples/livevox-queue-alert.json): its LiveVox Trigger, with the
 * example's own settings, run the two ways n8n runs it against the sandbox, and each item fed
 * to the example's Alert Text expression, evaluated by n8n's expression engine. The test
 * event, the alert and the recovery each read as what they are.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { nodeTypes } from '../engine/harness';
import { PollHarness } from '../engine/pollHarness';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { liveVoxCredentials } from '../livevox/fixture';
import { loadExample, nodesOfType } from '../../e2e/tests/exampleWorkflows';

const example = loadExample('livevox-queue-alert.json');
const [triggerNode] = nodesOfType(example, 'n8n-nodes-callcenter.liveVoxTrigger');
const alertNode = example.nodes.find((node) => node.name === 'Alert Text') as unknown as INode;
const SERVICE_ID = 21429;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.livevox.reset());

function exampleTrigger(): PollHarness {
	return new PollHarness({
		type: 'liveVoxTrigger',
		parameters: triggerNode.parameters as INodeParameters,
		credentials: { liveVoxApi: liveVoxCredentials(sandbox) },
	});
}

/** The Alert Text node's `text` for one trigger item, as n8n evaluates the expression. */
function alertText(json: IDataObject): string {
	const assignments = (alertNode.parameters.assignments as { assignments: Array<{ name: string; value: string }> }).assignments;
	const expression = assignments.find((assignment) => assignment.name === 'text')?.value as string;
	const node: INode = { ...alertNode, type: 'test.items', parameters: {} as INodeParameters };
	const workflow = new Workflow({ id: 'alert', nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getParameterValue(expression, null, 0, 0, node.name, [{ json }], 'manual', {}) as string;
}

const onHold = (value: number) => sandbox.livevox.supervisor.setQueueStats(SERVICE_ID, { callsOnHold: value });

test('the example watches the sandbox service 21429 for 5 or more calls on hold, recoveries included', () => {
	expect(triggerNode.parameters).toMatchObject({
		event: 'queueThreshold',
		serviceIds: String(SERVICE_ID),
		thresholds: { threshold: [{ metric: 'callsOnHold', condition: 'atOrAbove', value: 5 }] },
		notifyOnRecovery: true,
	});
});

test('Fetch Test Event: the queue as it stands reads as a test, whichever side of the threshold it is on', async () => {
	const harness = exampleTrigger();
	const within = await harness.runManual(); // the sandbox's 2 calls on hold
	expect(within.error).toBeUndefined();
	expect(within.items).toHaveLength(1);
	expect(alertText(within.items[0].json)).toMatch(
		/^:test_tube: Test event, not an alert \(the threshold is not crossed now\): service 21429 has 2 calls on hold \(threshold 5\), 7 agents available, 8 calls in progress\. Checked \d{4}-/,
	);

	onHold(6);
	const beyond = await harness.runManual();
	expect(alertText(beyond.items[0].json)).toMatch(
		/^:test_tube: Test event, not an alert \(the threshold is crossed now\): service 21429 has 6 calls on hold \(threshold 5\)/,
	);
	expect(alertText(beyond.items[0].json)).not.toContain('Queue back to normal');
});

test('active: the crossing reads as an alert, the recovery as back to normal', async () => {
	const harness = exampleTrigger();
	expect(await harness.poll()).toBeNull(); // 2 on hold: nothing to say
	onHold(7);
	const [crossed] = (await harness.poll()) ?? [];
	expect(alertText(crossed.json)).toMatch(
		/^:rotating_light: Queue alert: service 21429 has 7 calls on hold \(threshold 5\), 7 agents available, 8 calls in progress\. Checked \d{4}-/,
	);
	onHold(1);
	const [recovered] = (await harness.poll()) ?? [];
	expect(alertText(recovered.json)).toMatch(/^:white_check_mark: Queue back to normal: service 21429 has 1 calls on hold \(threshold 5\)/);
});
