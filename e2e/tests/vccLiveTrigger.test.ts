/**
 * The VCC Live Trigger in a running n8n: a workflow with a trigger per event (plain, and
 * encrypted with the secret key checked), published, `n8n start`, and the sandbox's webhook
 * sender posting each event type to the production webhook URLs — plus a resend, a malformed,
 * an undecryptable and a wrongly keyed request, which must be refused with a 4xx and start no
 * execution — and the sync IVR and Project Login answered by Respond to Webhook nodes.
 */
import { randomBytes } from 'node:crypto';

import { runDataOf, waitForExecutions } from '../../scripts/realN8n/executions';
import type { N8nServer } from '../../scripts/realN8n/n8nServer';
import { VccLiveWebhookSender } from '../../test/sandbox/vcclive/webhookSender';
import type { WebhookEvent } from '../../test/sandbox/vcclive/webhookPayloads';
import type { RealN8n } from './realN8nSetup';
import { publishAndServe, startRealN8n } from './realN8nSetup';
import { PACKAGE_PREFIX } from './workflowBuilder';

const WORKFLOW_ID = 'vccWebhookTest001';
// Fresh each run, so that finding one in n8n's data can only mean it leaked there.
const URL_KEY_VALUE = randomBytes(9).toString('hex');
const BODY_KEY_VALUE = randomBytes(12).toString('hex');
const CREDENTIAL = { id: 'vccWebhookCred01', name: 'VCC Live webhook secrets' };
const ASYNC: WebhookEvent[] = ['callDisposition', 'mobileDisposition', 'paymentTransaction', 'userCreated', 'userModified'];
const SYNC: WebhookEvent[] = ['ivr', 'projectLogin'];

/** One trigger per event and kind; its webhook id (and so its URL) is its name. */
const triggerName = (event: WebhookEvent, encrypted: boolean) => `${event}-${encrypted ? 'encrypted' : 'plain'}`;
const webhookId = (name: string) => `7c0e1d7a-0000-4000-8000-${Buffer.from(name).toString('hex').slice(0, 12).padEnd(12, '0')}${name.length}`;

function triggerNode(event: WebhookEvent, encrypted: boolean, index: number) {
	const name = triggerName(event, encrypted);
	return {
		id: `${WORKFLOW_ID}-${index}`,
		name,
		type: `${PACKAGE_PREFIX}.vccLiveTrigger`,
		typeVersion: 1,
		position: [0, 200 * index],
		webhookId: webhookId(name),
		parameters: { event, ...(encrypted ? { options: { decryptBody: true, checkSecretKey: true } } : {}) },
		...(encrypted ? { credentials: { vccLiveWebhookApi: CREDENTIAL } } : {}),
	};
}

// Respond to Webhook version 1: from 1.1 n8n's node answers only after n8n's own Webhook, Form,
// Chat or Wait nodes ("No Webhook node found in the workflow"), see the README.
const respond = (name: string, body: string, index: number) => ({
	id: `${WORKFLOW_ID}-r${index}`,
	name,
	type: 'n8n-nodes-base.respondToWebhook',
	typeVersion: 1,
	position: [400, 200 * index],
	parameters: { respondWith: 'json', responseBody: body, options: {} },
});

function workflow() {
	const triggers = [...ASYNC, ...SYNC].flatMap((event, index) => [triggerNode(event, false, 2 * index), triggerNode(event, true, 2 * index + 1)]);
	const answers = [
		respond('Answer IVR', '={{ JSON.stringify({ pinAccepted: $json.variables.pin === "1234", callId: $json.callId }) }}', 0),
		respond(
			'Answer Login',
			'={{ JSON.stringify(Object.fromEntries([$json.projectId, ...$json.secondaryProjectIds].map((id) => [String(id), id !== 3]))) }}',
			1,
		),
	];
	const to = (node: string) => ({ main: [[{ node, type: 'main', index: 0 }]] });
	const connections = Object.fromEntries(
		SYNC.flatMap((event) => [false, true].map((encrypted) => [triggerName(event, encrypted), to(event === 'ivr' ? 'Answer IVR' : 'Answer Login')])),
	);
	return { id: WORKFLOW_ID, name: 'VCC Live webhooks', active: false, nodes: [...triggers, ...answers], connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

let n8n: RealN8n;
let server: N8nServer | undefined;

afterAll(async () => {
	await server?.stop();
	await n8n?.close();
});

test('each event plain and encrypted starts one execution with its item; a resend carries the same key; bad requests get a 4xx and start nothing; IVR and Project Login get the workflow\'s answer', async () => {
	n8n = await startRealN8n();
	await n8n.cli.importCredentials([
		{ ...CREDENTIAL, type: 'vccLiveWebhookApi', data: { urlSecretKey: URL_KEY_VALUE, encryptionSecret: BODY_KEY_VALUE } },
	]);
	const published = await publishAndServe(n8n, workflow());
	server = published.server;
	const { session } = published;
	expect((await session.get<{ active: boolean }>(`workflows/${WORKFLOW_ID}`)).active).toBe(true);

	const serverUrl = server.url;
	// One sender per trigger URL: each built event is then a new occurrence of its own.
	const senders = new Map<string, VccLiveWebhookSender>();
	const sender = (event: WebhookEvent, encrypted: boolean) => {
		const name = triggerName(event, encrypted);
		if (!senders.has(name)) senders.set(name, new VccLiveWebhookSender(`${serverUrl}/webhook/${webhookId(name)}/webhook`));
		return senders.get(name) as VccLiveWebhookSender;
	};
	const secured = { encryptionSecret: BODY_KEY_VALUE, secretKey: URL_KEY_VALUE };

	// Refused first: had any of them started an execution, the count below would show it.
	const plainDisposition = sender('callDisposition', false);
	const encryptedDisposition = sender('callDisposition', true);
	const malformedJson = await plainDisposition.sendRaw('{"uuid": "a7587a1a", ', {}, 'application/json');
	const malformedText = await plainDisposition.sendRaw('{"uuid": "a7587a1a", ', {}, 'text/plain');
	const undecryptable = await encryptedDisposition.send('callDisposition', { encryptionSecret: `${BODY_KEY_VALUE}-other`, secretKey: URL_KEY_VALUE });
	const wrongKey = await encryptedDisposition.send('callDisposition', { encryptionSecret: BODY_KEY_VALUE, secretKey: 'guess' });
	const noKey = await encryptedDisposition.send('callDisposition', { encryptionSecret: BODY_KEY_VALUE });
	// n8n's own body parser refuses broken JSON labelled JSON (422) before the trigger runs.
	expect(malformedJson.status).toBe(422);
	expect(malformedText).toMatchObject({ status: 400, body: 'The body is not valid JSON' });
	expect(undecryptable.status).toBe(400);
	expect(wrongKey).toMatchObject({ status: 401, body: 'Unauthorized' });
	expect(noKey.status).toBe(401);
	for (const answer of [malformedText, undecryptable, wrongKey, noKey]) expect(answer.body).not.toContain(BODY_KEY_VALUE);

	// Each async event, plain and encrypted: 200 with an empty body at once.
	const sent: Array<{ trigger: string; uuid?: unknown }> = [];
	for (const event of ASYNC) {
		for (const encrypted of [false, true]) {
			const answer = await sender(event, encrypted).send(event, encrypted ? secured : {});
			expect({ event, encrypted, status: answer.status, body: answer.body }).toEqual({ event, encrypted, status: 200, body: '' });
			sent.push({ trigger: triggerName(event, encrypted), uuid: answer.request.payload.uuid });
		}
	}
	// VCC Live resends an event that failed: the same event, encrypted afresh.
	const resendSender = sender('callDisposition', true);
	const original = await resendSender.send('callDisposition', secured);
	const resent = await resendSender.resend(original.request.id, secured);
	expect([original.status, resent.status]).toEqual([200, 200]);
	expect(resent.request.url).not.toBe(original.request.url); // a new random iv

	// Sync: the Respond to Webhook node's answer comes back to VCC Live.
	const ivr = await sender('ivr', false).send('ivr');
	expect(ivr.status).toBe(200);
	expect(JSON.parse(ivr.body)).toEqual({ pinAccepted: true, callId: ivr.request.payload.uuid });
	const ivrEncrypted = await sender('ivr', true).send('ivr', secured, { pin: '0000' });
	expect(JSON.parse(ivrEncrypted.body)).toEqual({ pinAccepted: false, callId: ivrEncrypted.request.payload.uuid });
	const login = await sender('projectLogin', false).send('projectLogin');
	expect(JSON.parse(login.body)).toEqual({ 1: true, 2: true, 3: false, 4: true, 5: true });
	const loginEncrypted = await sender('projectLogin', true).send('projectLogin', secured);
	expect(JSON.parse(loginEncrypted.body)).toEqual({ 1: true, 2: true, 3: false, 4: true, 5: true });

	const expected = ASYNC.length * 2 + 2 + 4;
	const executions = await waitForExecutions(session, WORKFLOW_ID, expected);
	expect(executions).toHaveLength(expected);
	for (const execution of executions) expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });

	// Which trigger started each execution, and with what.
	const started: Array<{ trigger: string; item: Record<string, unknown> }> = [];
	for (const execution of executions) {
		const runData = (await runDataOf(session, execution.id)).resultData.runData;
		const trigger = Object.keys(runData).find((name) => name.endsWith('-plain') || name.endsWith('-encrypted')) as string;
		started.push({ trigger, item: runData[trigger][0].data?.main[0][0].json ?? {} });
	}
	const counts: Record<string, number> = {};
	for (const { trigger } of started) counts[trigger] = (counts[trigger] ?? 0) + 1;
	const expectedCounts = Object.fromEntries(
		[...ASYNC, ...SYNC].flatMap((event) => [false, true].map((encrypted) => [triggerName(event, encrypted), 1])),
	);
	expectedCounts['callDisposition-encrypted'] = 3;
	expect(counts).toEqual(expectedCounts);
	for (const { trigger, uuid } of sent) {
		const match = started.find((entry) => entry.trigger === trigger && (uuid === undefined || entry.item.callId === uuid));
		expect({ trigger, event: match?.item.event }).toEqual({ trigger, event: trigger.replace(/-(plain|encrypted)$/, '') });
		expect(match?.item.eventKey).toMatch(/^[0-9a-f]{64}$/);
	}
	const dispositionsEncrypted = started.filter((entry) => entry.trigger === 'callDisposition-encrypted');
	// The first encrypted disposition, the original and its resend: the last two share one key.
	expect(dispositionsEncrypted).toHaveLength(3);
	const resendItems = dispositionsEncrypted.filter((entry) => entry.item.callId === original.request.payload.uuid);
	expect(resendItems).toHaveLength(2);
	expect(resendItems[0].item.eventKey).toBe(resendItems[1].item.eventKey);
	expect(new Set(dispositionsEncrypted.map((entry) => entry.item.eventKey)).size).toBe(2);
	expect(started.find((entry) => entry.trigger === 'paymentTransaction-encrypted')?.item).toMatchObject({ paymentStatus: 'successful', currency: 'huf' });
	expect(started.find((entry) => entry.trigger === 'userModified-plain')?.item).toMatchObject({ user: { name: expect.stringContaining('renamed') } });
	// No secret in anything n8n kept.
	expect(JSON.stringify(started)).not.toContain(URL_KEY_VALUE);
	expect(JSON.stringify(started)).not.toContain(BODY_KEY_VALUE);
});
