/**
 * The Call Control supervisor calls, all under /callControl/supervisor/calls:
 *   GET  queue/{serviceId}                        Get Queue Stats
 *   GET  {serviceId}/GetNonAttemptedManualCalls   Get Non Attempted Manual Calls
 *   POST {serviceId}/LaunchManualCalls            Launch Manual Calls (204, no body)
 *   POST {serviceId}/ScheduleCallback             Schedule Callback (204, no body)
 * Bodies are checked field by field as the seed documents them; state lives in SupervisorStore.
 */
import type { SandboxRequest, SandboxResponse } from '../types';
import { isPlainObject, jsonResponse, noContent } from '../types';
import { livevoxError, parseIdText } from './request';
import type { CallEntry, SupervisorStore } from './supervisorStore';
import { CALLBACK_TIME_ZONES } from './supervisorData';

export interface SupervisorContext {
	readonly supervisor: SupervisorStore;
	now(): number;
}

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const CALL_ENTRY_KEYS = new Set(['transactionId', 'phoneNumber', 'account', 'callerId', 'templateId', 'dialingTimeout']);
const CALLBACK_KEYS = new Set(['transactionId', 'phoneNumber', 'account', 'agentLoginId', 'date', 'timeZone']);

/** Integers arrive as numbers or as digit strings (the doc's own example sends "60"). */
function integerField(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
	return typeof value === 'string' ? parseIdText(value) : undefined;
}

/** Reads the optional fields of a body: strings must be strings, integers integers. */
function readFields(
	body: Record<string, unknown>,
	strings: readonly string[],
	integers: readonly string[],
	where: string,
): Checked<Record<string, string | number>> {
	const fields: Record<string, string | number> = {};
	for (const name of strings) {
		const value = body[name];
		if (value === undefined) continue;
		if (typeof value !== 'string') return { ok: false, message: `${where}${name} must be a string` };
		fields[name] = value;
	}
	for (const name of integers) {
		if (body[name] === undefined) continue;
		const value = integerField(body[name]);
		if (value === undefined) return { ok: false, message: `${where}${name} must be an integer` };
		fields[name] = value;
	}
	return { ok: true, value: fields };
}

function unknownKey(body: Record<string, unknown>, allowed: ReadonlySet<string>): string | undefined {
	return Object.keys(body).find((key) => !allowed.has(key));
}

function readCallEntries(body: unknown): Checked<CallEntry[]> {
	if (!isPlainObject(body) || !Array.isArray(body.callEntry)) {
		return { ok: false, message: "Body must be an object with a 'callEntry' array" };
	}
	if (body.callEntry.length === 0) return { ok: false, message: "'callEntry' must not be empty" };
	const entries: CallEntry[] = [];
	for (const [index, raw] of body.callEntry.entries()) {
		const where = `callEntry[${index}].`;
		if (!isPlainObject(raw)) return { ok: false, message: `callEntry[${index}] must be an object` };
		const extra = unknownKey(raw, CALL_ENTRY_KEYS);
		if (extra) return { ok: false, message: `Unknown field '${where}${extra}'` };
		if (typeof raw.phoneNumber !== 'string' || raw.phoneNumber === '') {
			return { ok: false, message: `${where}phoneNumber is required` };
		}
		const fields = readFields(raw, ['phoneNumber', 'account', 'callerId'], ['transactionId', 'templateId', 'dialingTimeout'], where);
		if (!fields.ok) return fields;
		entries.push(fields.value as unknown as CallEntry);
	}
	return { ok: true, value: entries };
}

function launchManualCalls(serviceId: number, request: SandboxRequest, context: SupervisorContext): SandboxResponse {
	if (!context.supervisor.exists(serviceId)) return livevoxError(404, `Service ${serviceId} not found`);
	if (context.supervisor.isNonAutomated(serviceId)) {
		return livevoxError(400, `Service ${serviceId} is on a non-automated queuer: manual calls cannot be launched on it`);
	}
	const entries = readCallEntries(request.body);
	if (!entries.ok) return livevoxError(400, entries.message);
	context.supervisor.launch(serviceId, entries.value);
	return noContent();
}

function scheduleCallback(serviceId: number, request: SandboxRequest, context: SupervisorContext): SandboxResponse {
	if (!context.supervisor.exists(serviceId)) return livevoxError(404, `Service ${serviceId} not found`);
	const body = request.body;
	if (!isPlainObject(body)) return livevoxError(400, 'Body must be a JSON object');
	const extra = unknownKey(body, CALLBACK_KEYS);
	if (extra) return livevoxError(400, `Unknown field '${extra}'`);
	if (typeof body.phoneNumber !== 'string' || body.phoneNumber === '') return livevoxError(400, 'phoneNumber is required');
	const fields = readFields(body, ['phoneNumber', 'account', 'agentLoginId', 'timeZone'], ['transactionId', 'date'], '');
	if (!fields.ok) return livevoxError(400, fields.message);
	const { phoneNumber, account, agentLoginId, timeZone, transactionId, date } = fields.value;
	if (timeZone !== undefined && !(CALLBACK_TIME_ZONES as readonly string[]).includes(timeZone as string)) {
		return livevoxError(400, `timeZone must be one of ${CALLBACK_TIME_ZONES.join(', ')}`);
	}
	if (date !== undefined && (date as number) <= context.now()) return livevoxError(400, 'date must be in the future');
	context.supervisor.scheduleCallback({
		serviceId,
		phoneNumber: phoneNumber as string,
		...(transactionId !== undefined && { transactionId: transactionId as number }),
		...(account !== undefined && { account: account as string }),
		...(agentLoginId !== undefined && { agentLoginId: agentLoginId as string }),
		...(date !== undefined && { date: date as number }),
		...(timeZone !== undefined && { timeZone: timeZone as string }),
	});
	return noContent();
}

function withServiceId(
	text: string,
	answer: (serviceId: number) => SandboxResponse,
): SandboxResponse {
	const serviceId = parseIdText(text);
	return serviceId === undefined ? livevoxError(400, `Invalid service id '${text}'`) : answer(serviceId);
}

/** Answers a supervisor call, or undefined when the route is not one (the caller answers 404). */
export function handleSupervisorCall(
	route: readonly string[],
	request: SandboxRequest,
	context: SupervisorContext,
): SandboxResponse | undefined {
	const [api, area, calls, first, second, ...rest] = route;
	if (api !== 'callControl' || area !== 'supervisor' || calls !== 'calls' || rest.length > 0) return undefined;
	const { method } = request;
	if (method === 'GET' && first === 'queue' && second !== undefined) {
		return withServiceId(second, (serviceId) => {
			const stats = context.supervisor.stats(serviceId);
			return stats ? jsonResponse(200, stats) : livevoxError(404, `Service ${serviceId} not found`);
		});
	}
	if (first === undefined) return undefined;
	if (method === 'GET' && second === 'GetNonAttemptedManualCalls') {
		return withServiceId(first, (serviceId) => {
			const calls = context.supervisor.nonAttemptedList(serviceId);
			return calls ? jsonResponse(200, { nonAttemptedManualCalls: calls }) : livevoxError(404, `Service ${serviceId} not found`);
		});
	}
	if (method === 'POST' && second === 'LaunchManualCalls') {
		return withServiceId(first, (serviceId) => launchManualCalls(serviceId, request, context));
	}
	if (method === 'POST' && second === 'ScheduleCallback') {
		return withServiceId(first, (serviceId) => scheduleCallback(serviceId, request, context));
	}
	return undefined;
}
