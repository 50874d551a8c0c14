import fc from 'fast-check';

import type { FailureFacts, RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, retryClock, withRetry } from './retry';

/** An error carrying the facts the policy reads, as `describe` would extract them. */
class FakeFailure extends Error {
	constructor(readonly facts: FailureFacts) {
		super(`failed: ${JSON.stringify(facts)}`);
	}
}
const describeFailure = (error: unknown): FailureFacts => (error as FakeFailure).facts;

/** An attempt that fails with each of `failures` in turn, then answers `value`. */
function failingThen<T>(failures: FailureFacts[], value: T) {
	let calls = 0;
	const attempt = jest.fn(async () => {
		const failure = failures[calls++];
		if (failure) throw new FakeFailure(failure);
		return value;
	});
	return attempt;
}

let sleeps: number[];

beforeEach(() => {
	sleeps = [];
	jest.spyOn(retryClock, 'sleep').mockImplementation(async (ms: number) => {
		sleeps.push(ms);
	});
	jest.spyOn(retryClock, 'random').mockReturnValue(0);
	jest.spyOn(retryClock, 'now').mockReturnValue(Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'));
});

afterEach(() => {
	jest.restoreAllMocks();
});

describe('withRetry', () => {
	it('returns the value of a first successful attempt without sleeping', async () => {
		const attempt = failingThen([], 'done');
		await expect(withRetry(attempt, { kind: 'read', describe: describeFailure })).resolves.toEqual({
			ok: true,
			value: 'done',
			attempts: 1,
			waitedMs: 0,
		});
		expect(sleeps).toEqual([]);
	});

	it('retries a read through transient failures with doubling backoff', async () => {
		const attempt = failingThen([{ status: 503 }, { networkCode: 'ECONNRESET' }], { id: 7 });
		const result = await withRetry(attempt, { kind: 'read', describe: describeFailure });
		expect(result).toEqual({ ok: true, value: { id: 7 }, attempts: 3, waitedMs: 1500 });
		expect(sleeps).toEqual([500, 1000]);
		expect(attempt).toHaveBeenCalledTimes(3);
	});

	it('waits what Retry-After asks for, in seconds or until an HTTP date', async () => {
		const attempt = failingThen(
			[
				{ status: 429, retryAfter: '3' },
				{ status: 429, retryAfter: 'Wed, 21 Oct 2015 07:28:07 GMT' },
			],
			'ok',
		);
		const result = await withRetry(attempt, { kind: 'read', describe: describeFailure });
		expect(sleeps).toEqual([3000, 7000]);
		expect(result).toMatchObject({ ok: true, attempts: 3, waitedMs: 10_000 });
	});

	it('gives up after maxAttempts and returns the last error', async () => {
		const failures = [{ status: 500 }, { status: 502 }, { status: 503 }, { status: 504 }, { status: 500 }];
		const attempt = failingThen(failures, 'never');
		const result = await withRetry(attempt, { kind: 'read', describe: describeFailure });
		expect(result.ok).toBe(false);
		expect(result.attempts).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
		expect(sleeps).toEqual([500, 1000, 2000]);
		expect(result.waitedMs).toBe(3500);
		expect(result).toMatchObject({ error: expect.objectContaining({ facts: { status: 504 } }) });
		expect(attempt).toHaveBeenCalledTimes(4);
	});

	it('gives up at once on a status that is not retryable', async () => {
		const attempt = failingThen([{ status: 404 }], 'never');
		const result = await withRetry(attempt, { kind: 'read', describe: describeFailure });
		expect(result).toEqual({ ok: false, error: expect.any(FakeFailure), attempts: 1, waitedMs: 0 });
		expect(sleeps).toEqual([]);
	});

	it('gives up when Retry-After asks for more than maxDelayMs', async () => {
		const attempt = failingThen([{ status: 429, retryAfter: '3600' }], 'never');
		const result = await withRetry(attempt, { kind: 'read', describe: describeFailure });
		expect(result).toMatchObject({ ok: false, attempts: 1, waitedMs: 0 });
		expect(sleeps).toEqual([]);
	});

	it('never sends a write again once it may have reached the server', async () => {
		for (const failure of [{ networkCode: 'ECONNRESET' }, { networkCode: 'ETIMEDOUT' }, { status: 503 }, { status: 429 }]) {
			const attempt = failingThen([failure], 'never');
			const result = await withRetry(attempt, { kind: 'write', describe: describeFailure });
			expect(result).toMatchObject({ ok: false, attempts: 1 });
			expect(attempt).toHaveBeenCalledTimes(1);
		}
		expect(sleeps).toEqual([]);
	});

	it('sends a write again when the connection was refused or the host not found', async () => {
		const attempt = failingThen([{ networkCode: 'ECONNREFUSED' }, { networkCode: 'ENOTFOUND' }], 'created');
		const result = await withRetry(attempt, { kind: 'write', describe: describeFailure });
		expect(result).toEqual({ ok: true, value: 'created', attempts: 3, waitedMs: 1500 });
	});

	it('uses the policy given, and jitter from retryClock.random', async () => {
		jest.spyOn(retryClock, 'random').mockReturnValue(0.999999);
		const policy: RetryPolicy = { maxAttempts: 2, baseDelayMs: 200, maxDelayMs: 1000, maxTotalWaitMs: 1000 };
		const attempt = failingThen([{ status: 503 }, { status: 503 }], 'never');
		const result = await withRetry(attempt, { kind: 'read', describe: describeFailure, policy });
		expect(sleeps).toEqual([200]);
		expect(result).toMatchObject({ ok: false, attempts: 2, waitedMs: 200 });
	});

	it('passes each error to describe', async () => {
		const describe = jest.fn(describeFailure);
		await withRetry(failingThen([{ status: 503 }, { status: 400 }], 'x'), { kind: 'read', describe });
		expect(describe.mock.calls.map(([error]) => (error as FakeFailure).facts)).toEqual([{ status: 503 }, { status: 400 }]);
	});

	it('property: attempts, sleeps and waited time stay within the policy over random failure sequences', async () => {
		const facts = fc.oneof(
			fc.record({ status: fc.constantFrom(400, 401, 403, 404, 422, 429, 500, 502, 503, 504) }),
			fc.record({ status: fc.constant(429), retryAfter: fc.integer({ min: 0, max: 40 }).map(String) }),
			fc.record({ networkCode: fc.constantFrom('ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN') }),
		);
		await fc.assert(
			fc.asyncProperty(
				fc.array(facts, { maxLength: 10 }),
				fc.constantFrom<'read' | 'write'>('read', 'write'),
				fc.record({
					maxAttempts: fc.integer({ min: 1, max: 8 }),
					baseDelayMs: fc.integer({ min: 1, max: 4000 }),
					maxDelayMs: fc.integer({ min: 1, max: 40_000 }),
					maxTotalWaitMs: fc.integer({ min: 0, max: 80_000 }),
				}),
				fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
				async (failures, kind, policy, random) => {
					sleeps = [];
					jest.spyOn(retryClock, 'random').mockReturnValue(random);
					const attempt = failingThen(failures, 'value');
					const result = await withRetry(attempt, { kind, describe: describeFailure, policy });
					// Past maxAttempts only reads refused with 429, each past attempt after one of them.
					const rateLimitedReads = kind === 'read' ? failures.filter((failure) => 'status' in failure && failure.status === 429).length : 0;
					expect(result.attempts).toBeLessThanOrEqual(Math.max(1, policy.maxAttempts) + rateLimitedReads);
					expect(result.attempts).toBe(attempt.mock.calls.length);
					expect(sleeps).toHaveLength(result.attempts - 1);
					expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(result.waitedMs);
					expect(result.waitedMs).toBeLessThanOrEqual(policy.maxTotalWaitMs);
					sleeps.forEach((ms) => expect(ms).toBeLessThanOrEqual(policy.maxDelayMs));
					expect(result.ok).toBe(result.attempts > failures.length);
				},
			),
			{ numRuns: 300 },
		);
	});
});
