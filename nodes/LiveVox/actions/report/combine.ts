import type { IDataObject } from 'n8n-workflow';

/**
 * Combining the figures of several requests (date windows, service chunks) into one.
 * Counts and minutes add up; a ratio whose formula LiveVox documents (or whose example's
 * figures show it exactly) is recomputed from the combined parts; any other derived value
 * cannot be known from the parts, so it is left empty (null) and named in a note, never summed.
 */
export interface CombineRules {
	/** Additive figures: summed. */
	sum: readonly string[];
	/** Ratios recomputed from the combined figures; skipped (null) when no part had a value. */
	recompute: Readonly<Record<string, (combined: Readonly<Record<string, unknown>>) => number | null>>;
	/** Lists of {name, count} merged by name, counts summed. */
	countLists?: readonly string[];
}

export interface Combined {
	figures: IDataObject;
	/** Derived figures left empty because LiveVox documents no way to combine them. */
	emptied: string[];
}

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nested figure groups as one level of "group.field" keys (lists and nulls are leaves). */
export function flatten(value: IDataObject, prefix = ''): Record<string, unknown> {
	const flat: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) {
		if (isRecord(inner)) Object.assign(flat, flatten(inner, `${prefix}${key}.`));
		else flat[`${prefix}${key}`] = inner;
	}
	return flat;
}

export function unflatten(flat: Record<string, unknown>): IDataObject {
	const nested: IDataObject = {};
	for (const [path, value] of Object.entries(flat)) {
		const keys = path.split('.');
		let target = nested;
		for (const key of keys.slice(0, -1)) {
			if (!isRecord(target[key])) target[key] = {};
			target = target[key] as IDataObject;
		}
		target[keys[keys.length - 1]] = value as IDataObject[keyof IDataObject];
	}
	return nested;
}

const numberOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
/** Removes the binary noise of adding decimals (0.1 + 0.2) without losing real precision. */
const clean = (value: number) => Math.round(value * 1e6) / 1e6;
export const round2 = (value: number) => Math.round(value * 100) / 100;

/** part / whole × scale, rounded as LiveVox shows ratios; 0 for an empty whole, null for a missing part. */
export function ratio(part: unknown, whole: unknown, scale = 1): number | null {
	const top = numberOf(part);
	const bottom = numberOf(whole);
	if (top === null || bottom === null) return null;
	return bottom === 0 ? 0 : round2((top / bottom) * scale);
}

function mergeCountLists(lists: unknown[]): unknown {
	const present = lists.filter(Array.isArray) as IDataObject[][];
	if (present.length === 0) return lists[0] ?? null;
	const counts = new Map<string, number>();
	for (const entry of present.flat()) {
		const name = String(entry.name ?? '');
		counts.set(name, (counts.get(name) ?? 0) + (numberOf(entry.count) ?? 0));
	}
	return [...counts].map(([name, count]) => ({ name, count }));
}

const sameEverywhere = (values: unknown[]) => values.every((value) => JSON.stringify(value) === JSON.stringify(values[0]));

/** Combines flat figure objects by the rules; one part comes back as it is. */
export function combineFlat(parts: ReadonlyArray<Record<string, unknown>>, rules: CombineRules): {
	figures: Record<string, unknown>;
	emptied: string[];
} {
	if (parts.length === 1) return { figures: { ...parts[0] }, emptied: [] };
	const keys = [...new Set(parts.flatMap((part) => Object.keys(part)))];
	const figures: Record<string, unknown> = {};
	const emptied: string[] = [];
	const summed = new Set(rules.sum);
	const counted = new Set(rules.countLists ?? []);
	for (const key of keys) {
		const values = parts.map((part) => part[key]);
		const numbers = values.map(numberOf).filter((value): value is number => value !== null);
		if (summed.has(key)) figures[key] = numbers.length === 0 ? null : clean(numbers.reduce((a, b) => a + b, 0));
		else if (counted.has(key)) figures[key] = mergeCountLists(values);
		else if (key in rules.recompute) figures[key] = null;
		else if (numbers.length > 0) {
			// A figure with no rule: even equal values could be counts that add up, so none is guessed.
			figures[key] = null;
			emptied.push(key);
		} else figures[key] = sameEverywhere(values) ? values[0] : null;
	}
	for (const [key, formula] of Object.entries(rules.recompute)) {
		if (!keys.includes(key)) continue;
		const hadValue = parts.some((part) => numberOf(part[key]) !== null);
		figures[key] = hadValue ? formula(figures) : null;
	}
	return { figures, emptied };
}

/** Combines nested figure objects (e.g. Service Efficiency's details) by rules on "group.field" keys. */
export function combineNested(parts: readonly IDataObject[], rules: CombineRules): Combined {
	const { figures, emptied } = combineFlat(parts.map((part) => flatten(part)), rules);
	return { figures: unflatten(figures), emptied };
}

/** The note for figures left empty, or undefined when none was. */
export function emptiedNote(emptied: readonly string[]): string | undefined {
	if (emptied.length === 0) return undefined;
	return `Left empty when combining requests: ${[...new Set(emptied)].join(', ')}. LiveVox documents no formula for these, so they cannot be computed from the parts (turn off combining to see them per request).`;
}

/** Groups values by a key, keeping first-seen order. */
export function groupInOrder<T>(values: Iterable<T>, keyOf: (value: T) => string): T[][] {
	const groups = new Map<string, T[]>();
	for (const value of values) {
		const key = keyOf(value);
		const group = groups.get(key);
		if (group) group.push(value);
		else groups.set(key, [value]);
	}
	return [...groups.values()];
}
