const MASK = '[redacted]';

/**
 * Replaces every occurrence of the given secrets (passwords, tokens, session ids) in a text.
 * Each run of characters covered by any occurrence becomes one mask, so a secret that is part
 * of another, or that overlaps it, leaves nothing of either behind.
 */
export function redact(text: string, secrets: readonly unknown[]): string {
	const covered = new Array<boolean>(text.length).fill(false);
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < 4) continue;
		for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
			covered.fill(true, at, at + secret.length);
		}
	}
	let safe = '';
	for (let index = 0; index < text.length; index++) {
		if (!covered[index]) safe += text[index];
		else if (index === 0 || !covered[index - 1]) safe += MASK;
	}
	return safe;
}
