/**
 * The VCC Live Trigger's webhook() through n8n-core's WebhookContext (test/engine/webhookHarness.ts):
 * what it answers VCC Live and what it starts the workflow with.
 */
import { randomBytes } from 'node:crypto';

import type { ICredentialTestFunctions, INodeParameters } from 'n8n-workflow';

import { VccLiveTrigger } from '../../nodes/VccLiveTrigger/VccLiveTrigger.node';

import { callWebhook, type FakeRequest } from '../engine/webhookHarness';
import { buildPayload } from '../sandbox/vcclive/webhookPayloads';
import { encryptLikeVccLive } from '../sandbox/vcclive/webhookSender';

const URL_SECRET = 'u-9f3k2-secret';
const ENCRYPTION_SECRET = 'enc-very-secret-key';
const credentials = { vccLiveWebhookApi: { urlSecretKey: URL_SECRET, encryptionSecret: ENCRYPTION_SECRET } };

const post = (body: string, query: Record<string, string> = {}): FakeRequest => ({ method: 'POST', query, body, headers: { 'content-type': 'application/json' } });

function encrypted(payload: object, secret = ENCRYPTION_SECRET) {
	const iv = randomBytes(16);
	return { body: encryptLikeVccLive(JSON.stringify(payload), secret, iv), iv: iv.toString('hex') };
}

async function trigger(parameters: INodeParameters, request: FakeRequest, withCredentials = true) {
	return await callWebhook({ type: 'vccLiveTrigger', parameters, credentials: withCredentials ? credentials : {}, request });
}

const itemsOf = (call: Awaited<ReturnType<typeof trigger>>) => call.result?.workflowData?.[0]?.map((item) => item.json) ?? [];

describe('VCC Live Trigger: webhook requests', () => {
	test('a plain Call Disposition starts the workflow with one item of readable fields and its key', async () => {
		const payload = buildPayload('callDisposition', 1);
		const call = await trigger({ event: 'callDisposition' }, post(JSON.stringify(payload)));
		expect(call.error).toBeUndefined();
		const [item] = itemsOf(call);
		expect(item).toMatchObject({ event: 'callDisposition', projectId: 214, callId: payload.uuid, assessment: 'success', body: payload });
		expect(item.eventKey).toMatch(/^[0-9a-f]{64}$/);
		// Async: n8n answers at once, 200 with an empty body.
		expect(call.responseMode).toBe('onReceived');
		expect(call.responseData).toBe('noData');
		expect(call.httpMethod).toBe('POST');
	});

	test('an encrypted body with a random iv is decrypted; the resend gets the same key', async () => {
		const payload = buildPayload('paymentTransaction', 3);
		const parameters = { event: 'paymentTransaction', options: { decryptBody: true } };
		const first = encrypted(payload);
		const again = encrypted(payload);
		expect(again.body).not.toBe(first.body);
		const [one] = itemsOf(await trigger(parameters, post(first.body, { iv: first.iv })));
		const [two] = itemsOf(await trigger(parameters, post(again.body, { iv: again.iv })));
		expect(one).toMatchObject({ event: 'paymentTransaction', paymentStatus: 'successful', transactionId: (payload.payment as { transactionid: string }).transactionid });
		expect(two.eventKey).toBe(one.eventKey);
		expect(JSON.stringify([one, two])).not.toContain(ENCRYPTION_SECRET);
	});

	test('an undecryptable body is refused with 400 and starts nothing', async () => {
		const other = encrypted(buildPayload('callDisposition', 1), 'another-secret');
		const call = await trigger({ event: 'callDisposition', options: { decryptBody: true } }, post(other.body, { iv: other.iv }));
		expect(call.written.status).toBe(400);
		expect(call.result).toEqual({ noWebhookResponse: true });
		expect(call.written.body).not.toContain(ENCRYPTION_SECRET);
	});

	test('a malformed body is refused with 400 and starts nothing', async () => {
		const call = await trigger({ event: 'callDisposition' }, post('{"uuid": "a7587a1a", '));
		expect(call.written).toMatchObject({ status: 400, body: 'The body is not valid JSON' });
		expect(call.result).toEqual({ noWebhookResponse: true });
	});

	test('the URL secret key: missing or wrong → 401 and nothing started; right → the event, without the key', async () => {
		const parameters = { event: 'userCreated', options: { checkSecretKey: true } };
		const body = JSON.stringify(buildPayload('userCreated', 1));
		const wrong: Array<Record<string, string>> = [{}, { 'secret-key': 'guess' }, { 'secret-key': `${URL_SECRET}x` }];
		for (const query of wrong) {
			const call = await trigger(parameters, post(body, query));
			expect(call.written).toMatchObject({ status: 401, body: 'Unauthorized' });
			expect(call.result).toEqual({ noWebhookResponse: true });
		}
		const call = await trigger(parameters, post(body, { 'secret-key': URL_SECRET, extra: '1' }));
		const [item] = itemsOf(call);
		expect(item).toMatchObject({ event: 'userCreated', user: { userid: 101 }, urlParameters: { extra: '1' } });
		expect(JSON.stringify(item)).not.toContain(URL_SECRET);
	});

	test('a secret key under another parameter name', async () => {
		const parameters = { event: 'userModified', options: { checkSecretKey: true, keyParameterName: 'token' } };
		const body = JSON.stringify(buildPayload('userModified', 1));
		expect((await trigger(parameters, post(body, { 'secret-key': URL_SECRET }))).written.status).toBe(401);
		expect(itemsOf(await trigger(parameters, post(body, { token: URL_SECRET })))).toHaveLength(1);
	});

	test('an event the filters leave out is answered 200 and starts nothing', async () => {
		const body = JSON.stringify(buildPayload('callDisposition', 1));
		const parameters = { event: 'callDisposition', filters: { projectIds: '4, 370' } };
		const call = await trigger(parameters, post(body));
		expect(call.result).toEqual({ webhookResponse: '' });
		expect(call.written.status).toBeUndefined();
		const kept = await trigger({ event: 'callDisposition', filters: { projectIds: '214', assessments: ['success'], direction: 'out' } }, post(body));
		expect(itemsOf(kept)).toHaveLength(1);
		const failedOnly = await trigger({ event: 'callDisposition', filters: { assessments: ['failed'] } }, post(body));
		expect(failedOnly.result).toEqual({ webhookResponse: '' });
	});

	test('IVR by GET: the variables from the URL; answered by the workflow (Respond to Webhook)', async () => {
		const payload = buildPayload('ivr', 1) as Record<string, string>;
		const call = await trigger({ event: 'ivr', httpMethod: 'GET' }, { method: 'GET', query: { ...payload, 'secret-key': URL_SECRET } });
		expect(call.responseMode).toBe('responseNode');
		expect(call.httpMethod).toBe('GET');
		const [item] = itemsOf(call);
		expect(item).toMatchObject({ event: 'ivr', customer: 'acme', callId: payload.uuid, variables: { pin: '1234' } });
		expect(JSON.stringify(item)).not.toContain(URL_SECRET);
	});

	test('IVR by POST with the form content type, encrypted', async () => {
		const form = new URLSearchParams({ customer: 'acme', projectid: '4', pin: '9876' }).toString();
		const iv = randomBytes(16);
		const call = await trigger(
			{ event: 'ivr', options: { decryptBody: true } },
			{ method: 'POST', query: { iv: iv.toString('hex') }, body: encryptLikeVccLive(form, ENCRYPTION_SECRET, iv) },
		);
		expect(itemsOf(call)[0]).toMatchObject({ projectId: '4', variables: { pin: '9876' } });
	});

	test('Project Login can be answered immediately when chosen', async () => {
		const call = await trigger({ event: 'projectLogin', responseMode: 'onReceived' }, post(JSON.stringify(buildPayload('projectLogin', 0))));
		expect(call.responseMode).toBe('onReceived');
		expect(itemsOf(call)[0]).toMatchObject({ event: 'projectLogin', projectId: 1, secondaryProjectIds: [2, 3, 4, 5] });
	});

	test('decryption turned on without a credential, or an Encryption Secret, fails the node and says what to do', async () => {
		const body = JSON.stringify(buildPayload('callDisposition', 1));
		const noCredential = await trigger({ event: 'callDisposition', options: { decryptBody: true } }, post(body), false);
		expect(noCredential.error).toBeDefined();
		expect(noCredential.result).toBeUndefined();
		const empty = await callWebhook({
			type: 'vccLiveTrigger',
			parameters: { event: 'callDisposition', options: { decryptBody: true } },
			credentials: { vccLiveWebhookApi: { urlSecretKey: URL_SECRET, encryptionSecret: '' } },
			request: post(body),
		});
		expect(empty.error?.message).toBe('The VCC Live Webhook credential has no Encryption Secret');
		expect(JSON.stringify(empty.error)).not.toContain(URL_SECRET);
	});

	test('project IDs that are not numbers fail the node, naming the field', async () => {
		const call = await trigger({ event: 'callDisposition', filters: { projectIds: '214, abc' } }, post('{}'));
		expect(call.error?.message).toMatch(/Project IDs/);
	});
});

describe('VCC Live Webhook API credential: the Test button', () => {
	const nodeType = new VccLiveTrigger();
	const test_ = nodeType.methods.credentialTest.checkWebhookSecrets;
	const check = async (data: Record<string, string>) =>
		await test_.call({} as ICredentialTestFunctions, { id: '1', name: 'c', type: 'vccLiveWebhookApi', data });

	test('at least one secret, and a URL secret key that survives a URL unchanged', async () => {
		expect(await check({ urlSecretKey: '', encryptionSecret: '' })).toMatchObject({ status: 'Error' });
		expect(await check({ urlSecretKey: 'a&b', encryptionSecret: '' })).toMatchObject({ status: 'Error', message: expect.not.stringContaining('a&b') });
		expect(await check({ urlSecretKey: 'Abc-123_x.y~z', encryptionSecret: '' })).toMatchObject({ status: 'OK' });
		expect(await check({ urlSecretKey: '', encryptionSecret: 'any secret at all' })).toMatchObject({ status: 'OK' });
	});
});
