/**
 * Sends VCC Live webhook requests to a URL (a running n8n's webhook URL, or any server), the
 * way VCC Live's pages describe them: a JSON body (or the IVR's form or URL variables), an
 * optional secret key in the URL, and optionally the body encrypted with AES-256-CTR under a
 * random iv given in the `iv` URL parameter, base64-encoded. Written apart from the node's
 * decryption on purpose, after VCC Live's PHP sample, so that a test of one checks the other.
 */
import { createCipheriv, randomBytes } from 'node:crypto';

import { buildPayload, type Payload, type WebhookEvent } from './webhookPayloads';

export interface SendOptions {
	/** Encrypt the body with this secret (PHP openssl: the key NUL-padded or cut to 32 bytes). */
	encryptionSecret?: string;
	/** Leave the iv out of the URL: encrypted with the empty (all-zero) iv. */
	withoutIv?: boolean;
	/** Put this secret key in the URL, under `secretParameter` (default `secret-key`). */
	secretKey?: string;
	secretParameter?: string;
	/** GET: the event's fields as URL parameters; otherwise sent in the body. Default POST. */
	method?: 'DELETE' | 'GET' | 'POST' | 'PUT';
	/** How a body is sent: JSON (default) or form fields (the IVR's "form" content type). */
	bodyFormat?: 'form' | 'json';
}

export interface SentRequest {
	id: number;
	event: WebhookEvent;
	payload: Payload;
	url: string;
	method: string;
	headers: Record<string, string>;
	body: string;
}

export interface WebhookAnswer {
	status: number;
	body: string;
	contentType: string;
}

/** The key PHP's openssl_encrypt uses for a passphrase: its bytes NUL-padded, or cut, to 32. */
function phpKey(secret: string): Buffer {
	const bytes = Buffer.from(secret, 'utf8');
	return bytes.length >= 32 ? bytes.subarray(0, 32) : Buffer.concat([bytes, Buffer.alloc(32 - bytes.length)]);
}

/** openssl_encrypt($text, 'aes-256-ctr', $secret, 0, $iv): base64 of the cipher text. */
export function encryptLikeVccLive(text: string, secret: string, iv: Buffer): string {
	const cipher = createCipheriv('aes-256-ctr', phpKey(secret), iv);
	return Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]).toString('base64');
}

const formBody = (payload: Payload) =>
	new URLSearchParams(
		Object.entries(payload).map(([name, value]): [string, string] => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
	).toString();

export class VccLiveWebhookSender {
	/** Every request sent, so a test can send one again or compare. */
	readonly sent: SentRequest[] = [];
	private seq = 0;

	constructor(readonly url: string) {}

	/** Builds the documented payload of `event` (a new occurrence each call) and sends it. */
	async send(event: WebhookEvent, options: SendOptions = {}, overrides: Payload = {}): Promise<WebhookAnswer & { request: SentRequest }> {
		this.seq += 1;
		return await this.sendPayload(event, buildPayload(event, this.seq, overrides), options);
	}

	/** Sends a given payload (a test's own, or a malformed one) as `event`. */
	async sendPayload(event: WebhookEvent, payload: Payload, options: SendOptions = {}): Promise<WebhookAnswer & { request: SentRequest }> {
		const request = this.prepare(event, payload, options);
		this.sent.push(request);
		return { ...(await this.deliver(request)), request };
	}

	/**
	 * Sends an event again, as VCC Live resends a request that failed: the same event, encrypted
	 * afresh (a new random iv) when it was encrypted.
	 */
	async resend(id: number, options: SendOptions = {}): Promise<WebhookAnswer & { request: SentRequest }> {
		const original = this.sent.find((request) => request.id === id);
		if (!original) throw new Error(`No request ${id} was sent`);
		return await this.sendPayload(original.event, original.payload, options);
	}

	/** Sends a body exactly as given (malformed JSON, a body encrypted with another secret, …). */
	async sendRaw(body: string, query: Record<string, string> = {}, contentType = 'application/json'): Promise<WebhookAnswer> {
		const url = new URL(this.url);
		for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
		return await this.deliver({ id: 0, event: 'callDisposition', payload: {}, url: url.toString(), method: 'POST', headers: { 'content-type': contentType }, body });
	}

	private prepare(event: WebhookEvent, payload: Payload, options: SendOptions): SentRequest {
		const method = options.method ?? 'POST';
		const url = new URL(this.url);
		if (options.secretKey !== undefined) url.searchParams.set(options.secretParameter ?? 'secret-key', options.secretKey);
		let body = '';
		const headers: Record<string, string> = {};
		if (method === 'GET' || method === 'DELETE') {
			for (const [name, value] of Object.entries(payload)) url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
		} else {
			const text = options.bodyFormat === 'form' ? formBody(payload) : JSON.stringify(payload);
			if (options.encryptionSecret === undefined) {
				body = text;
				headers['content-type'] = options.bodyFormat === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
			} else {
				const iv = options.withoutIv ? Buffer.alloc(16) : randomBytes(16);
				if (!options.withoutIv) url.searchParams.set('iv', iv.toString('hex'));
				body = encryptLikeVccLive(text, options.encryptionSecret, iv);
				// The pages do not say how an encrypted body is labelled; base64 is text.
				headers['content-type'] = 'text/plain';
			}
		}
		return { id: this.sent.length + 1, event, payload, url: url.toString(), method, headers, body };
	}

	private async deliver(request: SentRequest): Promise<WebhookAnswer> {
		const response = await fetch(request.url, {
			method: request.method,
			headers: request.headers,
			body: request.method === 'GET' || request.method === 'DELETE' ? undefined : request.body,
		});
		return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') ?? '' };
	}
}
