import fc from 'fast-check';

import type { FailureFacts, RetryPolicy, RetryState } from './retry';
import { DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter, retryDelay } from './retry';

const NOW = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
const state = (overrides: Partial<RetryState> = {}): RetryState => ({
	kind: 'read',
	attempt: 1,
	waitedMs: 0,
	nowMs: NOW,
	random: 0,
	...overrides,
});

const NETWORK_CODES = ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH'];
const NEVER_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'];
const MAYBE_SENT = ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EHOSTUNREACH'];

describe('isRetryable', () => {
	it.each([429, 500, 502, 503, 504])('retries a read answered %i', (status) => {
		expect(isRetryable({ status }, 'read')).toBe(true);
	});

	it.each([400, 401, 403, 404, 409, 422, 501])('never retries a read answered %i', (status) => {
		expect(isRetryable({ status }, 'read')).toBe(false);
	});

	it.each(NETWORK_CODES)('retries a read that failed with %s', (networkCode) => {
		expect(isRetryable({ networkCode }, 'read')).toBe(true);
	});

	it('does not retry a read that failed with an unknown code or none', () => {
		expect(isRetryable({ networkCode: 'ERR_INVALID_URL' }, 'read')).toBe(false);
		expect(isRetryable({}, 'read')).toBe(false);
	});

	it.each(NEVER_SENT)('retries a write that never left with %s', (networkCode) => {
		expect(isRetryable({ networkCode }, 'write')).toBe(true);
	});

	it.each(MAYBE_SENT)('never retries a write that may have been sent (%s)', (networkCode) => {
		expect(isRetryable({ networkCode }, 'write')).toBe(false);
	});

	it('sends a write refused with 429 and Retry-After once more, after the wait asked for', () => {
		expect(isRetryable({ status: 429, retryAfter: '2' }, 'write')).toBe(true);
		expect(retryDelay({ status: 429, retryAfter: '2' }, state({ kind: 'write', attempt: 1 }))).toBe(2000);
		expect(retryDelay({ status: 429, retryAfter: '2' }, state({ kind: 'write', attempt: 2 }))).toBeUndefined();
		expect(retryDelay({ status: 429, retryAfter: 'soon' }, state({ kind: 'write', attempt: 1 }))).toBeUndefined();
		expect(retryDelay({ status: 503, retryAfter: '2' }, state({ kind: 'write', attempt: 1 }))).toBeUndefined();
	});

	it.each([400, 404, 429, 500, 502, 503, 504])('never retries a write answered %i', (status) => {
		expect(isRetryable({ status }, 'write')).toBe(false);
		expect(isRetryable({ status, networkCode: 'ECONNREFUSED' }, 'write')).toBe(false);
	});
});

describe('parseRetryAfter', () => {
	it.each([
		['3', 3000],
		[' 3 ', 3000],
		['0', 0],
		['1.5', 1500],
		['120', 120_000],
	])('reads %p seconds as %p ms', (value, ms) => {
		expect(parseRetryAfter(value, NOW)).toBe(ms);
	});

	it('reads an HTTP date as the time left until it', () => {
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', NOW)).toBe(5000);
	});

	it('reads an HTTP date already past as no wait', () => {
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', NOW)).toBe(0);
	});

	it.each([undefined, '', '  ', 'soon', '-1', '-30', '3s', 'NaN'])('ignores %p', (value) => {
		expect(parseRetryAfter(value, NOW)).toBeUndefined();
	});
});

describe('retryDelay', () => {
	it('gives up on what is not retryable', () => {
		expect(retryDelay({ status: 404 }, state())).toBeUndefined();
		expect(retryDelay({ status: 503 }, state({ kind: 'write' }))).toBeUndefined();
		expect(retryDelay({ networkCode: 'ECONNRESET' }, state({ kind: 'write' }))).toBeUndefined();
	});

	it('waits what Retry-After asks for, whatever the jitter', () => {
		expect(retryDelay({ status: 429, retryAfter: '3' }, state({ random: 0.9 }))).toBe(3000);
		expect(retryDelay({ status: 503, retryAfter: 'Wed, 21 Oct 2015 07:28:10 GMT' }, state())).toBe(10_000);
		expect(retryDelay({ status: 429, retryAfter: '0' }, state())).toBe(0);
	});

	it('gives up when Retry-After asks for longer than maxDelayMs', () => {
		expect(retryDelay({ status: 429, retryAfter: '30' }, state())).toBe(30_000);
		expect(retryDelay({ status: 429, retryAfter: '31' }, state())).toBeUndefined();
		expect(retryDelay({ status: 429, retryAfter: 'Wed, 21 Oct 2015 07:29:00 GMT' }, state())).toBeUndefined();
	});

	it('falls back to backoff when Retry-After cannot be read', () => {
		expect(retryDelay({ status: 429, retryAfter: 'later' }, state({ random: 0 }))).toBe(500);
	});

	it('doubles the backoff after each attempt: half of it with no jitter, all of it with the most', () => {
		const policy: RetryPolicy = { maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 30_000, maxTotalWaitMs: 1e9 };
		const lows = [1, 2, 3, 4].map((attempt) => retryDelay({ status: 503 }, state({ attempt, random: 0 }), policy));
		const highs = [1, 2, 3, 4].map((attempt) => retryDelay({ status: 503 }, state({ attempt, random: 0.999999 }), policy));
		expect(lows).toEqual([500, 1000, 2000, 4000]);
		expect(highs).toEqual([1000, 2000, 4000, 8000]);
	});

	it('caps the doubled delay at maxDelayMs', () => {
		const policy: RetryPolicy = { maxAttempts: 20, baseDelayMs: 1000, maxDelayMs: 30_000, maxTotalWaitMs: 1e9 };
		expect(retryDelay({ status: 503 }, state({ attempt: 12, random: 0 }), policy)).toBe(15_000);
		expect(retryDelay({ status: 503 }, state({ attempt: 12, random: 0.999999 }), policy)).toBe(30_000);
	});

	it('stops once maxAttempts attempts were made', () => {
		expect(retryDelay({ status: 503 }, state({ attempt: DEFAULT_RETRY_POLICY.maxAttempts - 1 }))).toBeDefined();
		expect(retryDelay({ status: 503 }, state({ attempt: DEFAULT_RETRY_POLICY.maxAttempts }))).toBeUndefined();
	});

	it('asks a read refused for the rate (429) again past maxAttempts, as long as the waits fit maxTotalWaitMs', () => {
		const { maxAttempts, baseDelayMs, maxTotalWaitMs } = DEFAULT_RETRY_POLICY;
		expect(retryDelay({ status: 429, retryAfter: '1' }, state({ attempt: maxAttempts + 10, waitedMs: 20_000 }))).toBe(1000);
		expect(retryDelay({ status: 429, retryAfter: '2' }, state({ attempt: maxAttempts + 10, waitedMs: maxTotalWaitMs - 2000 }))).toBe(2000);
		expect(retryDelay({ status: 429, retryAfter: '2' }, state({ attempt: maxAttempts + 10, waitedMs: maxTotalWaitMs - 1999 }))).toBeUndefined();
		// Retry-After: 0 past the attempts waits the first backoff, so the total wait still ends the retries.
		expect(retryDelay({ status: 429, retryAfter: '0' }, state({ attempt: maxAttempts }))).toBe(baseDelayMs);
		// Not a write, and not another failure.
		expect(retryDelay({ status: 429, retryAfter: '1' }, state({ kind: 'write', attempt: maxAttempts }))).toBeUndefined();
		expect(retryDelay({ status: 503, retryAfter: '1' }, state({ attempt: maxAttempts }))).toBeUndefined();
	});

	it('stops when the next wait would pass maxTotalWaitMs', () => {
		const { maxTotalWaitMs } = DEFAULT_RETRY_POLICY;
		expect(retryDelay({ status: 429, retryAfter: '5' }, state({ waitedMs: maxTotalWaitMs - 5000 }))).toBe(5000);
		expect(retryDelay({ status: 429, retryAfter: '5' }, state({ waitedMs: maxTotalWaitMs - 4999 }))).toBeUndefined();
	});

	it('property: a backoff stays within [half, full] of the doubled delay, capped', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 15 }),
				fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
				fc.integer({ min: 1, max: 5000 }),
				fc.integer({ min: 1, max: 60_000 }),
				(attempt, random, baseDelayMs, maxDelayMs) => {
					const policy: RetryPolicy = { maxAttempts: 16, baseDelayMs, maxDelayMs, maxTotalWaitMs: Number.MAX_SAFE_INTEGER };
					const doubled = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
					const delay = retryDelay({ networkCode: 'ECONNRESET' }, state({ attempt, random }), policy) as number;
					expect(delay).toBeGreaterThanOrEqual(Math.floor(doubled / 2));
					expect(delay).toBeLessThanOrEqual(doubled);
				},
			),
		);
	});

	it('property: over any failure sequence, attempts and waits stay within the policy (past maxAttempts only a read refused with 429)', () => {
		const facts = fc.oneof(
			fc.record({ status: fc.constantFrom(400, 404, 429, 500, 503) }),
			fc.record({ status: fc.constant(429), retryAfter: fc.integer({ min: 0, max: 90 }).map(String) }),
			fc.record({ networkCode: fc.constantFrom(...NETWORK_CODES) }),
		);
		fc.assert(
			fc.property(
				fc.array(fc.tuple(facts, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })), { minLength: 1, maxLength: 12 }),
				fc.constantFrom<'read' | 'write'>('read', 'write'),
				fc.record({
					maxAttempts: fc.integer({ min: 1, max: 8 }),
					baseDelayMs: fc.integer({ min: 1, max: 4000 }),
					maxDelayMs: fc.integer({ min: 1, max: 40_000 }),
					maxTotalWaitMs: fc.integer({ min: 0, max: 80_000 }),
				}),
				(failures, kind, policy) => {
					let waitedMs = 0;
					let attempt = 1;
					for (const [failure, random] of failures) {
						const delay = retryDelay(failure as FailureFacts, { kind, attempt, waitedMs, nowMs: NOW, random }, policy);
						if (delay === undefined) break;
						expect(isRetryable(failure as FailureFacts, kind)).toBe(true);
						// Past maxAttempts only a read refused for the rate, waiting at least the first backoff (or the longest wait).
						if (attempt >= policy.maxAttempts) {
							expect([kind, (failure as FailureFacts).status]).toEqual(['read', 429]);
							expect(delay).toBeGreaterThanOrEqual(Math.min(policy.baseDelayMs, policy.maxDelayMs));
						}
						expect(delay).toBeGreaterThanOrEqual(0);
						expect(delay).toBeLessThanOrEqual(policy.maxDelayMs);
						waitedMs += delay;
						attempt++;
					}
					expect(waitedMs).toBeLessThanOrEqual(policy.maxTotalWaitMs);
				},
			),
			{ numRuns: 500 },
		);
	});
});
