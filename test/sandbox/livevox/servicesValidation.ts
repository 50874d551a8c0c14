/**
 * Request-body validation for the Services methods. The sandbox is stricter than the doc
 * is explicit about (unknown keys and wrong types are 400s) so that a node sending a
 * misspelt or mistyped field fails in tests instead of being silently ignored.
 */
import type { SandboxResponse } from '../types';
import { isPlainObject } from '../types';
import type { Parsed } from './request';
import { livevoxError } from './request';
import type { FieldRule, InboundHour } from './servicesModel';
import {
	ACD_FEATURE_CODES,
	ATTENDED_VALUES,
	CALL_DIRECTIONS,
	DAY_OF_WEEK_PATTERN,
	MAX_INBOUND_TIME_MS,
	SPECIFIC_DATE,
} from './servicesModel';

export type FieldValue = string | number | boolean | null;

function invalid(message: string): { ok: false; error: SandboxResponse } {
	return { ok: false, error: livevoxError(400, message) };
}

function isInteger(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Undefined when the value obeys the rule, else what is wrong with it. */
function fieldProblem(name: string, value: unknown, rule: FieldRule): string | undefined {
	if (value === null) return rule.nullable ? undefined : `'${name}' may not be null`;
	switch (rule.kind) {
		case 'boolean':
			return typeof value === 'boolean' ? undefined : `'${name}' must be a boolean`;
		case 'integer':
			return isInteger(value) ? undefined : `'${name}' must be an integer`;
		case 'string':
			if (typeof value !== 'string') return `'${name}' must be a string`;
			return rule.nonEmpty && value.trim() === '' ? `'${name}' may not be empty` : undefined;
		case 'enum':
			return typeof value === 'string' && rule.values.includes(value)
				? undefined
				: `'${name}' must be one of ${rule.values.join(', ')}`;
	}
}

/** A JSON object whose keys are all known and whose values obey their rules. */
export function validatePatch(
	body: unknown,
	rules: Readonly<Record<string, FieldRule>>,
): Parsed<Record<string, FieldValue>> {
	if (body === undefined) return { ok: true, value: {} };
	if (!isPlainObject(body)) return invalid('The request body must be a JSON object');
	const unknownKeys = Object.keys(body).filter((key) => !Object.prototype.hasOwnProperty.call(rules, key));
	if (unknownKeys.length > 0) return invalid(`Unknown field(s): ${unknownKeys.join(', ')}`);
	for (const [name, value] of Object.entries(body)) {
		const problem = fieldProblem(name, value, rules[name]);
		if (problem) return invalid(problem);
	}
	return { ok: true, value: body as Record<string, FieldValue> };
}

function timeProblem(name: string, value: unknown): string | undefined {
	if (!isInteger(value) || value < 0 || value > MAX_INBOUND_TIME_MS) {
		return `'${name}' must be an integer number of ms between 0 and ${MAX_INBOUND_TIME_MS}`;
	}
	return undefined;
}

function rangeProblem(startTime: number, endTime: number): string | undefined {
	return endTime > startTime ? undefined : "'endTime' must be later than 'startTime'";
}

const NEW_HOUR_KEYS = ['dayOfWeek', 'date', 'startTime', 'endTime'];

export function validateNewInboundHour(body: unknown): Parsed<Omit<InboundHour, 'id'>> {
	if (!isPlainObject(body)) return invalid('A JSON body with dayOfWeek, startTime and endTime is required');
	const unknownKeys = Object.keys(body).filter((key) => !NEW_HOUR_KEYS.includes(key));
	if (unknownKeys.length > 0) return invalid(`Unknown field(s): ${unknownKeys.join(', ')}`);
	const { dayOfWeek, date, startTime, endTime } = body;
	if (typeof dayOfWeek !== 'string' || !DAY_OF_WEEK_PATTERN.test(dayOfWeek)) {
		return invalid("'dayOfWeek' is required: MONDAY..SUNDAY, WEEKDAY, WEEKEND or SPECIFIC_DATE");
	}
	const problem = timeProblem('startTime', startTime) ?? timeProblem('endTime', endTime);
	if (problem) return invalid(problem);
	const start = startTime as number;
	const end = endTime as number;
	const order = rangeProblem(start, end);
	if (order) return invalid(order);
	if (dayOfWeek !== SPECIFIC_DATE) {
		// Only a SPECIFIC_DATE entry has a date; a stray (or null) one is not stored.
		return { ok: true, value: { dayOfWeek, startTime: start, endTime: end } };
	}
	if (!isInteger(date) || date < 0) {
		return invalid("'date' (epoch ms) is required when dayOfWeek is SPECIFIC_DATE");
	}
	return { ok: true, value: { dayOfWeek, date, startTime: start, endTime: end } };
}

/** Update Inbound Hours: only the times can change, and at least one must be given. */
export function validateInboundHourUpdate(
	body: unknown,
	current: InboundHour,
): Parsed<{ startTime: number; endTime: number }> {
	if (!isPlainObject(body) || (body.startTime === undefined && body.endTime === undefined)) {
		return invalid("The body must include at least one of 'startTime' and 'endTime'");
	}
	const unknownKeys = Object.keys(body).filter((key) => key !== 'startTime' && key !== 'endTime');
	if (unknownKeys.length > 0) {
		return invalid(`Only startTime and endTime can be updated; unknown field(s): ${unknownKeys.join(', ')}`);
	}
	const startTime = body.startTime ?? current.startTime;
	const endTime = body.endTime ?? current.endTime;
	const problem = timeProblem('startTime', startTime) ?? timeProblem('endTime', endTime);
	if (problem) return invalid(problem);
	const order = rangeProblem(startTime as number, endTime as number);
	if (order) return invalid(order);
	return { ok: true, value: { startTime: startTime as number, endTime: endTime as number } };
}

export interface ServiceSearch {
	callDirection: string;
	acdFeature: string[];
	/** undefined: every call center. */
	callCenterIds?: Set<number>;
	/** undefined: attended and unattended services both match. */
	unattended?: boolean;
}

const SEARCH_KEYS = ['callDirection', 'acdFeature', 'callCenter', 'attended'];

export function validateSearch(body: unknown): Parsed<ServiceSearch> {
	if (!isPlainObject(body)) return invalid('A JSON body with callDirection and acdFeature is required');
	const unknownKeys = Object.keys(body).filter((key) => !SEARCH_KEYS.includes(key));
	if (unknownKeys.length > 0) return invalid(`Unknown field(s): ${unknownKeys.join(', ')}`);
	const { callDirection, acdFeature, callCenter, attended } = body;
	if (typeof callDirection !== 'string' || !(CALL_DIRECTIONS as readonly string[]).includes(callDirection)) {
		return invalid(`'callDirection' is required: one of ${CALL_DIRECTIONS.join(', ')}`);
	}
	const knownCodes: readonly string[] = ACD_FEATURE_CODES;
	if (
		!Array.isArray(acdFeature) ||
		acdFeature.length === 0 ||
		!acdFeature.every((code) => typeof code === 'string' && knownCodes.includes(code))
	) {
		return invalid(`'acdFeature' is required: a non-empty array of ${ACD_FEATURE_CODES.join(', ')}`);
	}
	const search: ServiceSearch = { callDirection, acdFeature: acdFeature as string[] };
	if (callCenter !== undefined && callCenter !== null) {
		if (!Array.isArray(callCenter) || !callCenter.every((entry) => isPlainObject(entry) && isInteger(entry.id))) {
			return invalid("'callCenter' must be an array of { id: integer }");
		}
		search.callCenterIds = new Set(callCenter.map((entry: { id: number }) => entry.id));
	}
	if (attended !== undefined && attended !== null) {
		if (typeof attended !== 'string' || !(ATTENDED_VALUES as readonly string[]).includes(attended)) {
			return invalid(`'attended' must be one of ${ATTENDED_VALUES.join(', ')}`);
		}
		search.unattended = attended === 'UNATTENDED';
	}
	return { ok: true, value: search };
}
