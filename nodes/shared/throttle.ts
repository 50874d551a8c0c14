/**
 * Learns a vendor's limit of requests in flight from its refusals (429) and keeps to it. It
 * starts with no limit of its own (the callers' concurrency applies). A refused request was
 * sent with `n` requests in flight, itself included, so the vendor allows fewer than `n`:
 * from then on at most `n − 1` (at least one) are sent at a time, the others wait for a slot.
 * A refused request waits its Retry-After outside any slot, so the others go on meanwhile.
 * A limit that was learned is tried one higher again after RAISE_AFTER answers sent at the
 * limit since the last refusal: a tenant busy for a while with another application does not
 * slow this process for good.
 */
export class Throttle {
	private limit = Infinity;

	private inFlight = 0;

	private answeredAtLimit = 0;

	private readonly waiting: Array<() => void> = [];

	/** The most requests sent at a time from now on; Infinity until a refusal. */
	get maxInFlight(): number {
		return this.limit;
	}

	async run<T>(send: () => Promise<T>, refused: (answer: T) => boolean): Promise<T> {
		while (this.inFlight >= this.limit) {
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
		this.inFlight++;
		const sentWith = this.inFlight;
		try {
			const answer = await send();
			if (refused(answer)) {
				this.limit = Math.max(1, Math.min(this.limit, sentWith - 1));
				this.answeredAtLimit = 0;
			} else if (sentWith >= this.limit && ++this.answeredAtLimit >= RAISE_AFTER) {
				this.limit++;
				this.answeredAtLimit = 0;
			}
			return answer;
		} finally {
			this.inFlight--;
			this.waiting.shift()?.();
		}
	}
}

/** Answers sent at the learned limit since the last refusal after which one more at a time is tried. */
export const RAISE_AFTER = 50;

const throttles = new Map<string, Throttle>();

/**
 * The throttle of one credential in this process (the key as for its session): what one
 * execution learns of the vendor's limit, every execution on the credential keeps to, so
 * that many at once share the limit instead of each finding it anew with refusals.
 */
export function sharedThrottle(key: string): Throttle {
	let throttle = throttles.get(key);
	if (!throttle) {
		throttle = new Throttle();
		throttles.set(key, throttle);
	}
	return throttle;
}
