/**
 * The bytes of a body that arrives within `limit` bytes, whole, to be read later; a longer
 * body is handed to `read` as it arrives (the bytes held so far, then the rest), so it is
 * never held whole. A worker can then start its next call before reading a small answer,
 * and read a large one while it is still arriving.
 */
export async function wholeWhenSmall<T>(
	bytes: AsyncIterable<Uint8Array>,
	limit: number,
	read: (bytes: AsyncIterable<Uint8Array>) => Promise<T>,
): Promise<Buffer | T> {
	const iterator = bytes[Symbol.asyncIterator]();
	const held: Uint8Array[] = [];
	let size = 0;
	while (size <= limit) {
		const next = await iterator.next();
		if (next.done === true) return Buffer.concat(held);
		held.push(next.value);
		size += next.value.length;
	}
	async function* heldThenRest(): AsyncIterable<Uint8Array> {
		try {
			yield* held.splice(0);
			for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
		} finally {
			// A reader that stops early (it failed) lets go of the body, and of its connection.
			await iterator.return?.();
		}
	}
	return await read(heldThenRest());
}
