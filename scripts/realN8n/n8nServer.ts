/**
 * A running n8n (`n8n start`) for `npm start` and for the tests that need one (an active
 * trigger): started on loopback, waited for, its owner account set up, its REST API used
 * with the owner's session.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

import { n8nBin } from './paths';

export const DEMO_OWNER = { email: 'demo@callcenter.local', firstName: 'Demo', lastName: 'Owner', password: 'CallCenter2026' };

export type Owner = typeof DEMO_OWNER;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port nothing listens on right now, on loopback. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export interface N8nServer {
	url: string;
	process: ChildProcess;
	isRunning(): boolean;
	/** Stops n8n (SIGTERM, then SIGKILL after 15 s) and waits for it to exit. */
	stop(): Promise<void>;
}

/**
 * Starts `n8n start` with the environment of a CLI (same user folder); `N8N_PORT` must be in
 * it. Its task-runner broker gets a free port unless the environment names one.
 */
export async function startN8nServer(env: NodeJS.ProcessEnv, output: 'inherit' | 'ignore' = 'inherit'): Promise<N8nServer> {
	const withBroker = env.N8N_RUNNERS_BROKER_PORT ? env : { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	const child = spawn(n8nBin(), ['start'], { env: withBroker, stdio: ['ignore', output, output] });
	let running = true;
	const exited = new Promise<void>((resolve) => {
		child.once('exit', () => {
			running = false;
			resolve();
		});
	});
	return {
		url: `http://127.0.0.1:${env.N8N_PORT}`,
		process: child,
		isRunning: () => running,
		async stop() {
			if (!running) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		},
	};
}

/**
 * Waits until n8n says it is ready (/healthz/readiness: database connected and migrated, the
 * server fully started; two minutes at most). /healthz alone answers as soon as n8n listens,
 * and until its migrations are checked n8n answers every other route, a login or the owner
 * setup too, with 200 "n8n is starting up. Please wait".
 */
export async function waitForN8n(server: N8nServer): Promise<void> {
	for (let attempt = 0; attempt < 240; attempt++) {
		if (!server.isRunning()) throw new Error('n8n stopped while starting; see its output');
		try {
			if ((await fetch(`${server.url}/healthz/readiness`)).ok) return;
		} catch {
			// not listening yet
		}
		await pause(500);
	}
	throw new Error('n8n was not ready within two minutes');
}

/**
 * Creates the owner account the first time; later runs find it there (n8n answers 400
 * "Instance owner already setup"). Until the REST routes are registered a 404 means "not yet";
 * so do another 400, a 503 "Database is not ready!" and a 200 that is not n8n's JSON answer
 * ("n8n is starting up. Please wait"), which n8n 2.41 gives while it is still starting.
 */
export async function setUpOwner(url: string, owner: Owner = DEMO_OWNER): Promise<void> {
	let last = '';
	for (let attempt = 0; attempt < 120; attempt++) {
		const answer = await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		const text = await answer.text();
		// Only n8n's JSON answer says the owner exists; 200 "n8n is starting up" does not.
		if (answer.ok && text.startsWith('{')) return;
		last = `${answer.status} ${text.slice(0, 300)}`;
		if (answer.status === 400 && /already set ?up/i.test(last)) return;
		if (!answer.ok && ![400, 404, 503].includes(answer.status)) throw new Error(`Owner setup answered ${last}`);
		await pause(500);
	}
	throw new Error(`n8n did not set up the owner within a minute; its last answer: ${last}`);
}

/** The owner's session with n8n's REST API (the endpoints the editor uses). */
export class RestSession {
	private constructor(
		readonly url: string,
		private readonly cookie: string,
	) {}

	/**
	 * n8n registers its REST routes after /healthz and the owner setup answer: until then a login
	 * is answered 404, or 200 without the session cookie; asked again for a minute.
	 */
	static async logIn(url: string, owner: Owner = DEMO_OWNER): Promise<RestSession> {
		const send = async () => {
			const answer = await fetch(`${url}/rest/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
			});
			const cookie = answer.headers
				.getSetCookie()
				.map((line) => line.split(';')[0])
				.find((pair) => pair.startsWith('n8n-auth='));
			return { answer, cookie };
		};
		let sent = await send();
		for (let attempt = 0; (sent.answer.status === 404 || (sent.answer.ok && !sent.cookie)) && attempt < 60; attempt++) {
			await pause(1000);
			sent = await send();
		}
		const { answer, cookie } = sent;
		if (!answer.ok) throw new Error(`n8n login answered ${answer.status}: ${await answer.text()}`);
		if (!cookie) throw new Error(`n8n login set no n8n-auth cookie for a minute; its last answer: ${(await answer.text()).slice(0, 300)}`);
		return new RestSession(url, cookie);
	}

	/** POST /rest/<path> with a JSON body, returning the `data` n8n wraps its answers in. */
	async post<T>(path: string, body: unknown): Promise<T> {
		const answer = await fetch(`${this.url}/rest/${path}`, {
			method: 'POST',
			headers: { cookie: this.cookie, 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		if (!answer.ok) throw new Error(`POST /rest/${path} answered ${answer.status}: ${await answer.text()}`);
		return ((await answer.json()) as { data: T }).data;
	}

	/** GET /rest/<path>, returning the `data` n8n wraps its answers in. */
	async get<T>(path: string): Promise<T> {
		const answer = await fetch(`${this.url}/rest/${path}`, { headers: { cookie: this.cookie } });
		if (!answer.ok) throw new Error(`GET /rest/${path} answered ${answer.status}: ${await answer.text()}`);
		return ((await answer.json()) as { data: T }).data;
	}
}
