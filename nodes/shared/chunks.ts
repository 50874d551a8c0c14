/** Splits a list into consecutive chunks of at most `size` entries (the last may be shorter). */
export function chunk<T>(list: readonly T[], size: number): T[][] {
	if (!Number.isInteger(size) || size < 1) {
		throw new RangeError(`Chunk size must be a positive whole number, got ${size}`);
	}
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size) {
		chunks.push(list.slice(start, start + size));
	}
	return chunks;
}
