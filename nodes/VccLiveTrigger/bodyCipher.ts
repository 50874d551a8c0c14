import { createDecipheriv } from 'node:crypto';

/**
 * VCC Live's body encryption as its own sample decrypts it (About Webhooks, PHP):
 * `openssl_decrypt($body, 'aes-256-ctr', $secretKey, 0, hex2bin($_GET['iv']))` — the body is
 * base64 text, the iv comes hex-encoded in the `iv` URL parameter, and without one "an empty
 * initialization vector is used" (Securing Requests). PHP's openssl pads a key shorter than 32
 * bytes with NUL bytes and cuts a longer one, so the secret is used the same way here.
 */
export const CIPHER = 'aes-256-ctr';
const KEY_BYTES = 32;
const IV_BYTES = 16;

/** A read that may fail: the value, or why it could not be read (never repeating a secret or the body). */
export type Read<T> = { value: T } | { unreadable: string };

/** The AES-256 key PHP's openssl derives from a secret: its UTF-8 bytes, NUL-padded or cut to 32. */
export function cipherKey(secret: string): Buffer {
	const key = Buffer.alloc(KEY_BYTES);
	Buffer.from(secret, 'utf8').copy(key, 0, 0, KEY_BYTES);
	return key;
}

/** The 16-byte iv from the `iv` URL parameter (hex); none or empty: 16 zero bytes. */
export function cipherIv(ivHex: string | undefined): Read<Buffer> {
	const text = (ivHex ?? '').trim();
	if (text === '') return { value: Buffer.alloc(IV_BYTES) };
	if (!/^[0-9a-fA-F]{32}$/.test(text)) return { unreadable: 'The iv URL parameter is not 32 hexadecimal digits (16 bytes)' };
	return { value: Buffer.from(text, 'hex') };
}

/** Base64 text as VCC Live sends it (line breaks allowed); anything else is refused. */
function base64Bytes(body: string): Read<Buffer> {
	const compact = body.replace(/\s+/g, '');
	if (compact === '' || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
		return { unreadable: 'The encrypted body is not base64 text' };
	}
	return { value: Buffer.from(compact, 'base64') };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decrypts an encrypted webhook body into its text. CTR mode has no integrity check: a wrong
 * secret or iv gives bytes that are not UTF-8 (refused here) or text that is not an event
 * (refused by the payload reader).
 */
export function decryptBody(body: string, secret: string, ivHex: string | undefined): Read<string> {
	const iv = cipherIv(ivHex);
	if ('unreadable' in iv) return iv;
	const bytes = base64Bytes(body);
	if ('unreadable' in bytes) return bytes;
	const decipher = createDecipheriv(CIPHER, cipherKey(secret), iv.value);
	const plain = Buffer.concat([decipher.update(bytes.value), decipher.final()]);
	try {
		return { value: utf8.decode(plain) };
	} catch {
		return { unreadable: 'The body could not be decrypted with the Encryption Secret (check it and the iv URL parameter)' };
	}
}
