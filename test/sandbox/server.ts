/**
 * The sandbox HTTP server: one node:http server on loopback with each vendor imitation
 * mounted under its own path prefix. The server owns everything that is not vendor
 * behaviour: request recording, fault injection, latency and a clean shutdown.
 */
import { createServer, STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { FaultQueue } from './faults';
import { InFlightGate } from './inFlightLimit';
import type { InFlightLimit } from './inFlightLimit';
import type { Fault } from './faults';
import { ApioSandbox } from './apio';
import { LiveVoxSandbox } from './livevox';
import { VccLiveSandbox } from './vcclive';
import type { RecordedRequest, SandboxRequest, SandboxResponse, SandboxVendor } from './types';
import type { EncodedResponse } from './wire';
import { encodeResponse, normalizeHeaders, parseBody, parseQuery, readBody, splitSegments } from './wire';

export type { Fault, FaultRule } from './faults';
export { FaultQueue } from './faults';
export type { InFlightLimit } from './inFlightLimit';
export type { RecordedRequest, SandboxRequest, SandboxResponse, SandboxVendor } from './types';
export { ApioSandbox } from './apio';
export { LiveVoxSandbox } from './livevox';
export { VccLiveSandbox } from './vcclive';

export interface SandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Delay before every response, in ms (default 0). */
	latencyMs?: number;
	/** Called after each request is answered or dropped (the CLI logs with it). */
	onRequestDone?: (request: RecordedRequest) => void;
	/** Called as each request arrives, while its connection is surely open (before its body is read). */
	onRequestArrived?: (request: RecordedRequest) => void;
}

export interface Sandbox {
	url: string;
	livevoxUrl: string;
	livevox: LiveVoxSandbox;
	apioUrl: string;
	apio: ApioSandbox;
	vccliveUrl: string;
	vcclive: VccLiveSandbox;
	/** Every request received, in arrival order. */
	requests: RecordedRequest[];
	clearRequests(): void;
	setLatency(ms: number): void;
	faults: FaultQueue;
	/** A tenant rate limit: 429 with Retry-After while more than `maxInFlight` requests are served; undefined lifts it. */
	setInFlightLimit(limit: InFlightLimit | undefined): void;
	/** Requests refused by the in-flight limit since it was last set. */
	readonly inFlightRefusals: number;
	/** Closes the server and every open socket, and cancels pending delays. */
	close(): Promise<void>;
}

interface PendingWait {
	timer: NodeJS.Timeout;
	resolve: () => void;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const host = options.host ?? '127.0.0.1';
	const livevox = new LiveVoxSandbox();
	const apio = new ApioSandbox();
	const vcclive = new VccLiveSandbox();
	const vendors: SandboxVendor[] = [livevox, vcclive, apio];
	const faults = new FaultQueue();
	const gate = new InFlightGate();
	const requests: RecordedRequest[] = [];
	const sockets = new Set<Socket>();
	const waits = new Set<PendingWait>();
	let latencyMs = checkedDelay(options.latencyMs ?? 0);
	let closing = false;

	// An answer repeated from a vendor's cache (the benchmark's reports) is encoded once per encoding.
	const encodings = new WeakMap<SandboxResponse, Map<string, EncodedResponse>>();
	function encodedOnce(response: SandboxResponse, acceptEncoding: string | undefined): EncodedResponse {
		const known = encodings.get(response) ?? new Map<string, EncodedResponse>();
		encodings.set(response, known);
		const key = acceptEncoding ?? '';
		const encoded = known.get(key) ?? encodeResponse(response, acceptEncoding);
		known.set(key, encoded);
		return encoded;
	}

	/** A cancellable delay: close() resolves every pending wait so no timer outlives the server. */
	function wait(ms: number): Promise<void> {
		if (ms <= 0 || closing) return Promise.resolve();
		return new Promise((resolve) => {
			const pending: PendingWait = {
				timer: setTimeout(() => {
					waits.delete(pending);
					resolve();
				}, ms),
				resolve,
			};
			waits.add(pending);
		});
	}

	async function onRequest(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
		const url = new URL(incoming.url ?? '/', 'http://sandbox.invalid');
		const method = (incoming.method ?? 'GET').toUpperCase();
		const vendor = vendors.find((candidate) => isUnderPrefix(url.pathname, candidate.prefix));
		const path = vendor ? url.pathname.slice(vendor.prefix.length) || '/' : url.pathname;
		const headers = normalizeHeaders(incoming.headers);
		// Recorded at arrival (before the body is read) so the list keeps true arrival order.
		const record: RecordedRequest = {
			vendor: vendor?.name ?? '',
			method,
			path,
			query: parseQuery(url.searchParams),
			headers,
			body: undefined,
			status: 0,
			receivedAt: Date.now(),
			doneAt: 0,
			remotePort: incoming.socket.remotePort,
		};
		requests.push(record);
		options.onRequestArrived?.(record);
		// The latency in force when the request arrived, so changing it affects later requests only.
		const latency = latencyMs;

		const rawBody = await readBody(incoming);
		const { body, invalidJson } = parseBody(rawBody, headers['content-type']);
		record.body = body;

		let leave = (): void => undefined;
		const finish = (): void => {
			record.doneAt = Date.now();
			leave();
			options.onRequestDone?.(record);
		};
		const drop = (): void => {
			incoming.socket.destroy();
			finish();
		};

		const fault: Fault | undefined = faults.take(record.vendor, method, path);
		const admission = fault === undefined ? gate.admit(record.vendor) : undefined;
		if (admission) leave = admission.leave;
		if (fault?.kind === 'drop') {
			await wait(latency);
			return drop();
		}

		let response: SandboxResponse;
		if (fault?.kind === 'status') {
			response = faultResponse(fault);
		} else if (admission?.refusal) {
			response = admission.refusal;
		} else if (!vendor) {
			response = { status: 404, body: { code: 404, message: 'No vendor is mounted at this path' } };
		} else {
			const request: SandboxRequest = {
				method,
				path,
				segments: splitSegments(path),
				query: record.query,
				headers,
				rawBody,
				body,
				invalidJson,
			};
			response = await handleSafely(vendor, request);
			record.handledStatus = response.status;
		}

		// Encoded before the wait, and the wait counted from arrival: the latency is the whole time
		// to answer, with the sandbox's own work inside it, as on a server that answers many at once.
		const encoded = encodedOnce(response, headers['accept-encoding']);
		await wait(record.receivedAt + latency + (fault?.kind === 'delay' ? checkedDelay(fault.ms) : 0) - Date.now());
		if (fault?.kind === 'dropAfterProcessing') return drop();
		if (closing || outgoing.destroyed) return finish();

		if (fault?.kind === 'dropMidBody') return dropMidBody(outgoing, encoded, fault.fraction, drop);
		record.status = encoded.status;
		outgoing.writeHead(encoded.status, encoded.headers);
		outgoing.end(encoded.payload);
		finish();
	}

	const server = createServer((incoming, outgoing) => {
		onRequest(incoming, outgoing).catch((error: unknown) => {
			// Only reached on socket-level failures (client went away mid-body); nothing to answer.
			if (!outgoing.headersSent && !outgoing.destroyed) {
				outgoing.writeHead(500, { 'content-type': 'text/plain' });
				outgoing.end(`Sandbox failure: ${String(error)}`);
			}
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});

	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('Sandbox did not get a TCP address');
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

	let closed: Promise<void> | undefined;
	return {
		url,
		livevoxUrl: url + livevox.prefix,
		livevox,
		apioUrl: url + apio.prefix,
		apio,
		vccliveUrl: url + vcclive.prefix,
		vcclive,
		requests,
		clearRequests: () => {
			// Emptied in place: callers may hold a reference to the array.
			requests.length = 0;
		},
		setLatency: (ms: number) => {
			latencyMs = checkedDelay(ms);
		},
		faults,
		setInFlightLimit: (limit: InFlightLimit | undefined) => gate.set(limit),
		get inFlightRefusals() {
			return gate.refused;
		},
		close: () => {
			closed ??= new Promise<void>((resolve) => {
				closing = true;
				for (const pending of waits) {
					clearTimeout(pending.timer);
					pending.resolve();
				}
				waits.clear();
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			});
			return closed;
		},
	};
}

/** Sends the headers and part of the body, then destroys the socket once that part is flushed. */
function dropMidBody(
	outgoing: ServerResponse,
	encoded: EncodedResponse,
	fraction: number | undefined,
	drop: () => void,
): void {
	const payload = encoded.payload ?? Buffer.alloc(0);
	const share = Math.min(1, Math.max(0, fraction ?? 0.5));
	const sent = Math.min(Math.floor(payload.length * share), Math.max(0, payload.length - 1));
	// The full Content-Length promises more than is sent, so the client sees a cut body.
	outgoing.writeHead(encoded.status, { ...encoded.headers, 'content-length': String(Math.max(payload.length, 1)) });
	outgoing.write(payload.subarray(0, sent), () => drop());
}

function isUnderPrefix(pathname: string, prefix: string): boolean {
	return pathname === prefix || pathname.startsWith(prefix + '/');
}

function checkedDelay(ms: number): number {
	if (!Number.isFinite(ms) || ms < 0) throw new Error(`Delay must be a non-negative number of ms, got ${ms}`);
	return ms;
}

function faultResponse(fault: Extract<Fault, { kind: 'status' }>): SandboxResponse {
	const headers: Record<string, string> = {};
	if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
	const body = fault.body ?? { code: fault.status, message: STATUS_CODES[fault.status] ?? 'Injected fault' };
	return { status: fault.status, headers, body };
}

/** A bug in a vendor module becomes a visible 500 rather than a hung request. */
async function handleSafely(vendor: SandboxVendor, request: SandboxRequest): Promise<SandboxResponse> {
	try {
		return await vendor.handle(request);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { status: 500, body: { code: 500, message: `Sandbox error: ${message}` } };
	}
}
