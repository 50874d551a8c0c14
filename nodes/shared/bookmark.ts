import { DateTime } from 'luxon';

import { InvalidInput } from './input';

/**
 * "Since Last Run": a bookmark per node and settings, kept in the workflow's static data,
 * says where the last successful pull ended. This file is the pure part: what is stored,
 * and which range the next run pulls. sinceLastRun.ts reads and writes it in n8n.
 */

/** The format of the stored bookmarks; a later version of the node that changes it raises this. */
export const BOOKMARK_FORMAT = 1;

/** At most this many settings keep a bookmark per node; the ones saved longest ago go first. */
export const MAX_BOOKMARKS = 20;

export interface StoredBookmark {
	/** Where the last successful pull ended (exclusive): the next one starts here. An ISO instant. */
	end: string;
	/** When it was saved (ISO), to keep the most recent ones. */
	savedAt: string;
	/** The Restart From value already applied, so that leaving it set restarts only once. */
	restartApplied?: string;
}

/** The node's bookmarks in its static data: one per set of settings (see sinceLastRun.ts). */
export interface BookmarkStore {
	format: number;
	bookmarks: Record<string, StoredBookmark>;
}

/**
 * How this run's start was found: from the bookmark; the look-back of a first run (no
 * bookmark at all, or none for these settings while others have one); Restart From; a manual
 * run that left the bookmark alone.
 */
export type BookmarkStatus = 'continued' | 'firstRun' | 'startedAfresh' | 'restarted' | 'manualRun';

export interface PullPlanInput {
	/** The bookmark of these settings, if any. */
	stored?: StoredBookmark;
	/** Whether bookmarks of other settings exist (then a missing one means the settings changed). */
	otherSettingsHaveBookmarks: boolean;
	/** Ignore the bookmark (a manual run): pull the first run's range. */
	ignoreBookmark: boolean;
	/** Where a first run starts: the look-back, at the start of its period. */
	firstRunStart: DateTime;
	/** Restart From, as given and at the start of its period; undefined when not set. */
	restartFrom?: { value: string; start: DateTime };
	/** The end of the latest complete period the API serves (exclusive). */
	latestEnd: DateTime;
	maxCatchUpDays: number;
}

export interface PullRange {
	start: DateTime;
	/** Exclusive: the next run starts here. */
	end: DateTime;
}

export type PullPlan =
	| { range: PullRange; status: BookmarkStatus; restartApplied?: string }
	/** Nothing to pull: the bookmark is at the latest complete period, or ahead of it (the clock went back). */
	| { range: undefined; status: BookmarkStatus; at: DateTime; ahead: boolean };

/** A moment as the bookmark and the output write it: ISO with its offset, no milliseconds when they are 0. */
export const momentText = (moment: DateTime) => moment.toISO({ suppressMilliseconds: true }) ?? String(moment.toMillis());

/** The stored bookmarks, checked: none yet gives an empty store; one from a newer node is refused. */
export function readStore(value: unknown): BookmarkStore {
	if (value === undefined || value === null) return { format: BOOKMARK_FORMAT, bookmarks: {} };
	const store = value as Partial<BookmarkStore>;
	const format = typeof store.format === 'number' ? store.format : Number.NaN;
	if (format > BOOKMARK_FORMAT) {
		throw new InvalidInput(
			`The Since Last Run bookmark was saved by a newer version of this node (bookmark format ${format}; this version reads ${BOOKMARK_FORMAT})`,
			'Update n8n-nodes-callcenter on this n8n (and on every worker in queue mode) to the version that saved it. Nothing was pulled and the bookmark was left as it is.',
		);
	}
	if (format !== BOOKMARK_FORMAT || typeof store.bookmarks !== 'object' || store.bookmarks === null) {
		throw new InvalidInput(
			'The Since Last Run bookmark in this workflow is not readable',
			'Set Since Last Run > Restart From to the first day to pull: the next run starts there and saves a new bookmark.',
		);
	}
	return store as BookmarkStore;
}

function readEnd(stored: StoredBookmark, zone: string): DateTime {
	const end = DateTime.fromISO(String(stored.end), { zone });
	if (!end.isValid) {
		throw new InvalidInput(
			`The Since Last Run bookmark "${String(stored.end).slice(0, 40)}" is not a date`,
			'Set Since Last Run > Restart From to the first day to pull: the next run starts there and saves a new bookmark.',
		);
	}
	return end;
}

/** Where this run starts, and why. */
function startOf(input: PullPlanInput, zone: string): { start: DateTime; status: BookmarkStatus; restartApplied?: string } {
	const { stored, restartFrom } = input;
	if (input.ignoreBookmark) return { start: restartFrom?.start ?? input.firstRunStart, status: 'manualRun' };
	if (restartFrom && restartFrom.value !== stored?.restartApplied) {
		return { start: restartFrom.start, status: 'restarted', restartApplied: restartFrom.value };
	}
	if (stored) return { start: readEnd(stored, zone), status: 'continued', restartApplied: stored.restartApplied };
	return { start: input.firstRunStart, status: input.otherSettingsHaveBookmarks ? 'startedAfresh' : 'firstRun' };
}

/**
 * The range this run pulls: from the bookmark (or the first run's look-back, or Restart
 * From) to the end of the latest complete period. Nothing when the bookmark is there already,
 * or ahead of it (the clock went back: nothing is pulled until the clock passes it, so
 * nothing comes twice). A range longer than Max Catch-Up is refused, the bookmark kept.
 */
export function planPull(input: PullPlanInput): PullPlan {
	const zone = input.latestEnd.zoneName ?? 'UTC';
	const { start, status, restartApplied } = startOf(input, zone);
	const end = input.latestEnd;
	if (start >= end) return { range: undefined, status, at: start.setZone(zone), ahead: start > end };
	const days = end.diff(start, 'days').days;
	if (days > input.maxCatchUpDays) {
		const from = status === 'continued' ? `from ${momentText(start)}, where the last successful run ended,` : `from ${momentText(start)}`;
		throw new InvalidInput(
			`Since Last Run would pull ${Math.ceil(days)} days (${from} to ${momentText(end)}), more than Max Catch-Up (${input.maxCatchUpDays} days)`,
			`Nothing was pulled and the bookmark stays. To pull it all in this run, raise Since Last Run > Max Catch-Up (Days) to ${Math.ceil(days)}; to skip the days before a date, set Restart From to it.`,
		);
	}
	return { range: { start: start.setZone(zone), end }, status, ...(restartApplied === undefined ? {} : { restartApplied }) };
}

/** The store with this settings' bookmark moved to `end`; the oldest beyond MAX_BOOKMARKS dropped. */
export function advance(store: BookmarkStore, settingsKey: string, end: DateTime, now: DateTime, restartApplied?: string): BookmarkStore {
	const saved: StoredBookmark = { end: momentText(end), savedAt: momentText(now.toUTC()), ...(restartApplied === undefined ? {} : { restartApplied }) };
	const others = Object.entries(store.bookmarks)
		.filter(([key]) => key !== settingsKey)
		.sort(([, a], [, b]) => String(b.savedAt).localeCompare(String(a.savedAt)))
		.slice(0, MAX_BOOKMARKS - 1);
	return { format: BOOKMARK_FORMAT, bookmarks: { ...Object.fromEntries(others), [settingsKey]: saved } };
}

/** The range as the output says it: the start, the exclusive end, and the days between them. */
export function describeRange(range: PullRange): { rangeStart: string; rangeEnd: string; caughtUpDays: number } {
	return {
		rangeStart: momentText(range.start),
		rangeEnd: momentText(range.end),
		caughtUpDays: Math.round(range.end.diff(range.start, 'days').days * 100) / 100,
	};
}

/** JSON with the keys of every object in order: the same settings always give the same text. */
function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value !== null && typeof value === 'object' && !DateTime.isDateTime(value)) {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, entry]) => entry !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableJson(entry)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** The key of a bookmark: the settings that give the pulled data its meaning, as stable text. */
export function settingsKey(settings: Record<string, unknown>): string {
	return stableJson(settings);
}
