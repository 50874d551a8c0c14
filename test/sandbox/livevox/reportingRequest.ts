/**
 * What every standard report reads from its body, validated as the Reporting API documents:
 * startDate / endDate (epoch ms as a number or digits, or a local ISO date-time as the Phone
 * Lookup example sends), the range maximum of the report, and the 150-service rule.
 */
import { DateTime } from 'luxon';

import type { SandboxRequest, SandboxResponse } from '../types';
import { isPlainObject } from '../types';
import { livevoxError, parseIdText } from './request';
import type { Call, ReportingSettings, ServiceRef } from './reportingModel';
import { callsBetween, reportingDaySpan } from './reportingModel';
import type { ServicesStore } from './servicesStore';

export type ReportName =
	| 'accountLookup'
	| 'agentActivity'
	| 'agentSummary'
	| 'callDetails'
	| 'callRecording'
	| 'phoneLookup'
	| 'realTimeReport'
	| 'serviceEfficiency';

/** The documented maxima of endDate - startDate, in days (the lookups' 365 is a configurable default). */
export const RANGE_LIMIT_DAYS: Partial<Record<ReportName, number>> = {
	callDetails: 3,
	callRecording: 31,
	serviceEfficiency: 31,
	realTimeReport: 90,
	accountLookup: 365,
	phoneLookup: 365,
};

const DAY_MS = 86_400_000;

export interface ReportQuery {
	body: Record<string, unknown>;
	startDate: number;
	endDate: number;
	/** The services in scope after the call-center and service filters (AND). */
	services: ServiceRef[];
	/** Every service the user can see: the calls are spread over these. */
	allServices: ServiceRef[];
}

export type ParsedQuery = { ok: true; query: ReportQuery } | { ok: false; error: SandboxResponse };

function parseDate(value: unknown, zone: string): number | undefined {
	if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
	if (typeof value !== 'string') return undefined;
	if (/^\d+$/.test(value)) return Number(value);
	const local = DateTime.fromISO(value, { zone });
	return local.isValid ? local.toMillis() : undefined;
}

function parseIdList(value: unknown, name: string): number[] | string {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) return `filter.${name} must be an array of {"id": ...}`;
	const ids: number[] = [];
	for (const entry of value) {
		const id = isPlainObject(entry) ? (typeof entry.id === 'number' ? entry.id : parseIdText(String(entry.id))) : undefined;
		if (id === undefined || !Number.isSafeInteger(id)) return `Every filter.${name} entry needs a numeric id`;
		ids.push(id);
	}
	return ids;
}

export function serviceRefs(store: ServicesStore): ServiceRef[] {
	return store.allServiceIds().map((serviceId) => {
		const general = store.get(serviceId)?.general;
		return { serviceId, callCenterId: general?.callCenterId ?? 0, name: general?.name ?? String(serviceId) };
	});
}

function tooManyServices(settings: ReportingSettings, why: string): SandboxResponse {
	const message = `${why}: a report may cover at most ${settings.serviceLimit} services. Filter by call center instead.`;
	return settings.tooManyServicesAnswer === 'httpStatus'
		? { status: 202, body: { code: 202, message } }
		: { status: 400, body: { code: 202, message } };
}

export function parseReportQuery(
	report: ReportName,
	request: SandboxRequest,
	settings: ReportingSettings,
	store: ServicesStore,
): ParsedQuery {
	const fail = (message: string): ParsedQuery => ({ ok: false, error: livevoxError(400, message) });
	const body = request.body;
	if (!isPlainObject(body)) return fail('A JSON body with startDate and endDate is required');
	const startDate = parseDate(body.startDate, settings.zone);
	const endDate = parseDate(body.endDate, settings.zone);
	if (startDate === undefined) return fail('startDate is required: epoch milliseconds or a date-time');
	if (endDate === undefined) return fail('endDate is required: epoch milliseconds or a date-time');
	if (endDate < startDate) return fail('endDate must not be before startDate');
	const limitDays = RANGE_LIMIT_DAYS[report];
	if (limitDays !== undefined && !settings.liftRangeLimits && endDate - startDate > limitDays * DAY_MS) {
		return fail(`The start and end date cannot be more than ${limitDays} days apart`);
	}
	const filter = body.filter === undefined || body.filter === null ? {} : body.filter;
	if (!isPlainObject(filter)) return fail('filter must be an object');
	const callCenterIds = parseIdList(filter.callCenter, 'callCenter');
	if (typeof callCenterIds === 'string') return fail(callCenterIds);
	const serviceIds = parseIdList(filter.service, 'service');
	if (typeof serviceIds === 'string') return fail(serviceIds);
	const allServices = serviceRefs(store);
	if (serviceIds.length > settings.serviceLimit) {
		return { ok: false, error: tooManyServices(settings, `The request lists ${serviceIds.length} services`) };
	}
	if (serviceIds.length === 0 && callCenterIds.length === 0 && allServices.length > settings.serviceLimit) {
		return {
			ok: false,
			error: tooManyServices(settings, `No filter was given and the user can see ${allServices.length} services`),
		};
	}
	const wantedCallCenters = new Set(callCenterIds);
	const wantedServices = new Set(serviceIds);
	const services = allServices.filter(
		(service) =>
			(wantedCallCenters.size === 0 || wantedCallCenters.has(service.callCenterId)) &&
			(wantedServices.size === 0 || wantedServices.has(service.serviceId)),
	);
	return { ok: true, query: { body, startDate, endDate, services, allServices } };
}

/** A documented boolean the examples send as "true"/"false" text. */
export function flag(value: unknown): boolean {
	return value === true || value === 'true';
}

/** Calls of the services in scope whose start lies in [from, to). */
export function* callsInScope(query: ReportQuery, settings: ReportingSettings, from: number, to: number): Generator<Call> {
	const inScope = new Set(query.services.map((service) => service.serviceId));
	for (const call of callsBetween(from, to, settings, query.allServices)) {
		if (inScope.has(call.service.serviceId)) yield call;
	}
}

/** The calls of the reporting days the range touches. */
export function reportingDayCalls(query: ReportQuery, settings: ReportingSettings): Generator<Call> {
	const span = reportingDaySpan(query.startDate, query.endDate, settings.zone);
	return callsInScope(query, settings, span.from, span.to);
}

