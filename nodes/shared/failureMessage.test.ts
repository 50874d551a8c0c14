import fc from 'fast-check';
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FailureContext } from './failureMessage';
import { failureWords } from './failureMessage';
import type { HttpFailure } from './httpFailure';

const node: INode = { id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

/** The codes whose mention anywhere in a message makes n8n put its own sentence instead (n8n-workflow's COMMON_ERRORS). */
const CODES_N8N_REPLACES = [
	'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'ERRADDRINUSE', 'EADDRNOTAVAIL', 'ECONNABORTED',
	'EHOSTUNREACH', 'EAI_AGAIN', 'ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EEXIST', 'EPERM', 'GETADDRINFO',
];

const read = (overrides: Partial<FailureContext> = {}): FailureContext => ({ vendor: 'LiveVox', kind: 'read', attempts: 1, ...overrides });
const write = (overrides: Partial<FailureContext> = {}): FailureContext => read({ kind: 'write', ...overrides });
const status = (code: number): HttpFailure => ({ status: code, timedOut: false });
const network = (networkCode: string, timedOut = false): HttpFailure => ({ networkCode, timedOut });

/** Throws the words the way the transport does and reads back what n8n shows. */
function shownByN8n(words: { message: string; description: string }, httpCode?: string) {
	const error = new NodeApiError(node, { ...words, httpCode } as JsonObject, { ...words, httpCode });
	return { message: error.message, description: error.description };
}

describe('failureWords for an answer with a failing status', () => {
	it.each([
		[400, 'LiveVox rejected the request as invalid: bad field', 'Check the values of the node parameters'],
		[401, 'LiveVox did not accept the login: bad field', 'Check the user name, password and token in the credential'],
		[403, 'LiveVox refused this call for your user: bad field', 'Your LiveVox user lacks the role or permission'],
		[404, 'LiveVox found nothing there: bad field', 'Check the IDs in the node parameters.'],
		[429, 'LiveVox is limiting the rate of requests: bad field', 'Wait a minute and run again'],
		[500, 'LiveVox had a server error (500): bad field', 'Try again later; if it goes on, ask LiveVox support.'],
		[503, 'LiveVox had a server error (503): bad field', 'Try again later'],
		[409, 'LiveVox answered with status 409: bad field', 'Check the node parameters and the credential.'],
	])('words a read answered %i', (code, message, description) => {
		const words = failureWords(status(code), read({ vendorMessage: 'bad field' }));
		expect(words.message).toBe(message);
		expect(words.description).toContain(description);
	});

	it('leaves out the vendor part when the vendor said nothing', () => {
		expect(failureWords(status(404), read()).message).toBe('LiveVox found nothing there');
	});

	it('says how often a rate-limited or failing read was tried', () => {
		expect(failureWords(status(429), read({ attempts: 4 })).message).toBe('LiveVox is limiting the rate of requests (tried 4 times)');
		expect(failureWords(status(502), read({ attempts: 3 })).message).toBe('LiveVox had a server error (502) (tried 3 times)');
	});

	it('uses the hint of the operation for its status', () => {
		const hints = { 404: 'Check the Service ID.', 400: 'Use a name of at most 50 characters.', 503: 'LiveVox is in maintenance.' };
		expect(failureWords(status(404), read({ hints })).description).toBe('Check the Service ID.');
		expect(failureWords(status(400), write({ hints })).description).toBe('Use a name of at most 50 characters.');
		expect(failureWords(status(503), read({ hints })).description).toBe('LiveVox is in maintenance.');
		expect(failureWords(status(403), read({ hints })).description).toMatch(/ask an administrator/);
	});

	it('words a 4xx to a write like a read: the change was refused, so nothing happened', () => {
		expect(failureWords(status(400), write({ vendorMessage: 'name too long' })).message).toBe(
			'LiveVox rejected the request as invalid: name too long',
		);
	});

	it.each([500, 502, 503, 504])('says a write answered %i may or may not have been applied, and how to check', (code) => {
		const words = failureWords(status(code), write({ checkAfterUnknownOutcome: 'List the services and look for the new name' }));
		expect(words.message).toBe(`LiveVox answered ${code} to a change, which may or may not have been applied`);
		expect(words.description).toBe(
			'List the services and look for the new name before running it again. It was not sent twice, so nothing was done twice.',
		);
	});

	it('has a default check for a write whose outcome is unknown', () => {
		expect(failureWords(status(500), write()).description).toMatch(/^Check in LiveVox whether the change took effect before running it again/);
	});
});

describe('failureWords for a failure without an answer', () => {
	it.each([
		['ECONNRESET', 'LiveVox closed the connection before answering'],
		['ECONNREFUSED', 'LiveVox refused the connection'],
		['ENOTFOUND', 'LiveVox could not be found (unknown host)'],
		['EAI_AGAIN', 'LiveVox could not be looked up'],
		['EHOSTUNREACH', 'LiveVox could not be reached'],
		['ERR_SOMETHING_NEW', 'LiveVox could not be reached'],
	])('words a read that failed with %s', (code, message) => {
		const words = failureWords(network(code), read({ attempts: 4 }));
		expect(words.message).toBe(`${message} (tried 4 times)`);
		expect(words.description).toBe(`Check the base URL or environment in the credential, and that this machine can reach it. (${code})`);
	});

	it('words a read that timed out, with the timeout', () => {
		const words = failureWords(network('ETIMEDOUT', true), read({ attempts: 2, timeoutSeconds: 60 }));
		expect(words.message).toBe('LiveVox did not answer within 60 seconds (tried 2 times)');
		expect(words.description).toBe('Raise the Timeout option, or ask for a shorter period. (ETIMEDOUT)');
	});

	it('words a timeout sensibly when the timeout is not known', () => {
		expect(failureWords(network('ETIMEDOUT', true), read()).message).toBe('LiveVox did not answer in time');
	});

	it.each([
		['ECONNRESET', false, 'closed the connection before answering'],
		['EPIPE', false, 'closed the connection while the request was being sent'],
		['EHOSTUNREACH', false, 'could not be reached'],
		['ETIMEDOUT', true, 'did not answer within 30 seconds'],
	])('says the outcome of a write that failed with %s is unknown, and how to check', (code, timedOut, what) => {
		const words = failureWords(network(code, timedOut), write({ timeoutSeconds: 30, checkAfterUnknownOutcome: 'Open the service in LiveVox' }));
		expect(words.message).toBe(`The outcome is unknown: LiveVox ${what} after the change was sent`);
		expect(words.description).toBe(
			`LiveVox may have applied it. Open the service in LiveVox before running it again. It was not sent again, to avoid doing it twice. (${code})`,
		);
	});

	it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])('words a write that never left (%s) as a plain connection failure', (code) => {
		const words = failureWords(network(code), write({ attempts: 3 }));
		expect(words.message).not.toMatch(/outcome is unknown/);
		expect(words.message).toMatch(/^LiveVox .* \(tried 3 times\)$/);
		expect(words.description).toMatch(/^Check the base URL/);
	});

	it('takes a failure without status or code as a reset connection', () => {
		expect(failureWords({ timedOut: false }, write()).message).toMatch(/^The outcome is unknown/);
	});
});

describe('failureWords as n8n shows them', () => {
	const failures: HttpFailure[] = [
		...[400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504].map(status),
		...['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'EPIPE', 'ENETUNREACH', 'ECONNABORTED'].map((code) => network(code)),
		network('ETIMEDOUT', true),
	];
	const contexts = fc.record({
		vendor: fc.constantFrom('LiveVox', 'VCC Live', 'Netaxis APIO'),
		kind: fc.constantFrom<'read' | 'write'>('read', 'write'),
		attempts: fc.integer({ min: 1, max: 5 }),
		vendorMessage: fc.option(
			fc.oneof(fc.string(), fc.constantFrom(...CODES_N8N_REPLACES).map((code) => `upstream: connect ${code.toLowerCase()} 10.0.0.1:8443`)),
			{ nil: undefined },
		),
		timeoutSeconds: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
	});

	it('property: no message names a code n8n would replace it for, and n8n shows message and description unchanged', () => {
		fc.assert(
			fc.property(fc.constantFrom(...failures), contexts, (failure, context) => {
				const words = failureWords(failure, context);
				for (const code of CODES_N8N_REPLACES) expect(words.message.toUpperCase()).not.toContain(code);
				expect(shownByN8n(words, failure.status === undefined ? undefined : String(failure.status))).toEqual(words);
			}),
			{ numRuns: 500 },
		);
	});

	it('property: what the vendor said is kept, in the message or else in the description', () => {
		fc.assert(
			fc.property(fc.constantFrom(...failures.filter((failure) => failure.status !== undefined)), contexts, (failure, context) => {
				fc.pre(context.vendorMessage !== undefined && context.vendorMessage.trim() !== '');
				const words = failureWords(failure, context);
				expect(`${words.message} ${words.description}`).toContain(context.vendorMessage as string);
			}),
		);
	});

	it('moves a vendor message naming a Node code into the description', () => {
		const words = failureWords(status(502), read({ vendorMessage: 'connect ECONNREFUSED 10.0.0.1:8443' }));
		expect(words.message).toBe('LiveVox had a server error (502)');
		expect(words.description).toContain('connect ECONNREFUSED 10.0.0.1:8443');
		expect(shownByN8n(words, '502')).toEqual(words);
	});

	it('is what n8n would replace without the move (the reason for it)', () => {
		const naive = { message: 'LiveVox had a server error (502): connect ECONNREFUSED 10.0.0.1', description: 'Try again later.' };
		expect(shownByN8n(naive, '502').message).not.toBe(naive.message);
	});
});
