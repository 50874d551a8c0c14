import fc from 'fast-check';

import { redact } from './redact';

const MASK = '[redacted]';

describe('redact', () => {
	it('replaces every occurrence of each secret', () => {
		expect(redact('token abcd1234 again abcd1234, pass hunter22', ['abcd1234', 'hunter22'])).toBe(
			`token ${MASK} again ${MASK}, pass ${MASK}`,
		);
	});

	it('leaves a text without secrets unchanged', () => {
		expect(redact('LiveVox found nothing there', ['abcd1234'])).toBe('LiveVox found nothing there');
	});

	it('ignores secrets shorter than 4 characters, which would mask ordinary words', () => {
		expect(redact('the cat sat on a mat', ['at', 'the', ''])).toBe('the cat sat on a mat');
		expect(redact('code 1234', ['1234'])).toBe(`code ${MASK}`);
	});

	it('ignores secrets that are not text', () => {
		expect(redact('1234567 null undefined', [1234567, null, undefined, { token: 'x' }])).toBe('1234567 null undefined');
	});

	it('treats secrets as plain text, not patterns', () => {
		expect(redact('a.b*c? and axbxc', ['a.b*c?'])).toBe(`${MASK} and axbxc`);
		expect(redact('price $1.00$', ['$1.00$'])).toBe(`price ${MASK}`);
	});

	it('masks a longer secret whole when a shorter secret is part of it, whatever their order', () => {
		const text = 'session s3cr3t-and-more, password s3cr3t';
		const expected = `session ${MASK}, password ${MASK}`;
		expect(redact(text, ['s3cr3t', 's3cr3t-and-more'])).toBe(expected);
		expect(redact(text, ['s3cr3t-and-more', 's3cr3t'])).toBe(expected);
	});

	it('masks overlapping occurrences of two secrets together', () => {
		expect(redact('id=abcdefgh;', ['abcdef', 'defgh'])).toBe(`id=${MASK};`);
	});

	it('property: no character of any secret occurrence is left, and the rest of the text is kept in order', () => {
		// Secrets from letters that are not in the mask, surrounded by text from other characters.
		const secret = fc.string({ unit: fc.constantFrom('x', 'y'), minLength: 4, maxLength: 7 });
		const filler = fc.string({ unit: fc.constantFrom('1', '2', ' ', ':'), maxLength: 5 });
		fc.assert(
			fc.property(fc.array(secret, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(filler, fc.nat()), { maxLength: 6 }), (secrets, parts) => {
				const text = parts.map(([before, pick]) => before + secrets[pick % secrets.length]).join('');
				const safe = redact(text, secrets);
				expect(safe.replace(/\[redacted\]/g, '')).toBe(text.replace(/[xy]/g, ''));
				for (const s of secrets) expect(safe).not.toContain(s);
			}),
			{ numRuns: 300 },
		);
	});
});
