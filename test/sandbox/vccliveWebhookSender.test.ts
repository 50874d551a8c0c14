/** The sandbox's VCC Live webhook sender, against a plain local HTTP server that records what arrives. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { DateTime } from 'luxon';

import { decryptBody } from '../../nodes/VccLiveTrigger/bodyCipher';
import { cdrsOfDay, RecordStore } from './vcclive';
import { buildPayload, sandboxCallDisposition, WEBHOOK_EVENTS } from './vcclive/webhookPayloads';
import { VccLiveWebhookSender } from './vcclive/webhookSender';

interface Arrived {
	method: string;
	url: URL;
	contentType: string;
	body: string;
}

let server: Server;
let base: string;
const arrived: Arrived[] = [];

beforeAll(async () => {
	server = createServer((request: IncomingMessage, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			arrived.push({
				method: request.method ?? '',
				url: new URL(request.url ?? '/', 'http://127.0.0.1'),
				contentType: String(request.headers['content-type'] ?? ''),
				body: Buffer.concat(chunks).toString('utf8'),
			});
			response.writeHead(200).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/abc/webhook`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
	arrived.length = 0;
});

test('every event type goes out as its documented JSON body, each a new occurrence', async () => {
	const sender = new VccLiveWebhookSender(base);
	for (const event of WEBHOOK_EVENTS) await sender.send(event);
	expect(arrived.map((request) => [request.method, request.contentType])).toEqual(WEBHOOK_EVENTS.map(() => ['POST', 'application/json']));
	expect(arrived.map((request) => JSON.parse(request.body))).toEqual(sender.sent.map((request) => request.payload));
	const second = await sender.send('callDisposition');
	expect(second.request.payload.uuid).not.toBe(sender.sent[0].payload.uuid);
});

test('encrypted: base64 body, a random 16-byte iv in the URL, the secret key beside it; the trigger\'s decryption reads it', async () => {
	const sender = new VccLiveWebhookSender(base);
	const { request } = await sender.send('paymentTransaction', { encryptionSecret: 'the secret', secretKey: 'k-1' });
	const [received] = arrived;
	const iv = received.url.searchParams.get('iv') ?? '';
	expect(iv).toMatch(/^[0-9a-f]{32}$/);
	expect(received.url.searchParams.get('secret-key')).toBe('k-1');
	expect(received.body).toMatch(/^[A-Za-z0-9+/]+=*$/);
	expect(decryptBody(received.body, 'the secret', iv)).toEqual({ value: JSON.stringify(request.payload) });
});

test('a resend is the same event encrypted afresh; GET puts the fields in the URL', async () => {
	const sender = new VccLiveWebhookSender(base);
	const first = await sender.send('callDisposition', { encryptionSecret: 's' });
	await sender.resend(first.request.id, { encryptionSecret: 's' });
	const [one, two] = arrived;
	expect(two.url.searchParams.get('iv')).not.toBe(one.url.searchParams.get('iv'));
	const read = (request: Arrived) => decryptBody(request.body, 's', request.url.searchParams.get('iv') ?? undefined);
	expect(read(two)).toEqual(read(one));
	await sender.send('ivr', { method: 'GET' }, { pin: '42' });
	expect(arrived[2]).toMatchObject({ method: 'GET', body: '' });
	expect(arrived[2].url.searchParams.get('pin')).toBe('42');
});

test('a disposition of one of the sandbox calls names its record, project and numbers, with the assessment asked for', () => {
	const uuid = '20240401-0214-4000-8000-000000000005';
	const [cdr] = cdrsOfDay(DateTime.fromISO('2024-04-01', { zone: 'UTC' }), 214).filter((candidate) => candidate.uuid === uuid);
	const body = buildPayload('callDisposition', 1, sandboxCallDisposition(uuid, 'ordered'));
	expect(body).toMatchObject({
		uuid,
		numberid: cdr.numberid,
		projectid: 214,
		userid: cdr.userid,
		direction: 'out',
		source: cdr.source,
		destination: cdr.destination,
		// The call began at 13:05:00 and was billed 119 s: the disposition is set as it ends.
		create_time: '2024-04-01 13:06:59',
		timestamp: '2024-04-01T13:06:59Z',
		disposition: { assesment: 'ordered' },
	});
	expect(new RecordStore().get('214', String(cdr.numberid))).toBeDefined();
	expect(() => sandboxCallDisposition('a7587a1a-2581-4dfe-b9aa-000000000001', 'ordered')).toThrow('is not a call of the sandbox');
});
