import { sleep as n8nSleep } from 'n8n-workflow';

/** Whether a request only reads (safe to repeat) or changes something (never repeated once sent). */
export type RequestKind = 'read' | 'write';

export interface RetryPolicy {
	/** Attempts in all, the first included; a read refused for the rate (429) is bounded by the waits alone. */
	maxAttempts: number;
	/** First backoff wait; doubled after each failed attempt. */
	baseDelayMs: number;
	/** No single wait is longer; a Retry-After beyond it ends the retries. */
	maxDelayMs: number;
	/** The waits of one request add up to at most this. */
	maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 60_000,
};

/** What is known about a failed attempt. */
export interface FailureFacts {
	/** HTTP status, when a response came back. */
	status?: number;
	/** The Retry-After header, when the response had one. */
	retryAfter?: string;
	/** Node's error code for a failure without a response (ECONNRESET, ETIMEDOUT, ...). */
	networkCode?: string;
}

/** Failures that prove the request never reached the server, so even a write may be sent again. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_NETWORK_CODES = new Set([
	...NEVER_SENT_CODES,
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ERR_STREAM_PREMATURE_CLOSE',
]);
const TRANSIENT_STATUSES = new Set([429, 500, 502, 503, 504]);

/** Reads Retry-After (seconds or an HTTP date) as milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	// An HTTP date always names its day or month; Date.parse alone also takes "-1" as a year.
	if (!/[a-z]/i.test(trimmed)) return undefined;
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - nowMs);
}

/**
 * A write refused with 429 and a Retry-After was not processed: it is sent again after the
 * wait asked for, this many times at most. Without Retry-After it is not (how long to wait is
 * a guess, and the run says to run again).
 */
export const WRITE_RATE_LIMIT_RETRIES = 1;

const asksToWait = (facts: FailureFacts) => facts.status === 429 && (facts.retryAfter ?? '').trim() !== '';

/** Whether the failure is worth another attempt at all, for this kind of request. */
export function isRetryable(facts: FailureFacts, kind: RequestKind): boolean {
	if (kind === 'write') {
		if (asksToWait(facts)) return true;
		return facts.status === undefined && NEVER_SENT_CODES.has(facts.networkCode ?? '');
	}
	if (facts.status !== undefined) return TRANSIENT_STATUSES.has(facts.status);
	return TRANSIENT_NETWORK_CODES.has(facts.networkCode ?? '');
}

export interface RetryState {
	kind: RequestKind;
	/** 1 for the first attempt. */
	attempt: number;
	/** Milliseconds already spent waiting for this request. */
	waitedMs: number;
	nowMs: number;
	/** A number in [0, 1) for the jitter. */
	random: number;
}

/**
 * The pure policy: how long to wait before the next attempt, or undefined to give up.
 * Retry-After comes first; otherwise exponential backoff with jitter (between half and
 * all of the doubled delay). Bounded by attempts, by the single wait and by the total wait;
 * a read the vendor refused for its rate (429) by the waits alone: many executions sharing a
 * tenant's limit take turns, and a refusal says the request was not served.
 */
export function retryDelay(
	facts: FailureFacts,
	state: RetryState,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number | undefined {
	const rateLimitedRead = state.kind === 'read' && facts.status === 429;
	if (!isRetryable(facts, state.kind) || (state.attempt >= policy.maxAttempts && !rateLimitedRead)) return undefined;
	const askedFor = parseRetryAfter(facts.retryAfter, state.nowMs);
	if (state.kind === 'write' && facts.status === 429 && (askedFor === undefined || state.attempt > WRITE_RATE_LIMIT_RETRIES)) return undefined;
	let delay: number;
	if (askedFor !== undefined) {
		if (askedFor > policy.maxDelayMs) return undefined;
		delay = askedFor;
	} else {
		const doubled = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (state.attempt - 1));
		delay = Math.round(doubled * (0.5 + state.random / 2));
	}
	// Past the attempts, a wait of at least the first backoff: the total wait then bounds them (a Retry-After of 0 too).
	if (state.attempt >= policy.maxAttempts) delay = Math.min(policy.maxDelayMs, Math.max(delay, policy.baseDelayMs));
	if (state.waitedMs + delay > policy.maxTotalWaitMs) return undefined;
	return delay;
}

/** What waits between attempts; tests swap `sleep` to run retries without waiting. */
export const retryClock = {
	sleep: (ms: number): Promise<void> => n8nSleep(ms),
	now: (): number => Date.now(),
	random: (): number => Math.random(),
};

/** How a request ended: its value, or its last error with the attempts made and the time waited. */
export type RetryResult<T> =
	| { ok: true; value: T; attempts: number; waitedMs: number }
	| { ok: false; error: unknown; attempts: number; waitedMs: number };

/**
 * Runs `attempt` until it succeeds or the policy gives up. It does not throw: the caller
 * gets the last error with the number of attempts, to say what happened and what to do.
 */
export async function withRetry<T>(
	attempt: () => Promise<T>,
	options: {
		kind: RequestKind;
		describe: (error: unknown) => FailureFacts;
		policy?: RetryPolicy;
	},
): Promise<RetryResult<T>> {
	let waitedMs = 0;
	for (let attemptNumber = 1; ; attemptNumber++) {
		try {
			return { ok: true, value: await attempt(), attempts: attemptNumber, waitedMs };
		} catch (error) {
			const delay = retryDelay(
				options.describe(error),
				{
					kind: options.kind,
					attempt: attemptNumber,
					waitedMs,
					nowMs: retryClock.now(),
					random: retryClock.random(),
				},
				options.policy,
			);
			if (delay === undefined) return { ok: false, error, attempts: attemptNumber, waitedMs };
			await retryClock.sleep(delay);
			waitedMs += delay;
		}
	}
}
