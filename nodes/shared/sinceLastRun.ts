import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BookmarkStatus, PullRange, StoredBookmark } from './bookmark';
import { advance, describeRange, momentText, planPull, readStore, settingsKey } from './bookmark';
import { presetPeriod } from './calendarPeriod';
import { asEntered, readDateTime } from './dateInput';
import { InvalidInput } from './input';
import type { OutputRow } from './runPerItem';
import { FileRow } from './runPerItem';

/** The value of the Period field that pulls from where the last successful run ended. */
export const SINCE_LAST_RUN = 'sinceLastRun';

const LOOK_BACKS = ['yesterday', 'last7Days', 'last30Days', 'lastMonth'] as const;
type LookBack = (typeof LOOK_BACKS)[number];

export const DEFAULT_MAX_CATCH_UP_DAYS = 92;

/** The Period option itself, for the vendors' Period fields. */
export const sinceLastRunPeriodOption = {
	name: 'Since Last Run',
	value: SINCE_LAST_RUN,
	description: 'From where the last successful run ended to the latest complete period; the first run from Since Last Run > First Run From',
};

/**
 * The Since Last Run options, shown with that period. `latest` says what the latest complete
 * period is for this API (e.g. "the end of yesterday in the reporting timezone").
 */
export function sinceLastRunField(latest: string, periodField = 'period'): INodeProperties {
	return {
		displayName: 'Since Last Run',
		name: 'sinceLastRun',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { [periodField]: [SINCE_LAST_RUN] } },
		description: `Each run pulls from where the last successful run ended up to ${latest}, so days missed while n8n was down or a run failed are caught up once, and none come twice. The bookmark is kept in the workflow (per node and settings) and moves only when the whole pull succeeded.`,
		options: [
			{
				displayName: 'First Run From',
				name: 'firstRunFrom',
				type: 'options',
				options: [
					{ name: '30 Days Ago', value: 'last30Days' },
					{ name: '7 Days Ago', value: 'last7Days' },
					{ name: 'Start of Last Month', value: 'lastMonth' },
					{ name: 'Start of Yesterday', value: 'yesterday' },
				],
				default: 'yesterday',
				description: `Where the first run starts (also the first after the credential, report, filters or timezone change); it ends, as every run does, at ${latest}`,
			},
			{
				displayName: 'Max Catch-Up (Days)',
				name: 'maxCatchUpDays',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_CATCH_UP_DAYS,
				description: 'The longest range one run pulls. A longer one (n8n down for months) is refused with the bookmark kept, rather than pulled in one go.',
			},
			{
				displayName: 'Restart From',
				name: 'restartFrom',
				type: 'dateTime',
				default: '',
				description:
					'Resets the bookmark: the next run starts here instead, once (later runs continue from their bookmark; a new date resets again). Earlier than the bookmark pulls those days again; later skips the days before it.',
			},
			{
				displayName: 'Use Bookmark in Manual Runs',
				name: 'useInManualRuns',
				type: 'boolean',
				default: false,
				description:
					"Whether a manual run in the editor pulls what the next scheduled run would (from the bookmark). Off: it pulls the first run's range. Either way n8n does not save a manual run's workflow data, so the bookmark never moves.",
			},
			{
				displayName: 'When Nothing New',
				name: 'whenNothingNew',
				type: 'options',
				options: [
					{ name: 'Output No Items', value: 'noItems', description: 'The nodes after this one do not run' },
					{ name: 'Output One Item Saying So', value: 'oneItem', description: 'One item with nothingNew: true and the reason' },
				],
				default: 'noItems',
				description: 'What a run puts out when there is no new complete period yet, or the new one has no rows',
			},
		],
	};
}

interface SinceLastRunOptions {
	firstRunStart: DateTime;
	maxCatchUpDays: number;
	whenNothingNew: 'noItems' | 'oneItem';
	useInManualRuns: boolean;
	restartFrom?: { value: string; start: DateTime };
}

/** What an operation tells Since Last Run about its API and settings. */
export interface SinceLastRunRequest {
	/** What gives the pulled data its meaning besides the credential: operation, filters, report fields, timezone. */
	settings: IDataObject;
	/** The timezone the periods are read in. */
	zone: string;
	/** The end of the latest complete period the API serves (exclusive), in `zone`. */
	latestEnd: DateTime;
	/** The start of the period a moment is in: its day, or its collection period. */
	periodStart: (moment: DateTime) => DateTime;
}

function readOptions(context: IExecuteFunctions, itemIndex: number, request: SinceLastRunRequest): SinceLastRunOptions {
	const given = context.getNodeParameter('sinceLastRun', itemIndex, {}) as IDataObject;
	const lookBack = (given.firstRunFrom ?? 'yesterday') as LookBack;
	if (!LOOK_BACKS.includes(lookBack)) {
		throw new InvalidInput(`First Run From "${String(lookBack)}" is not known`, `Pick one of ${LOOK_BACKS.join(', ')}.`);
	}
	const maxCatchUpDays = given.maxCatchUpDays ?? DEFAULT_MAX_CATCH_UP_DAYS;
	if (typeof maxCatchUpDays !== 'number' || !(maxCatchUpDays >= 1)) {
		throw new InvalidInput(`Max Catch-Up (Days) must be a number of at least 1, got ${String(maxCatchUpDays)}`, 'Set Since Last Run > Max Catch-Up (Days) to 1 or more.');
	}
	const now = DateTime.now().setZone(request.zone);
	const restartValue = given.restartFrom;
	let restartFrom: SinceLastRunOptions['restartFrom'];
	if (restartValue !== undefined && restartValue !== null && String(restartValue).trim() !== '') {
		const start = request.periodStart(readDateTime(restartValue, { label: 'Restart From', zone: request.zone }));
		if (start > request.latestEnd) {
			throw new InvalidInput(
				`Restart From "${asEntered(restartValue)}" is after the latest complete period (${momentText(request.latestEnd)})`,
				'Pick a Restart From in the past: the first day (or moment) the next run should pull.',
			);
		}
		restartFrom = { value: asEntered(restartValue), start };
	}
	return {
		firstRunStart: request.periodStart(presetPeriod(lookBack, now).first),
		maxCatchUpDays,
		whenNothingNew: given.whenNothingNew === 'oneItem' ? 'oneItem' : 'noItems',
		useInManualRuns: given.useInManualRuns === true,
		restartFrom,
	};
}

/**
 * Pulls that are running, and where the ones that succeeded ended, in this n8n process, by
 * workflow, node and settings. n8n gives each execution the workflow's static data as it was
 * when the execution started, and saves it when the execution ends: two executions that
 * overlap would both start at the same bookmark. Within one process this prevents it.
 */
const pullsRunning = new Set<string>();
const pulledUpTo = new Map<string, StoredBookmark>();

function laterOf(saved: StoredBookmark | undefined, pulled: StoredBookmark | undefined): StoredBookmark | undefined {
	if (!saved || !pulled) return saved ?? pulled;
	return DateTime.fromISO(pulled.end) > DateTime.fromISO(String(saved.end)) ? pulled : saved;
}

type NothingNewReason = 'noNewPeriod' | 'bookmarkAhead' | 'anotherRunPulling' | 'noRows';

function nothingNew(options: SinceLastRunOptions, reason: NothingNewReason, status: BookmarkStatus, range: PullRange): OutputRow[] {
	if (options.whenNothingNew === 'noItems') return [];
	return [{ nothingNew: true, reason, ...describeRange(range), bookmark: status }];
}

function withRange(row: OutputRow, range: IDataObject): OutputRow {
	return row instanceof FileRow ? new FileRow({ ...row.json, ...range }, row.binary) : { ...row, ...range };
}

const hint = (context: IExecuteFunctions, message: string, type: 'info' | 'warning' = 'info') =>
	context.addExecutionHints({ message, type, location: 'outputPane' });

/**
 * Runs `pull` over the range since the last successful run (see planPull), then moves the
 * bookmark to its end — only once the whole pull succeeded: a failed window throws, and the
 * next run pulls the range again. Every row says the range it came from (`rangeStart`,
 * `rangeEnd` exclusive, `caughtUpDays`, `bookmark`: how the start was found).
 */
export async function pullSinceLastRun(
	context: IExecuteFunctions,
	itemIndex: number,
	request: SinceLastRunRequest,
	pull: (range: PullRange) => Promise<OutputRow[]>,
): Promise<OutputRow[]> {
	const options = readOptions(context, itemIndex, request);
	const manual = context.getMode() === 'manual';
	const useBookmark = !manual || options.useInManualRuns;
	const staticData = context.getWorkflowStaticData('node');
	const store = readStore(useBookmark ? staticData.sinceLastRun : undefined);
	const credentials = Object.entries(context.getNode().credentials ?? {}).map(([type, { id }]) => ({ type, id }));
	const key = settingsKey({ credentials, ...request.settings, zone: request.zone });
	const processKey = `${context.getWorkflow().id ?? ''}\u0000${context.getNode().id}\u0000${key}`;
	const plan = planPull({
		stored: laterOf(store.bookmarks[key], manual ? undefined : pulledUpTo.get(processKey)),
		otherSettingsHaveBookmarks: Object.keys(store.bookmarks).some((other) => other !== key),
		ignoreBookmark: !useBookmark,
		firstRunStart: options.firstRunStart,
		restartFrom: options.restartFrom,
		latestEnd: request.latestEnd,
		maxCatchUpDays: options.maxCatchUpDays,
	});
	if (!plan.range) {
		if (plan.ahead) {
			hint(
				context,
				`Since Last Run: the bookmark (${momentText(plan.at)}) is ahead of the latest complete period (${momentText(request.latestEnd)}); the clock may have gone back. Nothing was pulled; runs continue once that time has passed. Set Restart From to pull from an earlier date.`,
				'warning',
			);
		}
		return nothingNew(options, plan.ahead ? 'bookmarkAhead' : 'noNewPeriod', plan.status, { start: plan.at, end: plan.at });
	}
	const range = plan.range;
	if (!manual && pullsRunning.has(processKey)) {
		hint(context, 'Since Last Run: another execution of this workflow is pulling the same range right now; this one pulled nothing, so nothing comes twice. The next run continues from where that one ends.', 'warning');
		return nothingNew(options, 'anotherRunPulling', plan.status, { start: range.start, end: range.start });
	}
	if (plan.status === 'startedAfresh') {
		hint(context, 'Since Last Run started afresh: the credential, report, filters or timezone changed, and these settings have no bookmark yet. This run pulled from First Run From (or Restart From).');
	}
	if (manual) {
		hint(
			context,
			options.useInManualRuns
				? 'Manual run: pulled from the bookmark, as the next scheduled run would; the bookmark does not move (n8n does not save a manual run\'s workflow data).'
				: "Manual run: pulled the first run's range; the bookmark was not read and does not move. Turn on Since Last Run > Use Bookmark in Manual Runs to pull what the next scheduled run would.",
		);
	}
	if (!manual) pullsRunning.add(processKey);
	let rows: OutputRow[];
	try {
		rows = await pull(range);
	} finally {
		if (!manual) pullsRunning.delete(processKey);
	}
	if (!manual) {
		const moved = advance(readStore(staticData.sinceLastRun), key, range.end, DateTime.now(), plan.restartApplied);
		staticData.sinceLastRun = moved as unknown as IDataObject;
		pulledUpTo.set(processKey, moved.bookmarks[key]);
	}
	const described: IDataObject = { ...describeRange(range), bookmark: plan.status };
	if (rows.length === 0) return nothingNew(options, 'noRows', plan.status, range);
	return rows.map((row) => withRange(row, described));
}
