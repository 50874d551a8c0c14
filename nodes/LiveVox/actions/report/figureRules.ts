import type { CombineRules } from '../../../shared/combineFigures';
import { ratio } from '../../../shared/combineFigures';

type Figures = Readonly<Record<string, unknown>>;
const value = (figures: Figures, key: string) => (typeof figures[key] === 'number' ? (figures[key] as number) : null);
const sumOf = (figures: Figures, keys: readonly string[]) => {
	const values = keys.map((key) => value(figures, key));
	return values.some((v) => v === null) ? null : (values as number[]).reduce((a, b) => a + b, 0);
};
/** Hours from a figure in minutes. */
const hours = (minutes: number | null) => (minutes === null ? null : minutes / 60);

const STATE_TIMES = ['inCallTimeInMinutes', 'readyTimeInMinutes', 'wrapupTimeInMinutes', 'notReadyTimeInMinutes'];
const shareOfStates = (key: string) => (f: Figures) => ratio(value(f, key), sumOf(f, STATE_TIMES), 100);

/**
 * Agent Summary details. The shares of the four state times are each time over their sum
 * (the seed's example: 2.5 / (2.5 + 35.52) = 6.58 %); rpcRateInPercent, conversionRateInPercent
 * and rpcsPerHour follow the formulas the seed gives for the same figures in Agent Activity.
 * The three averages of calls handled need the number of calls, which the report does not give.
 */
export const AGENT_SUMMARY_RULES: CombineRules = {
	sum: [
		'successfulOpTransfer',
		...STATE_TIMES,
		'rpcPaymentPtp',
		'rpcNoPaymentPtp',
		'wpc',
		'nonConnects',
		'totalRpcs',
		'ptpAmount',
		'agentSystemTimeInMinutes',
		'agentProductiveTimeInMinutes',
	],
	recompute: {
		inCallTimeInPercent: shareOfStates('inCallTimeInMinutes'),
		readyTimeInPercent: shareOfStates('readyTimeInMinutes'),
		wrapupTimeInPercent: shareOfStates('wrapupTimeInMinutes'),
		notReadyTimeInPercent: shareOfStates('notReadyTimeInMinutes'),
		rpcsPerHour: (f) => ratio(value(f, 'totalRpcs'), hours(value(f, 'agentProductiveTimeInMinutes'))),
		rpcRateInPercent: (f) => ratio(value(f, 'totalRpcs'), value(f, 'successfulOpTransfer'), 100),
		conversionRateInPercent: (f) => ratio(value(f, 'rpcPaymentPtp'), value(f, 'totalRpcs'), 100),
	},
	countLists: ['termcodes'],
};

const T = 'agentProductivityTimeBreakDown.';
const P = 'agentProductivityPercentageBreakDown.';
const R = 'connectRate.';
const C = 'connects.';
const S = 'productivityStats.';
const B = 'billing.';
const productiveHours = (f: Figures) => hours(value(f, `${T}agentProductiveTimeInMinutes`));

/**
 * Service Efficiency details. Every derived figure is recomputed by the arithmetic the seed's
 * example shows exactly: shares of productive time, rates over dials and transfers, figures
 * per productive hour, the average handle time in minutes and the cost per RPC.
 */
export const SERVICE_EFFICIENCY_RULES: CombineRules = {
	sum: [
		...['agentProductiveTimeInMinutes', 'inCallTimeInMinutes', 'wrapupTimeInMinutes', 'readyTimeInMinutes', 'notReadyTimeInMinutes'].map((k) => T + k),
		...[
			'dials',
			'connects',
			'liveConnects',
			'automatedConnects',
			'nonConnects',
			'automatedAnsweringMachineLeftMessage',
			'attemptedOperatorTransfers',
			'successfulOperatorTransfers',
			'failedOperatorTransfers',
		].map((k) => R + k),
		...['rpcPaymentPtp', 'rpcNoPaymentPtp', 'totalRpcs', 'wpc', 'nonContacts', 'ptpAmount'].map((k) => C + k),
		...['connectionCall', 'operatorTransfer', 'totalMinutes', 'totalCharges'].map((k) => B + k),
	],
	recompute: {
		[`${P}inCall`]: (f) => ratio(value(f, `${T}inCallTimeInMinutes`), value(f, `${T}agentProductiveTimeInMinutes`), 100),
		[`${P}wrapup`]: (f) => ratio(value(f, `${T}wrapupTimeInMinutes`), value(f, `${T}agentProductiveTimeInMinutes`), 100),
		[`${P}ready`]: (f) => ratio(value(f, `${T}readyTimeInMinutes`), value(f, `${T}agentProductiveTimeInMinutes`), 100),
		[`${R}liveConnectRateInPercent`]: (f) => ratio(value(f, `${R}liveConnects`), value(f, `${R}dials`), 100),
		[`${R}failedOperatorTransferRateInPercent`]: (f) =>
			ratio(value(f, `${R}failedOperatorTransfers`), value(f, `${R}attemptedOperatorTransfers`), 100),
		[`${S}avgHandleTime`]: (f) =>
			ratio(sumOf(f, [`${T}inCallTimeInMinutes`, `${T}wrapupTimeInMinutes`]), value(f, `${R}successfulOperatorTransfers`)),
		[`${S}outboundDialsPerHour`]: (f) => ratio(value(f, `${R}dials`), productiveHours(f)),
		[`${S}agentConnectsPerHour`]: (f) => ratio(value(f, `${R}successfulOperatorTransfers`), productiveHours(f)),
		[`${S}rpcsPerHour`]: (f) => ratio(value(f, `${C}totalRpcs`), productiveHours(f)),
		[`${S}rpcRateInPercent`]: (f) => ratio(value(f, `${C}totalRpcs`), value(f, `${R}successfulOperatorTransfers`), 100),
		[`${S}conversionRateInPercent`]: (f) => ratio(value(f, `${C}rpcPaymentPtp`), value(f, `${C}totalRpcs`), 100),
		[`${B}costPerRpc`]: (f) => ratio(value(f, `${B}totalCharges`), value(f, `${C}totalRpcs`)),
	},
};

/** The note for figures left empty, or undefined when none was. */
export function emptiedNote(emptied: readonly string[]): string | undefined {
	if (emptied.length === 0) return undefined;
	return `Left empty when combining requests: ${[...new Set(emptied)].join(', ')}. LiveVox documents no formula for these, so they cannot be computed from the parts (turn off combining to see them per request).`;
}
