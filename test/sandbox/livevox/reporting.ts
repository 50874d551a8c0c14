/**
 * The LiveVox Reporting API's eight standard reports, all POST /reporting/standard/...:
 * the row reports here (Call Event Recovery as CSV, Call Recording, Account and Phone
 * Lookup), the aggregate ones in reportingAggregates.ts. Data comes from reportingModel.ts.
 *
 * Dates: Call Event Recovery takes startDate..endDate to the millisecond (the seed's
 * examples cut inside a day); the other reports work in LiveVox reporting days, 4:00 am to
 * 3:59 am, so "6/12 to 6/13" holds the calls from 6/12 4:00 am to 6/14 3:59 am.
 */
import type { SandboxRequest, SandboxResponse } from '../types';
import { isPlainObject } from '../types';
import { livevoxError } from './request';
import { realTimeReport, serviceEfficiency } from './reportingAggregates';
import { agentActivity, agentSummary } from './reportingAgents';
import type { Call, ReportingSettings } from './reportingModel';
import {
	accountNumber,
	callerIdOf,
	campaignIdOf,
	campaignOf,
	customerNameOf,
	DEFAULT_REPORTING_SETTINGS,
	originalAccountNumber,
	phoneOf,
	recordingIdOf,
	sessionIdOf,
	transactionIdOf,
	zipOf,
} from './reportingModel';
import type { ReportName, ReportQuery } from './reportingRequest';
import { callsInScope, parseReportQuery, reportingDayCalls } from './reportingRequest';
import type { ServicesStore } from './servicesStore';
import { LOGIN_IDS } from './session';

export type { ReportingSettings } from './reportingModel';

/** The reporting data's settings; tests change them with configure() and undo with reset(). */
export class ReportingState {
	settings: ReportingSettings = { ...DEFAULT_REPORTING_SETTINGS };
	/** Prepends a byte-order mark to the CSV, as some exports do. */
	csvBom = false;
	/**
	 * Keeps the last answers and gives them again for the same request: a benchmark then
	 * measures the client, not the generation of the data. Off unless asked for.
	 */
	cacheAnswers = false;
	readonly answers = new Map<string, SandboxResponse>();

	configure(changes: Partial<ReportingSettings>): void {
		this.settings = { ...this.settings, ...changes };
		this.answers.clear();
	}

	reset(): void {
		this.settings = { ...DEFAULT_REPORTING_SETTINGS };
		this.csvBom = false;
		this.cacheAnswers = false;
		this.answers.clear();
	}
}

export interface ReportingContext {
	readonly services: ServicesStore;
	readonly reporting: ReportingState;
}

const REPORT_PATHS: Record<string, ReportName> = {
	'account/lookup': 'accountLookup',
	'agent/activity': 'agentActivity',
	'agent/summary': 'agentSummary',
	callDetails: 'callDetails',
	callRecording: 'callRecording',
	'phone/lookup': 'phoneLookup',
	realTimeReport: 'realTimeReport',
	'service/efficiency': 'serviceEfficiency',
};

export const CALL_DETAILS_COLUMNS = [
	'account', 'agentId', 'agentLoginId', 'callerId', 'campaignId', 'clientId', 'duration', 'start', 'end',
	'lvResult', 'operatorPhone', 'phoneDialed', 'roundedIvrDuration', 'serviceId', 'sessionId', 'transactionId',
	'transferHoldDuration', 'zipCode', 'lvResultId', 'callCenterId', 'phonePosition', 'campaignType',
	'areaCodeState', 'zipCodeState',
] as const;

/** "yyyyMMdd HH:mm:ss" in the tenant's zone, fast: the zone offset is looked up once per hour. */
function localStamper(zone: string): (ms: number) => string {
	const offsets = new Map<number, number>();
	const pad = (value: number) => (value < 10 ? `0${value}` : String(value));
	return (ms) => {
		const hour = Math.floor(ms / 3_600_000);
		let offset = offsets.get(hour);
		if (offset === undefined) {
			const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(ms);
			const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
			const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
			offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
			offsets.set(hour, offset);
		}
		const local = new Date(ms + offset);
		return `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
	};
}

const quoted = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function callDetails(query: ReportQuery, state: ReportingState): SandboxResponse {
	const { settings } = state;
	const stamp = localStamper(settings.zone);
	const lines: string[] = [CALL_DETAILS_COLUMNS.join(',')];
	for (const call of callsInScope(query, settings, query.startDate, query.endDate + 1)) {
		const account = call.accountIndex;
		lines.push(
			[
				accountNumber(account), call.agent?.agentId ?? '', call.agent?.loginId ?? '', 0, campaignIdOf(call),
				LOGIN_IDS.clientId, call.durationSeconds, stamp(call.start), stamp(call.end), quoted(call.termCode.name), 0,
				phoneOf(account), call.hash % 6, call.service.serviceId, sessionIdOf(call), transactionIdOf(call),
				call.agent ? call.hash % 20 : 0, zipOf(account), call.termCode.lvResultId, call.service.callCenterId,
				1 + (call.hash % 3), 'MANUAL', 'MA', '',
			].join(','),
		);
	}
	const text = (state.csvBom ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
	// The seed's examples label the CSV application/json; clients must not trust the label.
	return { status: 200, headers: { 'content-type': 'application/json' }, body: text };
}

function lookupRow(call: Call, zone: string) {
	return {
		callCenter: `Call Center_${call.service.callCenterId}`,
		service: call.service.name,
		customerName: customerNameOf(call.accountIndex),
		originalAccountNumber: originalAccountNumber(call.accountIndex),
		phone: phoneOf(call.accountIndex),
		agent: call.agent?.loginId ?? '',
		start: call.start,
		end: call.end,
		campaign: campaignOf(call, zone),
		callerId: callerIdOf(call.service),
		termCode: call.termCode.name,
		serviceId: call.service.serviceId,
		callCenterId: call.service.callCenterId,
	};
}

function accountLookup(query: ReportQuery, settings: ReportingSettings): SandboxResponse {
	const account = typeof query.body.account === 'string' ? query.body.account.trim() : '';
	const original = typeof query.body.originalAccountNumber === 'string' ? query.body.originalAccountNumber.trim() : '';
	if (account === '' && original === '') return livevoxError(400, 'account or originalAccountNumber is required');
	const results = [];
	for (const call of reportingDayCalls(query, settings)) {
		const matches =
			(account !== '' && accountNumber(call.accountIndex) === account) ||
			(original !== '' && originalAccountNumber(call.accountIndex) === original);
		if (matches) results.push(lookupRow(call, settings.zone));
	}
	return { status: 200, body: { results } };
}

function phoneLookup(query: ReportQuery, settings: ReportingSettings): SandboxResponse {
	const dialed = query.body.phoneDialed;
	const phones = Array.isArray(dialed)
		? dialed.map((entry) => (isPlainObject(entry) && typeof entry.phone === 'string' ? entry.phone : undefined))
		: [];
	if (phones.length === 0 || phones.some((phone) => phone === undefined)) {
		return livevoxError(400, 'phoneDialed must be a non-empty array of {"phone": "..."}');
	}
	const wanted = new Set(phones);
	const results = [];
	for (const call of reportingDayCalls(query, settings)) {
		if (wanted.has(phoneOf(call.accountIndex))) results.push(lookupRow(call, settings.zone));
	}
	return { status: 200, body: { results } };
}

function callRecording(query: ReportQuery, settings: ReportingSettings): SandboxResponse {
	const recordings = [];
	for (const call of reportingDayCalls(query, settings)) {
		if (!call.agent) continue;
		recordings.push({
			account: accountNumber(call.accountIndex),
			originalAccountNumber: originalAccountNumber(call.accountIndex),
			service: call.service.name,
			name: customerNameOf(call.accountIndex),
			phone: phoneOf(call.accountIndex),
			agent: call.agent.loginId,
			session: sessionIdOf(call),
			transferConnect: call.start,
			transferEnd: call.end,
			transferDuration: call.durationSeconds,
			campaign: campaignOf(call, settings.zone),
			termCode: call.termCode.name,
			serviceId: call.service.serviceId,
			callCenterId: call.service.callCenterId,
			recordingId: recordingIdOf(call),
		});
	}
	if (query.body.sortBy === 'AGENT') recordings.sort((a, b) => a.agent.localeCompare(b.agent) || a.transferConnect - b.transferConnect);
	return { status: 200, body: { callRecording: recordings } };
}

const HANDLERS: Record<ReportName, (query: ReportQuery, state: ReportingState) => SandboxResponse> = {
	accountLookup: (query, state) => accountLookup(query, state.settings),
	agentActivity: (query, state) => agentActivity(query, state.settings),
	agentSummary: (query, state) => agentSummary(query, state.settings),
	callDetails,
	callRecording: (query, state) => callRecording(query, state.settings),
	phoneLookup: (query, state) => phoneLookup(query, state.settings),
	realTimeReport: (query, state) => realTimeReport(query, state.settings),
	serviceEfficiency: (query, state) => serviceEfficiency(query, state.settings),
};

/** Answers a standard report, or undefined when the route is not one. */
export function handleReportingCall(
	route: readonly string[],
	request: SandboxRequest,
	context: ReportingContext,
): SandboxResponse | undefined {
	if (route[0] !== 'reporting' || route[1] !== 'standard') return undefined;
	const report = REPORT_PATHS[route.slice(2).join('/')];
	if (report === undefined) return undefined;
	if (request.method !== 'POST') return livevoxError(405, 'Reports are requested with POST');
	const parsed = parseReportQuery(report, request, context.reporting.settings, context.services);
	if (!parsed.ok) return parsed.error;
	const { reporting } = context;
	if (!reporting.cacheAnswers) return HANDLERS[report](parsed.query, reporting);
	const key = `${report} ${reporting.csvBom} ${parsed.query.allServices.length} ${request.rawBody}`;
	const answer = reporting.answers.get(key) ?? HANDLERS[report](parsed.query, reporting);
	reporting.answers.set(key, answer);
	if (reporting.answers.size > 64) reporting.answers.delete(reporting.answers.keys().next().value as string);
	return answer;
}
