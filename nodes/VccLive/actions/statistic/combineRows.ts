import type { IDataObject } from 'n8n-workflow';

import type { CombineRules } from '../../../shared/combineFigures';
import { combineFigures, groupInOrder } from '../../../shared/combineFigures';
import { AVERAGE_FIELDS, DATE_FIELD, GROUP_FIELDS, SUMMED_FIELDS } from './inboundFields';

/**
 * VCC Live's figures as rules: counts and total times summed (a month without one counts as
 * none), a month's date meaningless for the period, averages left empty (VCC Live defines them
 * from no other field), and any other number or differing text left empty and named.
 */
const VCC_LIVE_RULES: CombineRules = {
	sum: [...SUMMED_FIELDS],
	keep: GROUP_FIELDS,
	clear: [DATE_FIELD],
	empty: [...AVERAGE_FIELDS],
	nameDifferingTexts: true,
	keepUnsummable: true,
};

const groupKey = (row: IDataObject) => GROUP_FIELDS.map((field) => String(row[field] ?? '')).join('|');

function note(windows: number, emptied: readonly string[]): string {
	const averages = emptied.filter((field) => AVERAGE_FIELDS.has(field));
	const others = emptied.filter((field) => !AVERAGE_FIELDS.has(field));
	const parts = [`Combined from ${windows} monthly requests: counts and times are sums over the period.`];
	if (averages.length > 0) {
		parts.push(
			`${averages.join(', ')} ${averages.length === 1 ? 'is an average' : 'are averages'} VCC Live does not define from other fields, so ${averages.length === 1 ? 'it is' : 'they are'} left empty.`,
		);
	}
	if (others.length > 0) parts.push(`${others.join(', ')} could not be combined and ${others.length === 1 ? 'is' : 'are'} left empty.`);
	if (emptied.length > 0) parts.push('For these, add the Date dimension or ask for one month at a time.');
	return parts.join(' ');
}

/** A row combined from the months it was found in. */
interface CombinedRow {
	row: IDataObject;
	/** How many monthly answers had this project and queue. */
	windows: number;
	/** Why fields were left empty; undefined for a row from one month. */
	note?: string;
}

/**
 * Combines the rows of several monthly answers into one row per project and queue (by
 * VCC_LIVE_RULES, with the shared figure-combining engine). A row found in one month only
 * keeps its values as they were. Rows keep the order they first appear in.
 */
export function combineWindowRows(rowsByWindow: readonly IDataObject[][]): CombinedRow[] {
	return groupInOrder(rowsByWindow.flat(), groupKey).map((same) => {
		const { figures, emptied } = combineFigures(same, VCC_LIVE_RULES);
		return { row: figures as IDataObject, windows: same.length, note: same.length > 1 ? note(same.length, emptied) : undefined };
	});
}
