/**
 * Turning node:http messages into sandbox requests and sandbox responses into bytes.
 * Kept apart from server.ts so the server file is only about lifecycle, faults and timing.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { HeaderMap, QueryMap, SandboxResponse } from './types';

/** Below this size compressing costs more than it saves; real gateways use similar thresholds. */
const GZIP_MIN_BYTES = 1024;

export function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

export function normalizeHeaders(headers: IncomingHttpHeaders): HeaderMap {
	const normalized: HeaderMap = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined) continue;
		normalized[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return normalized;
}

export function parseQuery(params: URLSearchParams): QueryMap {
	const query: QueryMap = {};
	for (const name of new Set(params.keys())) {
		const values = params.getAll(name);
		query[name] = values.length === 1 ? values[0] : values;
	}
	return query;
}

export function splitSegments(path: string): string[] {
	return path
		.split('/')
		.filter((segment) => segment !== '')
		.map((segment) => {
			try {
				return decodeURIComponent(segment);
			} catch {
				// A malformed escape is kept as received; the vendor module will answer 400/404 for it.
				return segment;
			}
		});
}

export interface ParsedBody {
	body: unknown;
	invalidJson: boolean;
}

/**
 * JSON is expected when the content type says so, or when there is no content type at all
 * (some clients post JSON without one). Anything else is kept as text.
 */
export function parseBody(rawBody: string, contentType: string | undefined): ParsedBody {
	if (rawBody === '') return { body: undefined, invalidJson: false };
	const expectsJson = contentType === undefined || /json/i.test(contentType);
	if (!expectsJson) return { body: rawBody, invalidJson: false };
	try {
		return { body: JSON.parse(rawBody) as unknown, invalidJson: false };
	} catch {
		return { body: rawBody, invalidJson: true };
	}
}

export interface EncodedResponse {
	status: number;
	headers: HeaderMap;
	payload: Buffer | undefined;
}

/** Serializes the body and gzips large answers when the client accepts gzip, as real APIs do. */
export function encodeResponse(response: SandboxResponse, acceptEncoding: string | undefined): EncodedResponse {
	const headers: HeaderMap = { ...(response.headers ?? {}) };
	if (response.body === undefined || response.status === 204 || response.status === 304) {
		return { status: response.status, headers, payload: undefined };
	}
	const isText = typeof response.body === 'string';
	let payload = Buffer.from(isText ? (response.body as string) : JSON.stringify(response.body), 'utf8');
	if (!hasHeader(headers, 'content-type')) {
		headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/json';
	}
	if (payload.length >= GZIP_MIN_BYTES && /\bgzip\b/i.test(acceptEncoding ?? '')) {
		payload = gzipSync(payload);
		headers['content-encoding'] = 'gzip';
	}
	headers['content-length'] = String(payload.length);
	return { status: response.status, headers, payload };
}

function hasHeader(headers: HeaderMap, name: string): boolean {
	return Object.keys(headers).some((key) => key.toLowerCase() === name);
}
