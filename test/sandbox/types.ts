/**
 * Shapes shared by the sandbox server and the vendor modules mounted in it.
 * A vendor module only sees a parsed request and returns a plain response object:
 * it never touches sockets, so faults, latency and recording stay in the server.
 */

/** Header names are lower-cased; repeated headers are joined with ", ". */
export type HeaderMap = Record<string, string>;

/** A query parameter given once is a string; given several times, an array. */
export type QueryMap = Record<string, string | string[]>;

export interface SandboxRequest {
	/** Upper-case HTTP method. */
	method: string;
	/** Path after the vendor prefix, as received (still percent-encoded), without the query. */
	path: string;
	/** `path` split on "/", empty segments removed, each segment percent-decoded. */
	segments: string[];
	query: QueryMap;
	headers: HeaderMap;
	/** Body text as received ("" when there was none). */
	rawBody: string;
	/** Parsed JSON when the body is JSON, the raw text otherwise, undefined when empty. */
	body: unknown;
	/** True when the body was meant to be JSON (content type, or no content type) but did not parse. */
	invalidJson: boolean;
}

export interface SandboxResponse {
	status: number;
	headers?: HeaderMap;
	/** undefined: no body. A string is sent as text/plain; anything else as JSON. */
	body?: unknown;
}

/** One vendor imitation, mounted under `prefix` (e.g. "/livevox"). */
export interface SandboxVendor {
	/** Short name recorded with each request and matched by fault rules ("livevox"). */
	readonly name: string;
	/** Path prefix without trailing slash ("/livevox"). */
	readonly prefix: string;
	handle(request: SandboxRequest): Promise<SandboxResponse>;
}

export interface RecordedRequest {
	/** Vendor name, or "" when no vendor prefix matched. */
	vendor: string;
	method: string;
	/** Without the vendor prefix and without the query, as received (percent-encoded). */
	path: string;
	query: QueryMap;
	headers: HeaderMap;
	/** Parsed JSON when JSON, raw string otherwise, undefined when empty. */
	body: unknown;
	/** Status sent, or 0 while unanswered and when the connection was dropped. */
	status: number;
	/** When the request arrived and when it was answered or dropped (ms since the epoch; 0 until then). */
	receivedAt: number;
	doneAt: number;
	/**
	 * The status the vendor module answered with, also when the answer was then delayed, cut or
	 * dropped; undefined when the vendor never handled the request (an injected status or drop).
	 * A 2xx here means the sandbox accepted the request and its state changed.
	 */
	handledStatus?: number;
	/** The client's TCP port (its end of the connection): which process sent it can be told from it. */
	remotePort?: number;
}

export function jsonResponse(status: number, body: unknown, headers?: HeaderMap): SandboxResponse {
	return { status, body, headers };
}

export function noContent(): SandboxResponse {
	return { status: 204 };
}

/** The single value of a query parameter; undefined when absent or given more than once. */
export function singleQueryValue(query: QueryMap, name: string): string | undefined {
	const value = query[name];
	return typeof value === 'string' ? value : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
