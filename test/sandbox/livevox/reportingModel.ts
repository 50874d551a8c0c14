/**
 * Generated, deterministic call data for the Reporting API imitation. Every call is a pure
 * function of (tenant calendar day, index within the day) and the settings, never random,
 * so a range pulled in one request and the same range pulled window by window hold exactly
 * the same calls. Agent state times are derived per call, which makes every aggregate a sum
 * over calls: windows and service chunks add up to the whole.
 */
import { DateTime } from 'luxon';

export interface ReportingSettings {
	/** Calls generated per tenant calendar day. */
	callsPerDay: number;
	/** Agents who take calls; some calls end without an agent. */
	agents: number;
	/** Distinct accounts (and their phone numbers) the calls are spread over. */
	accounts: number;
	/** The tenant's timezone: reporting days and the CSV's zone-less timestamps are in it. */
	zone: string;
	/** Lifts the documented range maxima (for comparing one big request with a split pull). */
	liftRangeLimits: boolean;
	/** Services one request may cover; LiveVox answers "202" above it. */
	serviceLimit: number;
	/** How the 202 comes: as the HTTP status, or as `code` in a 400 error body. */
	tooManyServicesAnswer: 'httpStatus' | 'bodyCode';
}

export const DEFAULT_REPORTING_SETTINGS: Readonly<ReportingSettings> = Object.freeze({
	callsPerDay: 24,
	agents: 4,
	accounts: 40,
	zone: 'America/New_York',
	liftRangeLimits: false,
	serviceLimit: 150,
	tooManyServicesAnswer: 'httpStatus',
});

export interface TermCode {
	name: string;
	/** The RTR outcome category. */
	category: string;
	lvResultId: number;
	weight: number;
	answer: 'live' | 'automated' | 'notConnected' | 'notMade';
	/** An operator transfer was attempted; `agent` says whether it reached an agent. */
	transfer?: boolean;
	agent?: boolean;
	rpc?: 'payment' | 'noPayment';
	wpc?: boolean;
	nonContact?: boolean;
	leftMessage?: boolean;
}

/** Term codes from the seed's examples (one with a comma and quotes, to exercise CSV quoting). */
export const TERM_CODES: readonly TermCode[] = [
	{ name: 'AGENT - PTP Arranged', category: 'Operator Transfer', lvResultId: 731, weight: 3, answer: 'live', transfer: true, agent: true, rpc: 'payment' },
	{ name: 'AGENT - Call Back', category: 'Operator Transfer', lvResultId: 739, weight: 4, answer: 'live', transfer: true, agent: true, rpc: 'noPayment' },
	{ name: 'AGENT - Customer Hung Up', category: 'Operator Transfer', lvResultId: 743, weight: 2, answer: 'live', transfer: true, agent: true, nonContact: true },
	{ name: 'AGENT - Wrong Party, "Do Not Call"', category: 'Operator Transfer', lvResultId: 745, weight: 1, answer: 'live', transfer: true, agent: true, wpc: true },
	{ name: 'Operator Transfer (Agent Terminated Call)', category: 'Operator Transfer', lvResultId: 661, weight: 2, answer: 'live', transfer: true, agent: true },
	{ name: 'Operator Transfer (Caller Abandoned)', category: 'Operator Transfer', lvResultId: 662, weight: 1, answer: 'live', transfer: true },
	{ name: 'Partial Message Left', category: 'Left Message', lvResultId: 120, weight: 3, answer: 'automated', leftMessage: true },
	{ name: 'Listened', category: 'Left Message', lvResultId: 121, weight: 1, answer: 'automated', leftMessage: true },
	{ name: 'Answering Machine (Hung Up)', category: 'LiveVox Hang-Up', lvResultId: 130, weight: 1, answer: 'automated' },
	{ name: 'No Answer', category: 'Not Connected', lvResultId: 140, weight: 2, answer: 'notConnected' },
	{ name: 'Duplicate Call (Not Made)', category: 'Not Made', lvResultId: 150, weight: 1, answer: 'notMade' },
];
const TOTAL_WEIGHT = TERM_CODES.reduce((sum, code) => sum + code.weight, 0);

const FIRST_NAMES = ['AGUSTIN', 'URI', 'JULIAN', 'MARIA', 'KEIKO', 'OLU', 'PRIYA', 'SVEN'];
const LAST_NAMES = ['CONDE', 'NAOR', 'JAMES', 'LOPEZ', 'TANAKA', 'ADEYEMI', 'RAO', 'BERG'];

export interface Agent {
	agentId: number;
	loginId: string;
	firstName: string;
	lastName: string;
}

export function agentAt(index: number): Agent {
	return {
		agentId: 1197000 + index,
		loginId: `AGENT${index + 1}`,
		firstName: FIRST_NAMES[index % FIRST_NAMES.length],
		lastName: `${LAST_NAMES[index % LAST_NAMES.length]}${index >= LAST_NAMES.length ? index : ''}`,
	};
}

/** Where a call was made: a service of the Services store and its call center. */
export interface ServiceRef {
	serviceId: number;
	callCenterId: number;
	name: string;
}

export interface Call {
	/** Unique per call: tenant day number × 10,000,000 + index within the day. */
	key: number;
	start: number;
	end: number;
	durationSeconds: number;
	service: ServiceRef;
	/** Undefined when no agent took the call. */
	agent?: Agent;
	accountIndex: number;
	termCode: TermCode;
	/** Agent state times for this call, in ms (zero without an agent). */
	talkMs: number;
	wrapMs: number;
	readyMs: number;
	notReadyMs: number;
	ptpAmount: number;
	hash: number;
}

/** A 32-bit integer mixer (lowbias32): spreads consecutive keys evenly. */
export function mix(value: number): number {
	let x = value >>> 0;
	x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
	x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
	return (x ^ (x >>> 16)) >>> 0;
}

const hashOf = (day: number, index: number, salt: number) => mix(mix(day * 131 + salt) ^ index);

function pickTermCode(value: number): TermCode {
	let ticket = value % TOTAL_WEIGHT;
	for (const code of TERM_CODES) {
		if (ticket < code.weight) return code;
		ticket -= code.weight;
	}
	return TERM_CODES[0];
}

/** Days since the epoch of a tenant calendar day, and its first and next midnight. */
interface TenantDay {
	number: number;
	start: number;
	next: number;
}

function tenantDay(ms: number, zone: string): TenantDay {
	const local = DateTime.fromMillis(ms, { zone }).startOf('day');
	const number = Math.round(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
	return { number, start: local.toMillis(), next: local.plus({ days: 1 }).toMillis() };
}

function callAt(day: TenantDay, index: number, settings: ReportingSettings, services: readonly ServiceRef[]): Call {
	const slotMs = (day.next - day.start) / settings.callsPerDay;
	const hash = hashOf(day.number, index, 1);
	const start = day.start + Math.floor((index * slotMs + (hash % Math.max(1, Math.floor(slotMs)))) / 1000) * 1000;
	const termCode = pickTermCode(hashOf(day.number, index, 2));
	const durationSeconds = termCode.answer === 'notMade' ? 0 : 5 + (hashOf(day.number, index, 3) % 600);
	const agentIndex = hashOf(day.number, index, 4) % settings.agents;
	const agent = termCode.agent ? agentAt(agentIndex) : undefined;
	const talkMs = agent ? durationSeconds * 1000 : 0;
	return {
		key: day.number * 10_000_000 + index,
		start,
		end: start + durationSeconds * 1000,
		durationSeconds,
		service: services[hashOf(day.number, index, 5) % services.length],
		agent,
		accountIndex: hashOf(day.number, index, 6) % settings.accounts,
		termCode,
		talkMs,
		wrapMs: agent ? 15_000 : 0,
		readyMs: agent ? 60_000 + (hash % 120) * 1000 : 0,
		notReadyMs: agent ? 30_000 + (hash % 30) * 1000 : 0,
		ptpAmount: termCode.rpc === 'payment' ? 50 + (hash % 20) * 25 : 0,
		hash,
	};
}

/** The calls whose start lies in [from, to), in time order. */
export function* callsBetween(
	from: number,
	to: number,
	settings: ReportingSettings,
	services: readonly ServiceRef[],
): Generator<Call> {
	if (services.length === 0 || to <= from) return;
	for (let day = tenantDay(from, settings.zone); day.start < to; day = tenantDay(day.next, settings.zone)) {
		for (let index = 0; index < settings.callsPerDay; index++) {
			const call = callAt(day, index, settings, services);
			if (call.start >= to) break;
			if (call.start >= from) yield call;
		}
	}
}

/** LiveVox's reporting day runs 4:00 am to 3:59 am: the days of `from` and `to` become that span. */
export function reportingDaySpan(from: number, to: number, zone: string): { from: number; to: number } {
	const first = DateTime.fromMillis(from, { zone }).startOf('day').plus({ hours: 4 });
	const last = DateTime.fromMillis(to, { zone }).startOf('day').plus({ days: 1, hours: 4 });
	return { from: first.toMillis(), to: last.toMillis() };
}

/** The account number of an account: some carry LiveVox's "@" prefix, as in the seed. */
export const accountNumber = (index: number) => (index % 7 === 3 ? `@${12340 + index}` : String(12340 + index));
export const originalAccountNumber = (index: number) => (index % 5 === 0 ? `OA-${9000 + index}` : '');
export const phoneOf = (index: number) => `617${String(5550000 + index * 37).padStart(7, '0')}`;
/** Zip codes start with a zero for some accounts: they must stay text. */
export const zipOf = (index: number) => (index % 4 === 0 ? '' : String((index * 7919) % 100000).padStart(5, '0'));
export const customerNameOf = (index: number) => (index % 3 === 0 ? '' : `Customer ${index}`);
export const sessionIdOf = (call: Call) =>
	`U${(call.hash & 0xfffff).toString(16).toUpperCase()}T${Math.floor(call.start / 1000).toString(16).toUpperCase()}@10.101.${call.hash % 32}.${call.key % 250}`;
/** Long digit strings: identifiers that must not become numbers. */
export const transactionIdOf = (call: Call) => String(126000000000000 + call.key);
export const recordingIdOf = (call: Call) => {
	const hex = (value: number, width: number) => value.toString(16).padStart(width, '0').slice(-width);
	return `${hex(call.hash, 8)}-${hex(mix(call.key), 4)}-b82b-1caa-${hex(call.key, 12)}`;
};
export const campaignOf = (call: Call, zone: string) =>
	`${call.service.serviceId}_MANUAL_CALLS_${DateTime.fromMillis(call.start, { zone }).toFormat('MM-dd-yyyy')}`;
export const campaignIdOf = (call: Call) => 111730000 + (call.key % 9973);
export const callerIdOf = (service: ServiceRef) => `650351${String(7000 + (service.serviceId % 3000)).padStart(4, '0')}`;
