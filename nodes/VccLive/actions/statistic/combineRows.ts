import type { IDataObject } from 'n8n-workflow';

import { AVERAGE_FIELDS, DATE_FIELD, GROUP_FIELDS, SUMMED_FIELDS } from './inboundFields';

interface Group {
	row: IDataObject;
	windows: number;
	/** Fields that could not be combined, in first-seen order. */
	emptied: Set<string>;
}

const groupKey = (row: IDataObject) => GROUP_FIELDS.map((field) => String(row[field] ?? '')).join('|');

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const isGroupField = (field: string) => (GROUP_FIELDS as readonly string[]).includes(field);

function mergeInto(group: Group, row: IDataObject): void {
	const target = group.row;
	for (const [field, value] of Object.entries(row)) {
		if (isGroupField(field)) continue;
		const before = target[field];
		if (field === DATE_FIELD) {
			target[field] = null;
		} else if (SUMMED_FIELDS.has(field)) {
			// A count missing (or empty) in one month counts as none in that month.
			const sum = (isNumber(before) ? before : 0) + (isNumber(value) ? value : 0);
			target[field] = isNumber(before) || isNumber(value) ? sum : before ?? value;
		} else if (AVERAGE_FIELDS.has(field) || isNumber(before) || isNumber(value) || before !== value) {
			// An average, or a field this node does not know: a number of unknown meaning
			// cannot be summed safely, and two different texts have no single value.
			target[field] = null;
			group.emptied.add(field);
		}
	}
	// A field a later month lacks was only in some months: it is no total either.
	for (const field of Object.keys(target)) {
		if (!(field in row) && !SUMMED_FIELDS.has(field) && field !== DATE_FIELD && !isGroupField(field)) {
			target[field] = null;
			group.emptied.add(field);
		}
	}
	group.windows++;
}

function note(group: Group): string {
	const fields = [...group.emptied];
	const averages = fields.filter((field) => AVERAGE_FIELDS.has(field));
	const others = fields.filter((field) => !AVERAGE_FIELDS.has(field));
	const parts = [`Combined from ${group.windows} monthly requests: counts and times are sums over the period.`];
	if (averages.length > 0) {
		parts.push(
			`${averages.join(', ')} ${averages.length === 1 ? 'is an average' : 'are averages'} VCC Live does not define from other fields, so ${averages.length === 1 ? 'it is' : 'they are'} left empty.`,
		);
	}
	if (others.length > 0) parts.push(`${others.join(', ')} could not be combined and ${others.length === 1 ? 'is' : 'are'} left empty.`);
	if (fields.length > 0) parts.push('For these, add the Date dimension or ask for one month at a time.');
	return parts.join(' ');
}

/** A row combined from the months it was found in. */
export interface CombinedRow {
	row: IDataObject;
	/** How many monthly answers had this project and queue. */
	windows: number;
	/** Why fields were left empty; undefined for a row from one month. */
	note?: string;
}

/**
 * Combines the rows of several monthly answers into one row per project and queue: counts
 * and total times are summed; averages and unknown fields are left empty (null) with a
 * note, never summed. A row found in one month only keeps its values as they were. Rows
 * keep the order they first appear in.
 */
export function combineWindowRows(rowsByWindow: readonly IDataObject[][]): CombinedRow[] {
	const groups = new Map<string, Group>();
	for (const rows of rowsByWindow) {
		for (const row of rows) {
			const key = groupKey(row);
			const group = groups.get(key);
			if (group) mergeInto(group, row);
			else groups.set(key, { row: { ...row }, windows: 1, emptied: new Set() });
		}
	}
	return [...groups.values()].map((group) => ({
		row: group.row,
		windows: group.windows,
		note: group.windows > 1 ? note(group) : undefined,
	}));
}
