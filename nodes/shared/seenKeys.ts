/**
 * A bounded memory of keys already handled, for polling triggers that must emit each event
 * once: key → when it was last seen (epoch ms). A plain object so it can live in the
 * workflow's static data.
 */
export type SeenKeys = Record<string, number>;

export interface SeenKeysLimits {
	/** At most this many keys are kept; the ones seen longest ago go first. */
	maxKeys: number;
	/** A key not seen for longer than this is forgotten. */
	maxAgeMs: number;
}

export interface Remembered {
	/** The keys not remembered before, in the order given, each once. */
	fresh: string[];
	/** The memory to keep: every given key stamped `nowMs`, old and surplus keys pruned. */
	memory: SeenKeys;
}

/**
 * Marks `keys` as seen now and says which of them are new. Keys seen again are stamped again,
 * so a key is forgotten only once the source has stopped listing it for `maxAgeMs` (or when
 * more than `maxKeys` keys are listed at once, the surplus of those seen longest ago).
 */
export function rememberKeys(
	memory: Readonly<SeenKeys>,
	keys: readonly string[],
	nowMs: number,
	limits: SeenKeysLimits,
): Remembered {
	const fresh: string[] = [];
	const next: SeenKeys = {};
	for (const [key, seenAt] of Object.entries(memory)) {
		if (typeof seenAt === 'number' && nowMs - seenAt <= limits.maxAgeMs) next[key] = seenAt;
	}
	for (const key of keys) {
		if (!(key in next)) fresh.push(key);
		next[key] = nowMs;
	}
	return { fresh, memory: pruneToCount(next, limits.maxKeys) };
}

/** Keeps the `maxKeys` keys seen most recently. */
function pruneToCount(memory: SeenKeys, maxKeys: number): SeenKeys {
	const entries = Object.entries(memory);
	if (entries.length <= maxKeys) return memory;
	entries.sort(([, a], [, b]) => b - a);
	return Object.fromEntries(entries.slice(0, Math.max(0, maxKeys)));
}
