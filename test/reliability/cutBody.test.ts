/**
 * An answer cut in the middle of its body (axios: "stream has been aborted", ERR_BAD_RESPONSE,
 * no response) is a network failure: a read is retried, a write reports an unknown outcome.
 * Before the fix it was read as a generic "could not be reached" and never retried.
 */
import { failureWords } from '../../nodes/shared/failureMessage';
import { CUT_BODY_CODE, readHttpFailure } from '../../nodes/shared/httpFailure';
import { isRetryable } from '../../nodes/shared/retry';

/** What n8n-workflow 2.8 throws for it: a NodeApiError with the axios code in httpCode. */
const cut = { name: 'NodeApiError', message: 'stream has been aborted', messages: ['stream has been aborted'], httpCode: 'ERR_BAD_RESPONSE' };

test('a cut body is read as a premature close, retryable for a read, not for a write', () => {
	const failure = readHttpFailure(cut);
	expect(failure).toEqual({ networkCode: CUT_BODY_CODE, timedOut: false });
	expect(isRetryable(failure, 'read')).toBe(true);
	expect(isRetryable(failure, 'write')).toBe(false);
});

test('its words: in the middle of the answer; for a write, the outcome is unknown', () => {
	const failure = readHttpFailure(cut);
	expect(failureWords(failure, { vendor: 'LiveVox', kind: 'read', attempts: 4 }).message).toBe(
		'LiveVox closed the connection in the middle of its answer (tried 4 times)',
	);
	expect(failureWords(failure, { vendor: 'LiveVox', kind: 'write', attempts: 1 }).message).toBe(
		'The outcome is unknown: LiveVox closed the connection in the middle of its answer after the change was sent',
	);
});

test('another ERR_BAD_RESPONSE without those words keeps its code', () => {
	expect(readHttpFailure({ message: 'maxContentLength size of 10 exceeded', httpCode: 'ERR_BAD_RESPONSE' })).toEqual({
		networkCode: 'ERR_BAD_RESPONSE',
		timedOut: false,
	});
});
