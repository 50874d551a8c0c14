/**
 * Agent Activity and Agent Summary, built from the generated calls. Every ratio is computed
 * from its parts by the formula the seed documents for Agent Activity (connectsPerHour,
 * rpcRateInPercent, ...), so a client that combines parts the same way gets the same figure.
 * Agent Activity's times are milliseconds, as the seed's example values are (its table says
 * seconds); Agent Summary's are minutes with two decimals, as in its example.
 */
import { DateTime } from 'luxon';

import type { SandboxResponse } from '../types';
import type { Agent, Call, ReportingSettings } from './reportingModel';
import type { ReportQuery } from './reportingRequest';
import { flag, reportingDayCalls } from './reportingRequest';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export const round2 = (value: number) => Math.round(value * 100) / 100;
export const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** Sums over calls that every report derives its figures from. */
export interface CallSums {
	calls: number;
	agentCalls: number;
	talkMs: number;
	wrapMs: number;
	readyMs: number;
	notReadyMs: number;
	rpcPayment: number;
	rpcNoPayment: number;
	wpc: number;
	nonContacts: number;
	ptpAmount: number;
	termCodes: Map<string, number>;
}

export function sumCalls(calls: readonly Call[]): CallSums {
	const sums: CallSums = {
		calls: calls.length, agentCalls: 0, talkMs: 0, wrapMs: 0, readyMs: 0, notReadyMs: 0,
		rpcPayment: 0, rpcNoPayment: 0, wpc: 0, nonContacts: 0, ptpAmount: 0, termCodes: new Map(),
	};
	for (const call of calls) {
		if (call.agent) sums.agentCalls++;
		sums.talkMs += call.talkMs;
		sums.wrapMs += call.wrapMs;
		sums.readyMs += call.readyMs;
		sums.notReadyMs += call.notReadyMs;
		if (call.termCode.rpc === 'payment') sums.rpcPayment++;
		if (call.termCode.rpc === 'noPayment') sums.rpcNoPayment++;
		if (call.termCode.wpc) sums.wpc++;
		if (call.termCode.nonContact) sums.nonContacts++;
		sums.ptpAmount += call.ptpAmount;
		sums.termCodes.set(call.termCode.name, (sums.termCodes.get(call.termCode.name) ?? 0) + 1);
	}
	return sums;
}

const termCodeList = (sums: CallSums) => [...sums.termCodes].map(([name, count]) => ({ name, count }));

function activityDetails(calls: readonly Call[], showTermCodes: boolean) {
	const s = sumCalls(calls);
	const onlineMs = s.talkMs + s.wrapMs + s.readyMs + s.notReadyMs;
	const productiveMs = s.talkMs + s.wrapMs + s.readyMs;
	const totalRpcs = s.rpcPayment + s.rpcNoPayment;
	return {
		termCodes: showTermCodes ? termCodeList(s) : null,
		onlineTime: onlineMs,
		successfulOperatorTransfers: s.agentCalls,
		averageTalkTime: Math.round(ratio(s.talkMs, s.agentCalls)),
		averageWrapTime: Math.round(ratio(s.wrapMs, s.agentCalls)),
		averageAvailableTime: Math.round(ratio(s.readyMs, s.agentCalls)),
		averageNotReadyTime: Math.round(ratio(s.notReadyMs, s.agentCalls)),
		connectsPerHour: round2(ratio(s.agentCalls, onlineMs / HOUR_MS)),
		rpcPaymentPtp: s.rpcPayment,
		rpcNoPaymentPtp: s.rpcNoPayment,
		totalRpcs,
		totalRpcsPerAgentSystemHour: round2(ratio(totalRpcs, productiveMs / HOUR_MS)),
		rpcRateInPercent: round2(100 * ratio(totalRpcs, s.agentCalls)),
		conversionRateInPercent: round2(100 * ratio(s.rpcPayment, totalRpcs)),
		wpc: s.wpc,
		nonContacts: s.nonContacts,
	};
}

function groupBy<K, V>(values: Iterable<V>, keyOf: (value: V) => K): Map<K, V[]> {
	const groups = new Map<K, V[]>();
	for (const value of values) {
		const key = keyOf(value);
		const group = groups.get(key);
		if (group) group.push(value);
		else groups.set(key, [value]);
	}
	return groups;
}

const agentCallsOf = (query: ReportQuery, settings: ReportingSettings) =>
	[...reportingDayCalls(query, settings)].filter((call): call is Call & { agent: Agent } => call.agent !== undefined);

export function agentActivity(query: ReportQuery, settings: ReportingSettings): SandboxResponse {
	const showTermCodes = flag(query.body.showTermCodes);
	const byService = groupBy(agentCallsOf(query, settings), (call) => call.service.serviceId);
	const results = [...byService.entries()]
		.sort(([a], [b]) => a - b)
		.map(([, serviceCalls]) => {
			const service = serviceCalls[0].service;
			const byAgent = groupBy(serviceCalls, (call) => call.agent.loginId);
			const agents = [...byAgent.entries()]
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([, agentCalls]) => {
					const agent = agentCalls[0].agent;
					// The reporting day a call belongs to: 4:00 am to 3:59 am.
					const byDay = groupBy(agentCalls, (call) =>
						DateTime.fromMillis(call.start, { zone: settings.zone }).minus({ hours: 4 }).toISODate(),
					);
					return {
						dayActivity: [...byDay.values()].map((dayCalls) => ({
							activity: [
								{
									agentActivityDetails: [activityDetails(dayCalls, showTermCodes)],
									loginTime: dayCalls[0].start - dayCalls[0].readyMs,
									logoutTime: dayCalls[dayCalls.length - 1].end + dayCalls[dayCalls.length - 1].wrapMs,
								},
							],
							dayTotals: activityDetails(dayCalls, showTermCodes),
						})),
						agentTotals: activityDetails(agentCalls, showTermCodes),
						name: `${agent.lastName} ${agent.firstName},${agent.loginId}`,
					};
				});
			return {
				agent: agents,
				serviceTotals: activityDetails(serviceCalls, showTermCodes),
				serviceName: `${service.name} ( ${service.serviceId} )`,
				serviceId: service.serviceId,
				callCenterId: service.callCenterId,
			};
		});
	return { status: 200, body: { agentActivity: { results } } };
}

function summaryDetails(calls: readonly Call[], options: { termCodes: boolean; ptpAmount: boolean; detailed: boolean }) {
	const s = sumCalls(calls);
	const minutes = (ms: number) => round2(ms / MINUTE_MS);
	const systemMs = s.talkMs + s.wrapMs + s.readyMs + s.notReadyMs;
	const productiveMs = s.talkMs + s.wrapMs + s.readyMs;
	const percent = (ms: number) => round2(100 * ratio(ms, systemMs));
	const totalRpcs = s.rpcPayment + s.rpcNoPayment;
	const detailed = <T>(value: T) => (options.detailed ? value : null);
	return {
		termcodes: options.termCodes ? termCodeList(s) : null,
		successfulOpTransfer: s.agentCalls,
		inCallTimeInMinutes: minutes(s.talkMs),
		inCallTimeInPercent: percent(s.talkMs),
		readyTimeInMinutes: minutes(s.readyMs),
		readyTimeInPercent: percent(s.readyMs),
		wrapupTimeInMinutes: minutes(s.wrapMs),
		wrapupTimeInPercent: percent(s.wrapMs),
		notReadyTimeInMinutes: minutes(s.notReadyMs),
		notReadyTimeInPercent: percent(s.notReadyMs),
		rpcPaymentPtp: s.rpcPayment,
		rpcNoPaymentPtp: s.rpcNoPayment,
		wpc: s.wpc,
		nonConnects: s.nonContacts,
		totalRpcs,
		ptpAmount: options.ptpAmount ? s.ptpAmount : null,
		agentSystemTimeInMinutes: detailed(minutes(systemMs)),
		agentProductiveTimeInMinutes: detailed(minutes(productiveMs)),
		avgCallsHandleInHours: detailed(round2(ratio(s.agentCalls, productiveMs / HOUR_MS))),
		avgCallsHandledTimeInHours: detailed(round2(ratio((s.talkMs + s.wrapMs) / HOUR_MS, s.agentCalls))),
		avgCallLengthInMinutes: detailed(round2(ratio(s.talkMs / MINUTE_MS, s.agentCalls))),
		rpcsPerHour: detailed(round2(ratio(totalRpcs, productiveMs / HOUR_MS))),
		rpcRateInPercent: detailed(round2(100 * ratio(totalRpcs, s.agentCalls))),
		conversionRateInPercent: detailed(round2(100 * ratio(s.rpcPayment, totalRpcs))),
	};
}

export function agentSummary(query: ReportQuery, settings: ReportingSettings): SandboxResponse {
	const raw = query.body.options;
	const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
	const options = { termCodes: flag(given.showTermCodes), ptpAmount: flag(given.showPtpAmount), detailed: flag(given.showDetailed) };
	const calls = agentCallsOf(query, settings);
	const byAgent = groupBy(calls, (call) => call.agent.loginId);
	const results = [...byAgent.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([, agentCalls]) => ({
			details: summaryDetails(agentCalls, options),
			loginId: agentCalls[0].agent.loginId,
			firstName: agentCalls[0].agent.firstName,
			lastName: agentCalls[0].agent.lastName,
		}));
	return { status: 200, body: { results, total: { details: summaryDetails(calls, options) } } };
}
