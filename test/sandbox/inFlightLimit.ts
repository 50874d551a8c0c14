/**
 * A tenant rate limit as some vendors enforce it: while more than `maxInFlight` requests are
 * being served, a new one is answered 429 with Retry-After (after the usual latency) without
 * being handled.
 * Used by the benchmark's rate-limit scenario; off unless set.
 */
import type { SandboxResponse } from './types';

export interface InFlightLimit {
	/** Requests served at the same time; one more is refused. */
	maxInFlight: number;
	/** The Retry-After header of the refusal, in seconds (default 1). */
	retryAfterSeconds?: number;
	/** Only this vendor's requests count and are refused; every vendor when absent. */
	vendor?: string;
}

export interface Admission {
	/** The refusal to send instead of handling the request; undefined when admitted. */
	refusal?: SandboxResponse;
	/** Ends the request's turn (idempotent); call it once the answer is sent or dropped. */
	leave(): void;
}

const NOTHING_TO_LEAVE = () => undefined;

export class InFlightGate {
	private limit: InFlightLimit | undefined;
	private serving = 0;
	/** Requests refused with 429 since the limit was set. */
	refused = 0;

	set(limit: InFlightLimit | undefined): void {
		if (limit !== undefined && !(Number.isInteger(limit.maxInFlight) && limit.maxInFlight > 0)) {
			throw new Error(`maxInFlight must be a positive whole number, got ${String(limit.maxInFlight)}`);
		}
		this.limit = limit;
		this.refused = 0;
	}

	admit(vendor: string): Admission {
		const limit = this.limit;
		if (limit === undefined || (limit.vendor !== undefined && limit.vendor !== vendor)) return { leave: NOTHING_TO_LEAVE };
		if (this.serving >= limit.maxInFlight) {
			this.refused += 1;
			const retryAfter = String(limit.retryAfterSeconds ?? 1);
			return {
				refusal: { status: 429, headers: { 'retry-after': retryAfter }, body: { code: 429, message: 'Too many concurrent requests' } },
				leave: NOTHING_TO_LEAVE,
			};
		}
		this.serving += 1;
		let left = false;
		return {
			leave: () => {
				if (left) return;
				left = true;
				this.serving -= 1;
			},
		};
	}
}
