/**
 * The three documented call-center routes:
 * GET .../call_centers/{name}/statistics/ (range in a JSON body, or in the query when allowed),
 * GET and PUT .../call_centers/{name}/instance_statistics_reporting/.
 */
import type { SandboxRequest, SandboxResponse } from '../types';
import { isPlainObject, singleQueryValue } from '../types';
import type { CallCenterKey, CallCenterStore, ReportingSettings } from './callCenters';
import { DEFAULT_SETTINGS } from './callCenters';

/** APIO's sub-error 2 and the three messages the seed documents for it. */
export const INVALID_PARAMETERS = 2;
export const RANGE_MESSAGES = Object.freeze({
	format: 'The format of start date or end date is invalid.',
	future: 'Start date or end date in the future',
	order: 'End date can not be earlier than start date.',
});

export function invalidParameters(message: string): SandboxResponse {
	return { status: 400, body: { errors: [{ code: INVALID_PARAMETERS, message }] } };
}

export interface RouteOptions {
	now: () => number;
	/** Whether the statistics route also reads start and end from the query. */
	rangeInQueryAccepted: boolean;
	/** Imitates a proxy that drops the body of GET requests before APIO sees it. */
	dropsGetBodies: boolean;
	/** Whether a PUT resets the settings it does not name (undocumented; default: it keeps them). */
	putReplacesAll: boolean;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The call center and resource a path names, when it is one of the documented routes. */
export function parseCallCenterRoute(
	route: readonly string[],
): { key: CallCenterKey; resource: 'statistics' | 'instance_statistics_reporting' } | undefined {
	if (route.length !== 8) return undefined;
	const [tenants, tenantId, groups, groupId, services, callCenters, callCenter, resource] = route;
	if (tenants !== 'tenants' || groups !== 'groups' || services !== 'services' || callCenters !== 'call_centers') {
		return undefined;
	}
	if (resource !== 'statistics' && resource !== 'instance_statistics_reporting') return undefined;
	return { key: { tenantId, groupId, callCenter }, resource };
}

function rangeOf(request: SandboxRequest, options: RouteOptions): { start?: unknown; end?: unknown } {
	const body = options.dropsGetBodies ? undefined : request.body;
	if (isPlainObject(body) && isPlainObject(body.statisticsRange)) return body.statisticsRange;
	if (options.rangeInQueryAccepted) {
		return { start: singleQueryValue(request.query, 'start'), end: singleQueryValue(request.query, 'end') };
	}
	return {};
}

export function handleStatistics(
	request: SandboxRequest,
	key: CallCenterKey,
	store: CallCenterStore,
	options: RouteOptions,
): SandboxResponse {
	const { start, end } = rangeOf(request, options);
	if (typeof start !== 'string' || typeof end !== 'string' || !ISO_WITH_OFFSET.test(start) || !ISO_WITH_OFFSET.test(end)) {
		return invalidParameters(RANGE_MESSAGES.format);
	}
	const startMs = Date.parse(start);
	const endMs = Date.parse(end);
	if (Number.isNaN(startMs) || Number.isNaN(endMs)) return invalidParameters(RANGE_MESSAGES.format);
	const now = options.now();
	if (startMs > now || endMs > now) return invalidParameters(RANGE_MESSAGES.future);
	if (endMs < startMs) return invalidParameters(RANGE_MESSAGES.order);
	return { status: 200, body: store.statistics(key, start, end) };
}

/** The settings as APIO answers them: unset addresses are left out. */
function settingsAnswer(settings: ReportingSettings): SandboxResponse {
	return { status: 200, body: { ...settings } };
}

function validatedChanges(body: Record<string, unknown>): Partial<ReportingSettings> | string {
	const changes: Partial<ReportingSettings> = {};
	for (const [name, value] of Object.entries(body)) {
		if (name === 'generateDailyReport') {
			if (typeof value !== 'boolean') return 'generateDailyReport must be a boolean';
			changes.generateDailyReport = value;
		} else if (name === 'collectionPeriodMinutes') {
			if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
				return 'collectionPeriodMinutes must be a positive integer';
			}
			changes.collectionPeriodMinutes = value;
		} else if (name === 'reportingEmailAddress1' || name === 'reportingEmailAddress2') {
			if (typeof value !== 'string' || (value !== '' && !EMAIL.test(value))) return `${name} must be an email address`;
			changes[name] = value;
		} else {
			// statisticsSource is answered but cannot be set; anything else is not a setting.
			return `${name} cannot be modified`;
		}
	}
	return changes;
}

export function handleReportingSettings(
	request: SandboxRequest,
	key: CallCenterKey,
	store: CallCenterStore,
	options: RouteOptions,
): SandboxResponse {
	if (request.method === 'GET') return settingsAnswer(store.settingsOf(key));
	if (request.method !== 'PUT') return { status: 405, body: { details: 'Method not allowed' } };
	if (request.invalidJson || !isPlainObject(request.body)) {
		return { status: 416, body: { details: 'The body must be a JSON object' } };
	}
	const changes = validatedChanges(request.body);
	if (typeof changes === 'string') return invalidParameters(changes);
	const current = store.settingsOf(key);
	const base: ReportingSettings = options.putReplacesAll
		? { ...DEFAULT_SETTINGS, statisticsSource: current.statisticsSource }
		: { ...current };
	const next: ReportingSettings = { ...base, ...changes };
	// "An empty string will delete the value."
	for (const name of ['reportingEmailAddress1', 'reportingEmailAddress2'] as const) {
		if (next[name] === '') delete next[name];
	}
	store.setSettings(key, next);
	return settingsAnswer(next);
}
