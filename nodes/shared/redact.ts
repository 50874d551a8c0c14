const MASK = '[redacted]';

/** Replaces every occurrence of the given secrets (passwords, tokens, session ids) in a text. */
export function redact(text: string, secrets: readonly unknown[]): string {
	let safe = text;
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < 4) continue;
		safe = safe.split(secret).join(MASK);
	}
	return safe;
}
