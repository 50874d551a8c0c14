import { encryptLikeVccLive } from '../../test/sandbox/vcclive/webhookSender';
import { cipherIv, cipherKey, decryptBody } from './bodyCipher';

const IV = '000102030405060708090a0b0c0d0e0f';
const value = <T>(read: { value: T } | { unreadable: string }): T => {
	if ('unreadable' in read) throw new Error(read.unreadable);
	return read.value;
};

describe('VCC Live body decryption (AES-256-CTR, base64, iv in the URL)', () => {
	test('decrypts a vector made by the openssl command line, not by this code', () => {
		// printf '{"uuid":"abc","projectid":214}' | openssl enc -aes-256-ctr -base64 -A
		//   -K <"very secret key" NUL-padded to 32 bytes, hex> -iv 000102…0f
		expect(value(decryptBody('2NRApR7RJ8bjql0m6JAndHkEV3uns7PU9NKWMxQ1', 'very secret key', IV))).toBe('{"uuid":"abc","projectid":214}');
	});

	test('decrypts what the sandbox encrypts the way VCC Live\'s PHP sample does, with a random iv', () => {
		const text = JSON.stringify({ uuid: 'ü-ő', projectid: 4, client_data: { name: 'Jane' } });
		const iv = Buffer.from('f0e1d2c3b4a5968778695a4b3c2d1e0f', 'hex');
		expect(value(decryptBody(encryptLikeVccLive(text, 's3cr3t', iv), 's3cr3t', iv.toString('hex')))).toBe(text);
	});

	test('without an iv parameter the empty (all-zero) iv is used, as Securing Requests says', () => {
		const text = '{"projectid":214}';
		const body = encryptLikeVccLive(text, 'key', Buffer.alloc(16));
		expect(value(decryptBody(body, 'key', undefined))).toBe(text);
		expect(value(decryptBody(body, 'key', ''))).toBe(text);
	});

	test('a key is used as PHP\'s openssl uses it: NUL-padded to 32 bytes, or cut to 32', () => {
		expect(cipherKey('abc')).toEqual(Buffer.concat([Buffer.from('abc'), Buffer.alloc(29)]));
		const long = 'x'.repeat(40);
		expect(cipherKey(long)).toEqual(Buffer.from('x'.repeat(32)));
		const body = encryptLikeVccLive('{"a":1}', long, Buffer.from(IV, 'hex'));
		expect(value(decryptBody(body, 'x'.repeat(32), IV))).toBe('{"a":1}');
	});

	test('a wrong secret or iv is refused without repeating the secret or the body', () => {
		const body = encryptLikeVccLive(JSON.stringify({ uuid: 'u', projectid: 214, agent_description: 'a longer text to decrypt' }), 'right', Buffer.from(IV, 'hex'));
		for (const read of [decryptBody(body, 'wrong', IV), decryptBody(body, 'right', 'ffffffffffffffffffffffffffffffff')]) {
			// CTR gives bytes for any key: either not UTF-8 (refused here) or text the payload reader refuses.
			if ('unreadable' in read) {
				expect(read.unreadable).not.toMatch(/right|wrong/);
				expect(read.unreadable).not.toContain(body);
			} else {
				expect(read.value).not.toContain('"projectid":214');
			}
		}
	});

	test('an iv that is not 16 bytes of hex, or a body that is not base64, is refused', () => {
		expect(cipherIv('abc')).toEqual({ unreadable: expect.stringMatching(/32 hexadecimal/) });
		expect(cipherIv('zz0102030405060708090a0b0c0d0e0f')).toHaveProperty('unreadable');
		expect(decryptBody('{"uuid":"not encrypted"}', 'key', IV)).toEqual({ unreadable: 'The encrypted body is not base64 text' });
		expect(decryptBody('', 'key', IV)).toHaveProperty('unreadable');
	});
});
