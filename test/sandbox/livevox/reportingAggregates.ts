/**
 * The Real Time Report and the Service Efficiency Report, built from the generated calls.
 * The RTR formats its figures as display text, as the seed's example does ("61", "77.2%",
 * "49.9 Seconds", "10min 7sec", "$.50"); Service Efficiency gives numbers. Every derived
 * figure follows the arithmetic the seed's examples show (rpcRateInPercent = totalRpcs /
 * successfulOperatorTransfers, costPerRpc = totalCharges / totalRpcs, ...).
 */
import { DateTime } from 'luxon';

import type { SandboxResponse } from '../types';
import type { Call, ReportingSettings } from './reportingModel';
import { TERM_CODES } from './reportingModel';
import type { ReportQuery } from './reportingRequest';
import { flag, reportingDayCalls } from './reportingRequest';
import { ratio, round2, sumCalls } from './reportingAgents';
import { LOGIN_IDS } from './session';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Dollars per minute; the seed's example charges work out at about this rate. */
export const RATE_PER_MINUTE = 0.049;

const oneDecimal = (value: number) => String(Number(value.toFixed(1)));
const percentText = (part: number, whole: number) => `${oneDecimal(100 * ratio(part, whole))}%`;
const secondsText = (seconds: number) => `${oneDecimal(seconds)} Seconds`;
const durationText = (seconds: number) => `${Math.floor(seconds / 60)}min ${seconds % 60}sec`;
function dollarsText(amount: number): string {
	const cents = Math.round(amount * 100);
	const dollars = Math.floor(cents / 100);
	return `$${dollars === 0 ? '' : dollars}.${String(cents % 100).padStart(2, '0')}`;
}

const isConnected = (call: Call) => call.termCode.answer === 'live' || call.termCode.answer === 'automated';

function callCounts(calls: readonly Call[]) {
	const live = calls.filter((call) => call.termCode.answer === 'live').length;
	const automated = calls.filter((call) => call.termCode.answer === 'automated').length;
	return {
		connected: { liveAnswer: live, automatedAnswer: automated, total: live + automated },
		notConnected: calls.filter((call) => call.termCode.answer === 'notConnected').length,
		successfulOperatorTransfer: calls.filter((call) => call.agent !== undefined).length,
	};
}

export function realTimeReport(query: ReportQuery, settings: ReportingSettings): SandboxResponse {
	const calls = [...reportingDayCalls(query, settings)];
	const lastStart = calls.length === 0 ? 0 : calls[calls.length - 1].start;
	const connectedTotal = calls.filter(isConnected).length;
	const outcomes = [];
	for (const category of new Set(TERM_CODES.map((code) => code.category))) {
		const inCategory = calls.filter((call) => call.termCode.category === category);
		if (inCategory.length === 0) continue;
		const seconds = (list: Call[]) => list.reduce((sum, call) => sum + call.durationSeconds, 0);
		const termcodes = TERM_CODES.filter((code) => code.category === category).flatMap((code) => {
			const withCode = inCategory.filter((call) => call.termCode === code);
			if (withCode.length === 0) return [];
			const notMade = code.answer === 'notMade';
			return [
				{
					name: code.name,
					totalCallsInCategoryInPercent: percentText(withCode.length, inCategory.length),
					totalCalls: String(withCode.length),
					totalCallsInPercent: notMade ? '' : percentText(withCode.length, connectedTotal),
					avgCallLength: notMade ? '' : secondsText(ratio(seconds(withCode), withCode.length)),
				},
			];
		});
		outcomes.push({
			totals: {
				totalCallsInCategoryInPercent: '100%',
				totalCalls: String(inCategory.length),
				totalCallsInPercent: percentText(inCategory.length, connectedTotal),
				avgCallLength: secondsText(ratio(seconds(inCategory), inCategory.length)),
			},
			termcodes,
			name: category,
		});
	}
	const connectedSeconds = calls.filter((call) => isConnected(call) && !call.agent).reduce((sum, call) => sum + call.durationSeconds, 0);
	const transferSeconds = calls.filter((call) => call.agent).reduce((sum, call) => sum + call.durationSeconds, 0);
	const charge = (seconds: number) => ({ duration: durationText(seconds), charges: dollarsText((seconds / 60) * RATE_PER_MINUTE) });
	return {
		status: 200,
		body: {
			summary: {
				totalCalls: callCounts(calls),
				totalCallsInLast15Mins: callCounts(calls.filter((call) => call.start > lastStart - 15 * MINUTE_MS)),
				clientId: LOGIN_IDS.clientId,
			},
			outcomes,
			charges: {
				connectedCalls: charge(connectedSeconds),
				operatorTransfer: charge(transferSeconds),
				total: charge(connectedSeconds + transferSeconds),
			},
		},
	};
}

function efficiencyDetails(calls: readonly Call[]) {
	const s = sumCalls(calls);
	const minutes = (ms: number) => round2(ms / MINUTE_MS);
	const productiveMs = s.talkMs + s.wrapMs + s.readyMs;
	const productiveHours = productiveMs / HOUR_MS;
	const dials = calls.filter((call) => call.termCode.answer !== 'notMade').length;
	const counts = callCounts(calls);
	const attempted = calls.filter((call) => call.termCode.transfer).length;
	const totalRpcs = s.rpcPayment + s.rpcNoPayment;
	const connectionMinutes = calls.filter((call) => isConnected(call) && !call.agent).reduce((sum, call) => sum + call.durationSeconds, 0) / 60;
	const transferMinutes = calls.filter((call) => call.agent).reduce((sum, call) => sum + call.durationSeconds, 0) / 60;
	const totalCharges = (connectionMinutes + transferMinutes) * RATE_PER_MINUTE;
	return {
		agentProductivityTimeBreakDown: {
			agentProductiveTimeInMinutes: minutes(productiveMs),
			inCallTimeInMinutes: minutes(s.talkMs),
			wrapupTimeInMinutes: minutes(s.wrapMs),
			readyTimeInMinutes: minutes(s.readyMs),
			notReadyTimeInMinutes: minutes(s.notReadyMs),
		},
		agentProductivityPercentageBreakDown: {
			inCall: round2(100 * ratio(s.talkMs, productiveMs)),
			wrapup: round2(100 * ratio(s.wrapMs, productiveMs)),
			ready: round2(100 * ratio(s.readyMs, productiveMs)),
		},
		connectRate: {
			dials,
			connects: counts.connected.total,
			liveConnects: counts.connected.liveAnswer,
			automatedConnects: counts.connected.automatedAnswer,
			nonConnects: counts.notConnected,
			liveConnectRateInPercent: round2(100 * ratio(counts.connected.liveAnswer, dials)),
			automatedAnsweringMachineLeftMessage: calls.filter((call) => call.termCode.leftMessage).length,
			attemptedOperatorTransfers: attempted,
			successfulOperatorTransfers: s.agentCalls,
			failedOperatorTransfers: attempted - s.agentCalls,
			failedOperatorTransferRateInPercent: round2(100 * ratio(attempted - s.agentCalls, attempted)),
		},
		connects: {
			rpcPaymentPtp: s.rpcPayment,
			rpcNoPaymentPtp: s.rpcNoPayment,
			totalRpcs,
			wpc: s.wpc,
			nonContacts: s.nonContacts,
			ptpAmount: s.ptpAmount,
		},
		productivityStats: {
			avgHandleTime: round2(ratio((s.talkMs + s.wrapMs) / MINUTE_MS, s.agentCalls)),
			outboundDialsPerHour: round2(ratio(dials, productiveHours)),
			agentConnectsPerHour: round2(ratio(s.agentCalls, productiveHours)),
			rpcsPerHour: round2(ratio(totalRpcs, productiveHours)),
			rpcRateInPercent: round2(100 * ratio(totalRpcs, s.agentCalls)),
			conversionRateInPercent: round2(100 * ratio(s.rpcPayment, totalRpcs)),
		},
		billing: {
			connectionCall: round2(connectionMinutes),
			operatorTransfer: round2(transferMinutes),
			totalMinutes: round2(connectionMinutes + transferMinutes),
			totalCharges: round2(totalCharges),
			costPerRpc: round2(ratio(totalCharges, totalRpcs)),
		},
	};
}

/** groupBy's criteria are not in the public document: the sandbox reads callCenter, service and date. */
export function serviceEfficiency(query: ReportQuery, settings: ReportingSettings): SandboxResponse {
	const groupBy = typeof query.body.groupBy === 'object' && query.body.groupBy !== null ? (query.body.groupBy as Record<string, unknown>) : {};
	const byService = flag(groupBy.service);
	const byCallCenter = byService || flag(groupBy.callCenter);
	const byDate = flag(groupBy.date);
	const calls = [...reportingDayCalls(query, settings)];
	const dayOf = (ms: number) => DateTime.fromMillis(ms, { zone: settings.zone }).minus({ hours: 4 }).startOf('day').toMillis();
	const groups = new Map<string, Call[]>();
	for (const call of calls) {
		const key = [byCallCenter ? call.service.callCenterId : '', byService ? call.service.serviceId : '', byDate ? dayOf(call.start) : ''].join('|');
		const group = groups.get(key);
		if (group) group.push(call);
		else groups.set(key, [call]);
	}
	if (groups.size === 0) groups.set('||', []);
	const firstDay = DateTime.fromMillis(query.startDate, { zone: settings.zone }).startOf('day').toMillis();
	const results = [...groups.values()].map((group) => {
		const sample = group[0];
		return {
			details: efficiencyDetails(group),
			callCenter: byCallCenter && sample ? `Call Center_${sample.service.callCenterId}` : null,
			service: byService && sample ? sample.service.name : null,
			date: byDate && sample ? dayOf(sample.start) : firstDay,
			serviceId: byService && sample ? sample.service.serviceId : null,
			callCenterId: byCallCenter && sample ? sample.service.callCenterId : null,
		};
	});
	const callCenterIds = [...new Set(calls.map((call) => call.service.callCenterId))].sort((a, b) => a - b);
	const body: Record<string, unknown> = {
		results,
		callCenterTotals: byCallCenter
			? callCenterIds.map((callCenterId) => ({
					details: efficiencyDetails(calls.filter((call) => call.service.callCenterId === callCenterId)),
					callCenter: `Call Center_${callCenterId}`,
					callCenterId,
				}))
			: null,
		grandTotal: { details: efficiencyDetails(calls) },
	};
	if (flag(query.body.chart)) {
		body.chart = `http://sandbox.invalid/reporting/chart?operation=get&client_id=${LOGIN_IDS.clientId}&chart_id=${query.startDate}_${query.endDate}`;
	}
	return { status: 200, body };
}
