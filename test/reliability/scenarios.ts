/**
 * The fault matrix, as data shared by the jest tests and `npm run reliability`: the faults
 * (scenarios), the read families and the writes they are applied to. Waits come from the
 * injectable retry clock and faults from sandbox settings, so the whole matrix runs fast.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Fault } from '../sandbox/server';

/** The node's Timeout option in every matrix run, in seconds: "slower than the timeout" is a delay beyond it. */
export const TIMEOUT_SECONDS = 2;
const SLOW_MS = TIMEOUT_SECONDS * 1000 + 700;

export type Vendor = 'livevox' | 'vcclive' | 'apio';

/** One fault rule on the family's target requests; `skip` lets that many through first. */
export interface FaultStep {
	fault: Fault;
	times?: number;
	skip?: number;
}

/** Sessions (LiveVox) or access tokens (APIO) expire once `after` requests of this sort were answered. */
export interface ExpirySpec {
	after: number;
	/** 'api': requests other than logins; 'login': logins. */
	of: 'api' | 'login';
}

/** Sessions/tokens that end after so many accepted requests, or so long after their login. */
export interface SessionLifetime {
	afterRequests?: number;
	afterMs?: number;
}

export interface Scenario {
	id: string;
	title: string;
	steps: FaultStep[];
	expiry?: ExpirySpec;
	/** Every session/token of the run ends this soon (a busy tenant's sessions, shared with other jobs). */
	sessionLifetime?: SessionLifetime;
	/** Executions run at once, sharing the credential (default 1). */
	executions?: number;
	/** The families the scenario is run on, when not all. */
	families?: string[];
	/** A fault armed on the target once n8n logged in again after the expiry (every request from then on). */
	afterRelogin?: Fault;
	/**
	 * Reads: 'recovers' (the output must equal the fault-free run's) or 'fails' (the retries
	 * are used up; the run must end in an error that says what happened and what to do).
	 */
	expect: 'recovers' | 'fails';
	/** Reads that fail: what the error's message must say happened. */
	failureWords?: RegExp;
}

const ok: Fault = { kind: 'delay', ms: 0 };

/** Faults on reads. Each hits the target requests after the first, i.e. in the middle of the pull. */
export const READ_SCENARIOS: Scenario[] = [
	{ id: 'none', title: 'no fault (reference run)', steps: [], expect: 'recovers' },
	{ id: '429-retry-after', title: '429 with Retry-After: 1, twice', steps: [{ skip: 1, fault: { kind: 'status', status: 429, retryAfter: 1 }, times: 2 }], expect: 'recovers' },
	{ id: '429', title: '429 without Retry-After, twice', steps: [{ skip: 1, fault: { kind: 'status', status: 429 }, times: 2 }], expect: 'recovers' },
	{ id: '500', title: '500', steps: [{ skip: 1, fault: { kind: 'status', status: 500 } }], expect: 'recovers' },
	{ id: '502', title: '502', steps: [{ skip: 1, fault: { kind: 'status', status: 502 } }], expect: 'recovers' },
	{ id: '503', title: '503, three times', steps: [{ skip: 1, fault: { kind: 'status', status: 503 }, times: 3 }], expect: 'recovers' },
	{ id: 'reset-before', title: 'connection reset before the response, twice', steps: [{ skip: 1, fault: { kind: 'drop' }, times: 2 }], expect: 'recovers' },
	{ id: 'reset-mid-body', title: 'connection reset in the middle of the body, twice', steps: [{ skip: 1, fault: { kind: 'dropMidBody' }, times: 2 }], expect: 'recovers' },
	{ id: 'slow', title: `response slower than the ${TIMEOUT_SECONDS} s timeout`, steps: [{ skip: 1, fault: { kind: 'delay', ms: SLOW_MS } }], expect: 'recovers' },
	{ id: 'expiry', title: 'session/token expiry in the middle of the pull', steps: [], expiry: { after: 1, of: 'api' }, expect: 'recovers' },
	{
		id: 'combined',
		title: '503, then a reset mid-body, then 429 with Retry-After, with an expiry',
		steps: [
			{ skip: 1, fault: { kind: 'status', status: 503 } },
			{ fault: { kind: 'dropMidBody' } },
			{ fault: ok },
			{ fault: { kind: 'status', status: 429, retryAfter: 1 } },
		],
		expiry: { after: 1, of: 'api' },
		expect: 'recovers',
	},
	{
		id: 'combined-slow',
		title: 'a reset before the response, then a slow answer, then 502',
		steps: [{ skip: 1, fault: { kind: 'drop' } }, { fault: { kind: 'delay', ms: SLOW_MS } }, { fault: { kind: 'status', status: 502 } }],
		expect: 'recovers',
	},
	{ id: '503-persistent', title: '503 on every attempt', steps: [{ skip: 1, fault: { kind: 'status', status: 503 }, times: Infinity }], expect: 'fails', failureWords: /server error \(503\) \(tried 4 times\)/ },
	{ id: 'reset-persistent', title: 'reset before the response on every attempt', steps: [{ skip: 1, fault: { kind: 'drop' }, times: Infinity }], expect: 'fails', failureWords: /closed the connection before answering \(tried 4 times\)/ },
	{ id: '429-long', title: '429 asking to wait an hour', steps: [{ skip: 1, fault: { kind: 'status', status: 429, retryAfter: 3600 }, times: Infinity }], expect: 'fails', failureWords: /is limiting the rate of requests/ },
	...sessionScenarios(),
];

/** Sessions ending after 1, 2, 3, 5 requests or 300 ms, for one execution and for ten at once sharing the credential. */
function sessionScenarios(): Scenario[] {
	const lifetimes: Array<[string, string, SessionLifetime]> = [
		...[1, 2, 3, 5].map((count): [string, string, SessionLifetime] => [`${count}`, `${count} request${count > 1 ? 's' : ''}`, { afterRequests: count }]),
		['300ms', '300 ms', { afterMs: 300 }],
	];
	return lifetimes.flatMap(([id, words, sessionLifetime]) =>
		[1, 10].map((executions) => ({
			id: `session-${id}${executions > 1 ? '-x10' : ''}`,
			title: `every session/token ends after ${words}${executions > 1 ? ', ten executions at once sharing the credential' : ''}`,
			steps: [],
			sessionLifetime,
			executions,
			families: ['csv-report', 'apio'],
			expect: 'recovers' as const,
		})),
	);
}

/** Faults on writes: every one hits the write itself. */
export const WRITE_SCENARIOS: Scenario[] = [
	{ id: 'none', title: 'no fault', steps: [], expect: 'recovers' },
	{ id: '429-retry-after', title: '429 with Retry-After: 1', steps: [{ fault: { kind: 'status', status: 429, retryAfter: 1 }, times: Infinity }], expect: 'fails' },
	{ id: '429-retry-after-once', title: '429 with Retry-After: 1, once (sent again after the wait)', steps: [{ fault: { kind: 'status', status: 429, retryAfter: 1 } }], expect: 'recovers' },
	{ id: '429', title: '429 without Retry-After', steps: [{ fault: { kind: 'status', status: 429 }, times: Infinity }], expect: 'fails' },
	{ id: '500', title: '500', steps: [{ fault: { kind: 'status', status: 500 }, times: Infinity }], expect: 'fails' },
	{ id: '502', title: '502', steps: [{ fault: { kind: 'status', status: 502 }, times: Infinity }], expect: 'fails' },
	{ id: '503', title: '503', steps: [{ fault: { kind: 'status', status: 503 }, times: Infinity }], expect: 'fails' },
	{ id: 'reset-before', title: 'connection reset before LiveVox/APIO handled it', steps: [{ fault: { kind: 'drop' }, times: Infinity }], expect: 'fails' },
	{ id: 'reset-after', title: 'connection reset after it was handled', steps: [{ fault: { kind: 'dropAfterProcessing' }, times: Infinity }], expect: 'fails' },
	{ id: 'reset-mid-body', title: 'connection reset in the middle of the answer', steps: [{ fault: { kind: 'dropMidBody' }, times: Infinity }], expect: 'fails' },
	{ id: 'slow', title: `answer slower than the ${TIMEOUT_SECONDS} s timeout`, steps: [{ fault: { kind: 'delay', ms: SLOW_MS }, times: Infinity }], expect: 'fails' },
	{ id: 'expiry', title: 'session/token expired just before the write', steps: [], expiry: { after: 1, of: 'login' }, expect: 'recovers' },
	{
		id: 'expiry-then-reset',
		title: 'expired session (401), then a reset after the repeated write was handled',
		steps: [],
		expiry: { after: 1, of: 'login' },
		afterRelogin: { kind: 'dropAfterProcessing' },
		expect: 'fails',
	},
];

/** What a family's node run needs: parameters and input items. */
export interface NodeCall {
	type: 'liveVox' | 'vccLive' | 'netaxisApio';
	parameters: INodeParameters;
	items?: IDataObject[];
	timezone?: string;
	/** The node's version in the workflow; 1 when left out. */
	typeVersion?: number;
}

export interface Family {
	id: string;
	title: string;
	vendor: Vendor;
	/** The requests faults are armed on. */
	target: { method: string; path: string | RegExp };
	/** When the session expires in the expiry scenarios, where the scenario's own moment does not fit. */
	expiry?: ExpirySpec;
	call: NodeCall;
}

const timeout = { requestOptions: { timeout: TIMEOUT_SECONDS } };
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const custom = (startDate: string, endDate: string) => ({ period: 'custom', startDate, endDate });
const PREMIUM = { tenantId: 'foo', groupId: 'foogroup', callCenter: 'APIOTestCCPremium@sip.netaxis.be' };
const STATISTICS = { tenantId: 'footenant', groupId: 'foogroup', callCenter: 'APIOTestCallCenterP@sip.netaxis.be' };
const callCenterParameters = (key: typeof PREMIUM) => ({
	tenantId: { __rl: true, mode: 'id', value: key.tenantId },
	groupId: { __rl: true, mode: 'id', value: key.groupId },
	callCenter: { __rl: true, mode: 'name', value: key.callCenter },
});
const callCenterPath = (key: typeof PREMIUM, leaf: string) =>
	`/api/v1/tenants/${key.tenantId}/groups/${key.groupId}/services/call_centers/${encodeURIComponent(key.callCenter)}/${leaf}/`;

export const READ_FAMILIES: Family[] = [
	{
		id: 'paged-list',
		title: 'LiveVox paged list (List Services, 3 pages)',
		vendor: 'livevox',
		target: { method: 'GET', path: '/configuration/services' },
		call: { type: 'liveVox', parameters: { resource: 'service', operation: 'list', callCenterId: 433, returnAll: true, options: { pageSize: 5 }, ...timeout } },
	},
	{
		id: 'windowed-report',
		title: 'LiveVox windowed report (Call Recording, 70 days in 3 windows)',
		vendor: 'livevox',
		target: { method: 'POST', path: '/reporting/standard/callRecording' },
		call: {
			type: 'liveVox',
			parameters: { resource: 'report', operation: 'callRecording', ...custom('2024-02-01', '2024-04-10'), options: { maxConcurrentRequests: 2 }, ...timeout },
			timezone: 'America/New_York',
		},
	},
	{
		id: 'csv-report',
		title: 'LiveVox CSV report (Call Event Recovery, 10 days in 4 windows)',
		vendor: 'livevox',
		target: { method: 'POST', path: '/reporting/standard/callDetails' },
		call: {
			type: 'liveVox',
			parameters: { resource: 'report', operation: 'callDetails', ...custom('2024-03-01', '2024-03-10'), filters: { callCenterIds: '433' }, ...timeout },
			timezone: 'America/New_York',
		},
	},
	{
		id: 'vcclive',
		title: 'VCC Live Get Inbound (3 months in 3 requests)',
		vendor: 'vcclive',
		target: { method: 'GET', path: '/v2/statistics/inbound' },
		call: {
			type: 'vccLive',
			parameters: { resource: 'statistic', operation: 'getInbound', period: 'custom', from: '2023-12-10', to: '2024-02-05', dimensions: ['project', 'queue'], ...timeout },
			timezone: 'Europe/Budapest',
		},
	},
	{
		id: 'vcclive-csv',
		title: 'VCC Live Get Inbound as CSV (3 months)',
		vendor: 'vcclive',
		target: { method: 'GET', path: '/v2/statistics/inbound' },
		call: {
			type: 'vccLive',
			parameters: { resource: 'statistic', operation: 'getInbound', period: 'custom', from: '2023-12-10', to: '2024-02-05', dimensions: ['project'], outputFormat: 'csv', ...timeout },
			timezone: 'Europe/Budapest',
		},
	},
	{
		id: 'apio',
		title: 'APIO Get Statistics (3 items, 3 requests)',
		vendor: 'apio',
		target: { method: 'GET', path: callCenterPath(STATISTICS, 'statistics') },
		call: {
			type: 'netaxisApio',
			parameters: { resource: 'callCenter', operation: 'getStatistics', ...callCenterParameters(STATISTICS), start: '2021-01-01T00:00:00', end: '2021-03-01T00:00:00', ...timeout },
			items: [{ run: 1 }, { run: 2 }, { run: 3 }],
			timezone: 'Europe/Brussels',
		},
	},
];

export const LAUNCH_PATH = '/callControl/supervisor/calls/21429/LaunchManualCalls';
export const CALLBACK_PATH = '/callControl/supervisor/calls/112231/ScheduleCallback';
export const APIO_SETTINGS_PATH = callCenterPath(PREMIUM, 'instance_statistics_reporting');

export const WRITE_FAMILIES: Family[] = [
	{
		id: 'launch',
		title: 'LiveVox Launch Manual Calls (3 items, one batch)',
		vendor: 'livevox',
		target: { method: 'POST', path: LAUNCH_PATH },
		call: {
			type: 'liveVox',
			parameters: { resource: 'supervisorCall', operation: 'launchManualCalls', serviceId: byId(21429), phoneNumber: '={{ $json.phone }}', ...timeout },
			items: [{ phone: '4152057401' }, { phone: '4152057402' }, { phone: '4152057403' }],
		},
	},
	{
		id: 'callback',
		title: 'LiveVox Schedule Callback',
		vendor: 'livevox',
		target: { method: 'POST', path: CALLBACK_PATH },
		call: { type: 'liveVox', parameters: { resource: 'supervisorCall', operation: 'scheduleCallback', serviceId: byId(112231), phoneNumber: '4158149720', ...timeout } },
	},
	{
		id: 'service-create',
		title: 'LiveVox Create Service',
		vendor: 'livevox',
		target: { method: 'POST', path: '/configuration/services' },
		call: { type: 'liveVox', parameters: { resource: 'service', operation: 'create', serviceId: byId(53661), name: 'Reliability', ...timeout } },
	},
	{
		id: 'service-update',
		title: 'LiveVox Update Service (General)',
		vendor: 'livevox',
		target: { method: 'POST', path: '/configuration/services/20575' },
		call: { type: 'liveVox', parameters: { resource: 'service', operation: 'updateGeneral', serviceId: byId(20575), updateFields: { name: 'Renamed' }, ...timeout } },
	},
	{
		id: 'service-delete',
		title: 'LiveVox Delete Service',
		vendor: 'livevox',
		target: { method: 'DELETE', path: '/configuration/services/53661' },
		call: { type: 'liveVox', parameters: { resource: 'service', operation: 'delete', serviceId: byId(53661), ...timeout } },
	},
	{
		id: 'apio-settings',
		title: 'APIO Update Reporting Settings',
		vendor: 'apio',
		target: { method: 'PUT', path: APIO_SETTINGS_PATH },
		// The update reads the settings first: the token expires between that read and the PUT.
		expiry: { after: 1, of: 'api' },
		call: {
			type: 'netaxisApio',
			parameters: { resource: 'callCenter', operation: 'updateReportingSettings', ...callCenterParameters(PREMIUM), updateFields: { collectionPeriodMinutes: 60 }, ...timeout },
			timezone: 'Europe/Brussels',
		},
	},
];

/** Whether a scenario can apply to a family (VCC Live has no session to expire: HTTP Basic on every call). */
export function applies(scenario: Scenario, family: Family): boolean {
	if (scenario.families && !scenario.families.includes(family.id)) return false;
	return !((scenario.expiry || scenario.sessionLifetime) && family.vendor === 'vcclive');
}
