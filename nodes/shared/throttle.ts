/**
 * Learns a vendor's limit of requests in flight from its refusals (429) and keeps to it for
 * the rest of the run. It starts with no limit of its own (the callers' concurrency applies).
 * A refused request was sent with `n` requests in flight, itself included, so the vendor
 * allows fewer than `n`: from then on at most `n − 1` (at least one) are sent at a time, the
 * others wait for a slot. A refused request waits its Retry-After outside any slot, so the
 * others go on meanwhile.
 */
export class Throttle {
	private limit = Infinity;

	private inFlight = 0;

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
			if (refused(answer)) this.limit = Math.max(1, Math.min(this.limit, sentWith - 1));
			return answer;
		} finally {
			this.inFlight--;
			this.waiting.shift()?.();
		}
	}
}
