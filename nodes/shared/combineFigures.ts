import type { IDataObject } from 'n8n-workflow';

/**
 * Combining the figures of several requests (date windows, service chunks, months) into one.
 * Counts and times add up; a ratio with a known formula is recomputed from the combined
 * parts; any other number cannot be known from the parts, so it is left empty (null) and
 * named, never summed or guessed. Each vendor says which figure is which, as data.
 */
export interface CombineRules {
	/** Additive figures: summed (a part without the figure counts as none). */
	sum: readonly string[];
	/** Ratios recomputed from the combined figures; null when no part had a value. */
	recompute?: Readonly<Record<string, (combined: Readonly<Record<string, unknown>>) => number | null>>;
	/** Lists of {name, count} merged by name, counts summed. */
	countLists?: readonly string[];
	/** What the parts were grouped by: the same in every part, kept as the first part has it. */
	keep?: readonly string[];
	/** Figures that mean nothing for the whole (a month's date): emptied, not named. */
	clear?: readonly string[];
	/** Figures always emptied and named, whatever their values (averages without a formula). */
	empty?: readonly string[];
	/** Texts that differ between parts (or are missing from some): also named, not only emptied. */
	nameDifferingTexts?: boolean;
	/** A summed figure no part gave as a number: the first value given (true) or null. */
	keepUnsummable?: boolean;
}

export interface Combined {
	figures: Record<string, unknown>;
	/** Figures left empty because they cannot be computed from the parts, in key order. */
	emptied: string[];
}

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const numberOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
/** Removes the binary noise of adding decimals (0.1 + 0.2) without losing real precision. */
const clean = (value: number) => Math.round(value * 1e6) / 1e6;
const round2 = (value: number) => Math.round(value * 100) / 100;

/** part / whole × scale, rounded to hundredths; 0 for an empty whole, null for a missing part. */
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

function summed(values: unknown[], rules: CombineRules): unknown {
	const numbers = values.map(numberOf).filter((value): value is number => value !== null);
	if (numbers.length > 0) return clean(numbers.reduce((a, b) => a + b, 0));
	return rules.keepUnsummable ? (values.find((value) => value !== undefined && value !== null) ?? null) : null;
}

/** Combines flat figure objects by the rules; one part comes back as it is. Keys keep their first-seen order. */
export function combineFigures(parts: ReadonlyArray<Record<string, unknown>>, rules: CombineRules): Combined {
	if (parts.length === 1) return { figures: { ...parts[0] }, emptied: [] };
	const keys = [...new Set(parts.flatMap((part) => Object.keys(part)))];
	const figures: Record<string, unknown> = {};
	const emptied: string[] = [];
	const recompute = rules.recompute ?? {};
	const is = (list: readonly string[] | undefined, key: string) => list?.includes(key) === true;
	for (const key of keys) {
		const values = parts.map((part) => part[key]);
		if (is(rules.keep, key)) figures[key] = parts[0][key];
		else if (is(rules.sum, key)) figures[key] = summed(values, rules);
		else if (is(rules.countLists, key)) figures[key] = mergeCountLists(values);
		else if (key in recompute || is(rules.clear, key)) figures[key] = null;
		else if (is(rules.empty, key) || values.some((value) => numberOf(value) !== null)) {
			// A figure with no rule: even equal values could be counts that add up, so none is guessed.
			figures[key] = null;
			emptied.push(key);
		} else if (sameEverywhere(values)) figures[key] = values[0];
		else {
			figures[key] = null;
			if (rules.nameDifferingTexts) emptied.push(key);
		}
	}
	for (const [key, formula] of Object.entries(recompute)) {
		if (!keys.includes(key)) continue;
		const hadValue = parts.some((part) => numberOf(part[key]) !== null);
		figures[key] = hadValue ? formula(figures) : null;
	}
	return { figures, emptied };
}

/** Nested figure groups as one level of "group.field" keys (lists and nulls are leaves). */
export function flatten(value: IDataObject, prefix = ''): Record<string, unknown> {
	const flat: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) {
		if (isRecord(inner)) Object.assign(flat, flatten(inner, `${prefix}${key}.`));
		else flat[`${prefix}${key}`] = inner;
	}
	return flat;
}

function unflatten(flat: Record<string, unknown>): IDataObject {
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

/** Combines nested figure objects by rules on their "group.field" keys. */
export function combineNested(parts: readonly IDataObject[], rules: CombineRules): { figures: IDataObject; emptied: string[] } {
	const { figures, emptied } = combineFigures(parts.map((part) => flatten(part)), rules);
	return { figures: unflatten(figures), emptied };
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
