/**
 * What the VCC Live engine tests share: one sandbox per file, the credential that logs in to
 * it, a runner for the node, and the rows the node should put out, computed from the
 * sandbox's own data without the node's code.
 */
import { DateTime } from 'luxon';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunOptions, RunResult } from '../engine/harness';
import { runNode } from '../engine/harness';
import type { RecordedRequest, Sandbox } from '../sandbox/server';
import type { Dimension } from '../sandbox/vcclive';
import { DEMO_ACCOUNT, inboundRows } from '../sandbox/vcclive';

export const EXPECTED_AUTHORIZATION = `Basic ${Buffer.from(`${DEMO_ACCOUNT.user}:${DEMO_ACCOUNT.token}`).toString('base64')}`;

export { useSandbox } from '../sandbox/useSandbox';

/** The credential for the sandbox: the user is left empty, so the customer name is used. */
export function vccCredentials(sandbox: Sandbox, overrides: IDataObject = {}) {
	return {
		vccLiveApi: { customer: DEMO_ACCOUNT.user, baseUrl: sandbox.vccliveUrl, user: '', apiToken: DEMO_ACCOUNT.token, ...overrides },
	};
}

/** Get Inbound with a custom period; `parameters` override or add fields. */
export async function runInbound(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: Partial<RunOptions> = {},
): Promise<RunResult> {
	return await runNode({
		type: 'vccLive',
		parameters: { resource: 'statistic', operation: 'getInbound', period: 'custom', dimensions: ['project'], ...parameters },
		credentials: vccCredentials(sandbox),
		timezone: 'Europe/Budapest',
		...options,
	});
}

/** The documented names of the example's short keys, written out here so the node's table is tested. */
const READABLE: Record<string, string> = {
	lab: 'last_answered_before',
	laa: 'last_answered_after',
	laiqb: 'last_abort_in_queue_before',
	laiqa: 'last_abort_in_queue_after',
	laiqe: 'last_abort_in_queue_early',
	bqr: 'before_queue_redirected',
	aqr: 'after_queue_redirected',
	aiqe: 'abort_in_queue_early',
	lqt: 'last_queue_time',
};

export function withReadable(row: IDataObject): IDataObject {
	const named: IDataObject = { ...row };
	for (const [short, long] of Object.entries(READABLE)) named[long] = row[short];
	return named;
}

export interface ExpectedQuery {
	/** yyyy-MM-dd, both included. */
	from: string;
	to: string;
	dimensions: Dimension[];
	projects?: number[];
	teams?: number[];
	sla?: number;
}

/** The sandbox's rows for a period, as the node puts them out for one month's request. */
export function sandboxRows(query: ExpectedQuery): IDataObject[] {
	const day = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' });
	return inboundRows({
		from: day(query.from),
		to: day(query.to),
		dimensions: new Set(query.dimensions),
		projects: query.projects,
		teams: query.teams,
		sla: query.sla ?? 30,
	}).map((row) => ({ ...row }));
}

export function expectedMonthRows(query: ExpectedQuery): IDataObject[] {
	return sandboxRows(query).map((row) => ({ ...withReadable(row), period_from: query.from, period_to: query.to }));
}

export const jsonOf = (result: RunResult) => result.items.map((item) => item.json);

/** The warnings n8n shows above the node's output. */
export const hintsOf = (result: RunResult) =>
	Object.values(result.run.data.resultData.runData)
		.flat()
		.flatMap((task) => task.hints ?? [])
		.map((hint) => hint.message);

/** The requests the node sent to VCC Live, in arrival order. */
export const vccRequests = (sandbox: Sandbox): RecordedRequest[] => sandbox.requests.filter((request) => request.vendor === 'vcclive');

/** The from/to pairs the sandbox received, sorted (requests run concurrently). */
export const periodsSent = (sandbox: Sandbox) =>
	vccRequests(sandbox)
		.map((request) => `${String(request.query.from)}-${String(request.query.to)}`)
		.sort();

export function binaryText(result: RunResult, itemIndex = 0, property = 'data'): string {
	const file = result.items[itemIndex]?.binary?.[property];
	if (!file) throw new Error(`No binary "${property}" on output item ${itemIndex}`);
	return Buffer.from(file.data, 'base64').toString('utf8');
}

/** Any VCC Live operation with these parameters (resource and operation included). */
export async function runVccLive(sandbox: Sandbox, parameters: INodeParameters, options: Partial<RunOptions> = {}): Promise<RunResult> {
	return await runNode({ type: 'vccLive', parameters, credentials: vccCredentials(sandbox), timezone: 'Europe/Budapest', ...options });
}

/** The one request the node sent to VCC Live, checked to be the only one and to carry the demo login. */
export function onlyRequest(sandbox: Sandbox): RecordedRequest {
	const requests = vccRequests(sandbox);
	expect(requests).toHaveLength(1);
	expect(requests[0].headers.authorization).toBe(EXPECTED_AUTHORIZATION);
	return requests[0];
}
