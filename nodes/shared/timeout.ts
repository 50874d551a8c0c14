/** The longest Timeout option honoured, in seconds (a day); Node's timers take at most about 24.8 days. */
export const MAX_TIMEOUT_SECONDS = 86_400;

/**
 * The request timeout to use, in seconds: the Timeout option when it is a positive number,
 * the node's default otherwise (an expression can give anything: a negative number, NaN or a
 * string would make Node's socket throw a RangeError outside the node's control).
 */
export function timeoutSecondsOf(value: unknown, fallback: number): number {
	const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return fallback;
	return Math.min(seconds, MAX_TIMEOUT_SECONDS);
}
