/**
 * A tiny fetch-based LiveVox client for the sandbox's own tests: log in, then call paths
 * with the LV-Access / LV-Session headers set. Not used by the nodes.
 */
import type { Sandbox } from './server';

export interface CallOptions {
	/** Query parameters, added in this order. */
	query?: Record<string, string | number | boolean>;
	/** Sent as JSON unless it is a string (sent as is). */
	body?: unknown;
	/** Replaces the default headers entirely when given. */
	headers?: Record<string, string>;
}

export interface CallResult {
	status: number;
	headers: Headers;
	/** Parsed JSON, or undefined for an empty body. */
	body: unknown;
}

export class LiveVoxTestClient {
	sessionId = '';

	constructor(private readonly sandbox: Sandbox) {}

	private get account() {
		return this.sandbox.livevox.account;
	}

	async login(): Promise<string> {
		const result = await this.raw('POST', '/session/login', {
			headers: { 'content-type': 'application/json', 'lv-access': this.account.accessToken },
			body: { clientName: this.account.clientName, userName: this.account.userName, password: this.account.password },
		});
		if (result.status !== 200) throw new Error(`login failed: ${result.status} ${JSON.stringify(result.body)}`);
		this.sessionId = (result.body as { sessionId: string }).sessionId;
		return this.sessionId;
	}

	/** A call with the access token and current session (log in first). */
	call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
		const headers = options.headers ?? {
			'content-type': 'application/json',
			'lv-access': this.account.accessToken,
			'lv-session': this.sessionId,
		};
		return this.raw(method, path, { ...options, headers });
	}

	/**
	 * A call with exactly the headers given, except that an object body without a content type
	 * is labelled application/json (fetch would otherwise label it text/plain).
	 */
	async raw(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
		const url = new URL(this.sandbox.livevoxUrl + path);
		for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.append(name, String(value));
		const headers = { ...options.headers };
		let body: string | undefined;
		if (typeof options.body === 'string') {
			body = options.body;
		} else if (options.body !== undefined) {
			body = JSON.stringify(options.body);
			if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
				headers['content-type'] = 'application/json';
			}
		}
		const response = await fetch(url, { method, headers, body });
		const text = await response.text();
		return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
	}
}
