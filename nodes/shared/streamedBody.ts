import type { FullResponse } from './httpFailure';

/** A body no longer than this is kept as it arrives too, for an error code in it. */
const SHORT_BODY_BYTES = 4096;

/** Reads a success's body as it arrives and returns what the call answers. */
export type ReadBody = (bytes: AsyncIterable<Uint8Array>) => Promise<unknown>;

/** A streamed answer whose body `readBody` could not read: not a network failure, so never retried. */
export class UnreadableBody {
	constructor(readonly error: unknown) {}
}

/** A streamed answer: what `readBody` made of it, and the body itself when it was short. */
export type ReadAnswer = FullResponse & { shortBody?: Buffer };

export const isStream = (body: unknown): body is AsyncIterable<Uint8Array> =>
	typeof body === 'object' && body !== null && Symbol.asyncIterator in body;

/** Every byte of a body that came as a stream. */
export async function wholeBody(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
	const pieces: Uint8Array[] = [];
	for await (const piece of body) pieces.push(piece);
	return Buffer.concat(pieces);
}

/**
 * A success read with `readBody` as it arrives. A body that breaks off ends there, and the
 * call fails with the connection's error (a network failure, retried for a read); an error
 * of `readBody` itself is thrown as UnreadableBody, not retried.
 */
export async function readArriving(response: FullResponse, readBody: ReadBody): Promise<ReadAnswer> {
	const short: Uint8Array[] = [];
	let size = 0;
	let cut: { error: unknown } | undefined;
	async function* arriving() {
		try {
			for await (const piece of response.body as AsyncIterable<Uint8Array>) {
				size += piece.length;
				if (size <= SHORT_BODY_BYTES) short.push(piece);
				yield piece;
			}
		} catch (error) {
			cut = { error };
		}
	}
	let body: unknown;
	try {
		body = await readBody(arriving());
	} catch (error) {
		body = new UnreadableBody(error);
	}
	if (cut) throw cut.error;
	if (body instanceof UnreadableBody) throw body;
	return { ...response, body, shortBody: size <= SHORT_BODY_BYTES ? Buffer.concat(short) : undefined };
}
