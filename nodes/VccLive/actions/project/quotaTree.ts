import type { IDataObject } from 'n8n-workflow';

/** The two kinds of quota the answer of "Get quota limits" lists: `cell` and `edge`. */
export type QuotaType = 'cell' | 'edge';

/** One quota as the node puts it out: the deepest level of the answer's tree, with the labels above it. */
export interface QuotaRow extends IDataObject {
	type: QuotaType;
	quotaid: number;
	valueid: number | null;
	/** The limit the supervisor set. */
	value: number | null;
	/** The actual value. */
	act_value: number | null;
	/** The value minus the actual value, as VCC Live computes it. */
	diff_value: number | null;
	value_name: string | null;
	export_value: string | null;
	/** The value names from the top of the tree down to this quota. */
	path: string[];
	/** The path as one text, " / " between levels. */
	path_text: string;
}

const asObject = (value: unknown): IDataObject | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;
const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null);
const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);
/** A quota ID: documented as an integer; digits in a string are read too. */
const quotaIdOf = (value: unknown) => (typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined);

/** The name of a level of the tree: its label's value name, else its export name, else its value ID. */
function levelName(node: IDataObject, label: IDataObject): string {
	return textOrNull(label.value_name) ?? textOrNull(label.export_value) ?? (node.valueid === undefined ? '' : String(node.valueid));
}

function quotaRow(type: QuotaType, quotaid: number, node: IDataObject, label: IDataObject, path: string[]): QuotaRow {
	const row: QuotaRow = {
		type,
		quotaid,
		valueid: numberOrNull(node.valueid),
		value: numberOrNull(label.value),
		act_value: numberOrNull(label.act_value),
		diff_value: numberOrNull(label.diff_value),
		value_name: textOrNull(label.value_name),
		export_value: textOrNull(label.export_value),
		path,
		path_text: path.join(' / '),
	};
	// Keys the pages do not list (the edge object is cut short in them) are kept as they come;
	// `all` is "always null, deprecated", and the tree's own keys are what the row replaces.
	const extra = { ...node, ...label };
	for (const key of ['children', 'label', 'container', 'all']) delete extra[key];
	for (const [key, value] of Object.entries(extra)) if (!(key in row)) row[key] = value;
	return row;
}

/** A level of the tree above a node: its name and the level above it (shared, not copied, by siblings). */
interface Level {
	name: string;
	above?: Level;
}

const pathOf = (level: Level): string[] => {
	const names: string[] = [];
	for (let at: Level | undefined = level; at; at = at.above) names.push(at.name);
	return names.reverse();
};

/**
 * The quotas of "Get quota limits"' answer (`{cell: [...], edge: [...]}`, each a tree of
 * quota objects whose `children` nest), one row per quota at the deepest level (those with a
 * `quotaid`), cells first, in the answer's order. Walked with a stack, not recursion, so no
 * answer is too deep for it.
 */
export function flattenQuotas(answer: unknown): QuotaRow[] {
	const rows: QuotaRow[] = [];
	const tree = asObject(answer) ?? {};
	for (const type of ['cell', 'edge'] as const) {
		const top = Array.isArray(tree[type]) ? (tree[type] as unknown[]) : [];
		const stack: Array<{ node: unknown; above?: Level }> = top.map((node) => ({ node })).reverse();
		while (stack.length > 0) {
			const { node: entry, above } = stack.pop() as { node: unknown; above?: Level };
			const node = asObject(entry);
			if (!node) continue;
			const label = asObject(node.label) ?? {};
			const level: Level = { name: levelName(node, label), above };
			const quotaid = quotaIdOf(node.quotaid);
			if (quotaid !== undefined) rows.push(quotaRow(type, quotaid, node, label, pathOf(level)));
			const children = Array.isArray(node.children) ? (node.children as unknown[]) : [];
			for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index], above: level });
		}
	}
	return rows;
}
