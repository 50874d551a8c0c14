/**
 * Property-based fuzzing of every operation's parameters (fast-check): random and hostile
 * values (empty, huge, wrong types, expressions that resolve to objects, far dates, unicode,
 * '/', '?', '#', '..' inside ids and names) through n8n's real engine against the sandbox.
 * The node must answer with a NodeOperationError/NodeApiError or a valid request: never a
 * TypeError, never an unhandled rejection, never a request outside the intended endpoint.
 */
import fc from 'fast-check';
import type { IDataObject, INodeParameters, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { retryClock } from '../../nodes/shared/retry';
import { LiveVox } from '../../nodes/LiveVox/LiveVox.node';
import { NetaxisApio } from '../../nodes/NetaxisApio/NetaxisApio.node';
import { VccLive } from '../../nodes/VccLive/VccLive.node';
import type { RunResult } from '../engine/harness';
import { runNode } from '../engine/harness';
import type { RecordedRequest, Sandbox } from '../sandbox/server';
import { acceptCanaries, canaryCredentials, findLeaks, LogRecorder, secretsToFind } from './canaries';
import { isCrash } from './matrix';
import type { NodeCall } from './scenarios';
import { READ_FAMILIES, WRITE_FAMILIES } from './scenarios';

export interface FuzzOperation {
	type: 'liveVox' | 'vccLive' | 'netaxisApio';
	credential: string;
	resource: string;
	operation: string;
	properties: INodeProperties[];
	/** The node's version in the workflow; 1 when left out. */
	typeVersion?: number;
}

const NODES: Array<{ type: FuzzOperation['type']; credential: string; node: INodeType }> = [
	{ type: 'liveVox', credential: 'liveVoxApi', node: new LiveVox() },
	{ type: 'vccLive', credential: 'vccLiveApi', node: new VccLive() },
	{ type: 'netaxisApio', credential: 'netaxisApioApi', node: new NetaxisApio() },
];

const shownFor = (property: INodeProperties, resource: string, operation: string) => {
	const show = property.displayOptions?.show;
	if (!show) return true;
	const fits = (name: string, value: string) => !show[name] || (show[name] as unknown[]).includes(value);
	return fits('resource', resource) && fits('operation', operation);
};

/** Every resource × operation of the three nodes, with the parameters each shows. */
export function fuzzOperations(): FuzzOperation[] {
	const operations: FuzzOperation[] = [];
	for (const { type, credential, node } of NODES) {
		const properties = node.description.properties;
		const resourceProperty = properties.find((property) => property.name === 'resource');
		const resources = ((resourceProperty?.options ?? []) as INodePropertyOptions[]).map((option) => String(option.value));
		for (const resource of resources) {
			for (const operationProperty of properties.filter((property) => property.name === 'operation' && shownFor(property, resource, ''))) {
				const show = operationProperty.displayOptions?.show?.resource as unknown[] | undefined;
				if (show && !show.includes(resource)) continue;
				for (const option of (operationProperty.options ?? []) as INodePropertyOptions[]) {
					const operation = String(option.value);
					const shown = properties.filter(
						(property) => !['resource', 'operation'].includes(property.name) && shownFor(property, resource, operation),
					);
					operations.push({ type, credential, resource, operation, properties: shown });
				}
			}
		}
	}
	return operations;
}

/** Strings meant to break things: path tricks carry the marker "inj" so a leak into the URL shows. */
export const HOSTILE_STRINGS = [
	'',
	' ',
	'0',
	'-1',
	'1.5',
	'NaN',
	'1e309',
	'9'.repeat(40),
	'../../inj',
	'..',
	'.',
	'20575/../../inj',
	'20575?inj=1',
	'20575#inj',
	'a/b',
	'%2e%2e%2finj',
	'inj\u0000nul',
	'服务 😀 \u202etxt',
	'Ω≈ç√∫',
	'<script>inj</script>',
	'x'.repeat(20_000),
	'0001-01-01',
	'1900-01-01T00:00:00',
	'9999-12-31T23:59:59',
	'2999-02-30',
	'2024-13-45',
	'={{ { "inj": 1 } }}',
	'={{ [1, 2, 3] }}',
	'={{ null }}',
	'={{ $json }}',
	'={{ undefined }}',
	'={{ 1/0 }}',
	'={{ "a".repeat(3) }}',
	'={{ $now.plus({ years: 500 }) }}',
	'={{ $now.minus({ years: 2000 }) }}',
];

const hostileString = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
	{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
	fc.constant(null),
	fc.constant(undefined),
	fc.boolean(),
	fc.integer({ min: -1e9, max: 1e9 }),
	fc.constantFrom(0, -1, 1e20, Number.NaN, Number.POSITIVE_INFINITY, -0.5),
	fc.constant({}),
	fc.constant({ inj: '../x' }),
	fc.constant([]),
	fc.constant(['../inj', 1]),
);

const hostile: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 2, arbitrary: wrongType });

/**
 * Values shaped like IDs but not quite: padded, led by zeros, unknown, past the safe integers,
 * digits of other scripts. The trimmed and zero-led ones are IDs and reach the vendor, so the
 * requests they make are checked too.
 */
export const ID_SHAPED = [' 214', '214 ', '\t21403\n', '214\u00a0', '0214', '00021403', '999999', '9007199254740993', '２１４', '٢١٤', '214,215', '+214', '2.14e2'];

/** A hostile value for an id or a name of an otherwise valid call. */
const hostileId: fc.Arbitrary<unknown> = fc.oneof({ weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: fc.constantFrom(...ID_SHAPED) });

/** A value for one property: often a valid one, often a hostile one, sometimes left out. */
function valueFor(property: INodeProperties, depth = 0): fc.Arbitrary<unknown> {
	const valid: Array<fc.Arbitrary<unknown>> = [fc.constant(property.default)];
	switch (property.type) {
		case 'options':
			if (Array.isArray(property.options) && property.options.length > 0) {
				valid.push(fc.constantFrom(...(property.options as INodePropertyOptions[]).map((option) => option.value)));
			}
			break;
		case 'multiOptions':
			if (Array.isArray(property.options) && property.options.length > 0) {
				valid.push(fc.subarray((property.options as INodePropertyOptions[]).map((option) => option.value)));
			}
			break;
		case 'number':
			valid.push(fc.integer({ min: -5, max: 5000 }), fc.double({ noNaN: false }));
			break;
		case 'boolean':
			valid.push(fc.boolean());
			break;
		case 'resourceLocator': {
			const modes = (property.modes ?? []).map((mode) => mode.name);
			valid.push(
				// The editor always stores a resource locator as this object; its value can be anything.
				fc.record({
					__rl: fc.constant(true),
					mode: modes.length > 0 ? fc.constantFrom(...modes) : fc.constant('id'),
					value: fc.oneof(hostile, fc.constantFrom('20575', '433', 'footenant', 'APIOTestCCPremium@sip.netaxis.be')),
				}),
			);
			break;
		}
		case 'collection':
			if (depth < 2 && Array.isArray(property.options)) {
				const inner = property.options as INodeProperties[];
				valid.push(
					fc.record(Object.fromEntries(inner.map((option) => [option.name, valueFor(option, depth + 1)])), { requiredKeys: [] }),
				);
			}
			break;
		case 'fixedCollection':
			if (depth < 2 && Array.isArray(property.options)) {
				const groups = property.options as INodePropertyCollection[];
				valid.push(
					fc.record(
						Object.fromEntries(
							groups.map((group) => {
								const entry = fc.record(Object.fromEntries(group.values.map((value) => [value.name, valueFor(value, depth + 1)])), {
									requiredKeys: [],
								});
								return [group.name, property.typeOptions?.multipleValues ? fc.array(entry, { maxLength: 3 }) : entry];
							}),
						),
						{ requiredKeys: [] },
					),
				);
			}
			break;
		default:
			break;
	}
	if (property.type === 'resourceLocator') return fc.oneof(...valid);
	return fc.oneof({ weight: 2, arbitrary: fc.oneof(...valid) }, { weight: 2, arbitrary: hostile });
}

/** Parameters for an operation: every shown field gets a value or is left out. */
export function parametersFor(operation: FuzzOperation): fc.Arbitrary<INodeParameters> {
	const fields = operation.properties.filter((property) => !['notice', 'hidden', 'button', 'callout'].includes(property.type));
	return fc
		.record(Object.fromEntries(fields.map((property) => [property.name, valueFor(property)])), { requiredKeys: [] })
		.map((values) => ({ resource: operation.resource, operation: operation.operation, ...(values as INodeParameters) }));
}

/** Input items, sometimes with hostile fields an expression may read. */
const itemsArbitrary: fc.Arbitrary<IDataObject[]> = fc.constantFrom<IDataObject[]>(
	[{}],
	[{ phone: '4152057401', account: 'a/../b', name: '../inj' }, { phone: '??#', timeout: { inj: 1 } }],
	[{ inj: null }],
);

const dotSegment = (segment: string) => {
	let decoded = segment;
	try {
		decoded = decodeURIComponent(segment);
	} catch {
		return false;
	}
	return decoded === '.' || decoded === '..';
};

/** The endpoints each vendor's node may call (after the vendor prefix); SEG is one path segment. */
const SEG = '[^/?#]+';
const ENDPOINTS: Record<string, RegExp[]> = {
	livevox: [
		/^\/session\/login$/,
		/^\/configuration\/services(\/search|\/info)?$/,
		new RegExp(`^/configuration/services/${SEG}(/[A-Za-z]+(/${SEG})?)?$`),
		new RegExp(`^/callControl/supervisor/calls/queue/${SEG}$`),
		new RegExp(`^/callControl/supervisor/calls/${SEG}/(GetNonAttemptedManualCalls|LaunchManualCalls|ScheduleCallback)$`),
		/^\/reporting\/standard\/(callRecording|callDetails|realTimeReport|account\/lookup|phone\/lookup|agent\/activity|agent\/summary|service\/efficiency)$/,
	],
	vcclive: [
		/^\/v2\/statistics\/inbound$/,
		/^\/v2\/projects$/,
		// The Database API's project resources: IDs are digits, the node refuses anything else.
		/^\/v2\/projects\/\d+(\/quotas|\/emails\/\d{4}\/\d{2}|\/records(\/dispositions|\/\d+(\/dispositions|\/contacts\/\d+)?)?)?$/,
		/^\/v2\/(cdrs\/\d{4}\/\d{2}\/\d{2}|cdr\/\d{4}\/\d{2}\/[0-9a-f-]{36}|voicefiles\/\d{4}\/\d{2})$/,
	],
	apio: [
		/^\/api\/v01\/auth\/login$/,
		/^\/api\/v01\/system\/users\/local$/,
		new RegExp(`^/api/v1/tenants/${SEG}/groups/${SEG}/services/call_centers/${SEG}/(statistics|instance_statistics_reporting)/$`),
	],
};

/** Why a request left its endpoint, or undefined when it is one the node may call. */
export function escapedEndpoint(request: RecordedRequest): string | undefined {
	const where = `${request.method} ${request.vendor || '(no vendor)'} ${request.path.slice(0, 200)}`;
	const allowed = ENDPOINTS[request.vendor];
	if (!allowed) return `request outside every vendor prefix: ${where}`;
	if (request.path.split('/').some(dotSegment)) return `dot segment in the path: ${where}`;
	if (!allowed.some((pattern) => pattern.test(request.path))) return `path is no endpoint of the node: ${where}`;
	if (Object.keys(request.query).some((key) => /inj/.test(key))) return `a value leaked into the query's keys: ${where}`;
	return undefined;
}

export interface FuzzFinding {
	operation: string;
	problem: string;
	parameters: string;
}

/** How far the fuzzed runs got: refused by n8n's parameter checks, run by the node, sending requests. */
export interface FuzzStats {
	refusedByN8n: number;
	reachedNode: number;
	sentRequests: number;
}

export interface FuzzSummary extends FuzzStats {
	runs: number;
	operations: number;
	findings: FuzzFinding[];
	/** The slowest run of each operation, in ms (a figure). */
	slowestMs: Record<string, number>;
}

const RUN_LIMIT_MS = 20_000;

/** Runs the node once with these parameters; the problems found, in words. */
export async function fuzzOnce(
	sandbox: Sandbox,
	operation: FuzzOperation,
	parameters: INodeParameters,
	items: IDataObject[],
	recorder: LogRecorder,
	stats: FuzzStats = { refusedByN8n: 0, reachedNode: 0, sentRequests: 0 },
): Promise<string[]> {
	sandbox.livevox.reset();
	sandbox.vcclive.reset();
	sandbox.apio.reset();
	sandbox.faults.clear();
	sandbox.clearRequests();
	acceptCanaries(sandbox);
	recorder.clear();
	const rejections: unknown[] = [];
	const onRejection = (reason: unknown) => rejections.push(reason);
	process.on('unhandledRejection', onRejection);
	let timer: NodeJS.Timeout | undefined;
	try {
		const run = runNode({
			type: operation.type,
			parameters,
			items,
			credentials: { [operation.credential]: canaryCredentials(sandbox)[operation.credential] },
			typeVersion: operation.typeVersion,
		}).catch((error: unknown) => {
			// n8n itself refuses a workflow whose required parameters are empty, before the node runs.
			if ((error as Error)?.name === 'WorkflowHasIssuesError') return 'refused' as const;
			// And a fixedCollection value naming a group the field does not have (n8n-workflow's
			// getNodeParameters), also before the node runs: the editor never stores one.
			if ((error as Error)?.message === 'Could not find property option') return 'refused' as const;
			return { thrown: error };
		});
		const limit = new Promise<'hang'>((resolve) => {
			timer = setTimeout(() => resolve('hang'), RUN_LIMIT_MS);
		});
		const outcome: RunResult | 'hang' | 'refused' | { thrown: unknown } = await Promise.race([run, limit]);
		// Let any stray promise settle, so an unhandled rejection is seen.
		await new Promise((resolve) => setImmediate(resolve));
		const problems: string[] = [];
		if (outcome === 'hang') return [`no answer within ${RUN_LIMIT_MS / 1000} s (${sandbox.requests.length} requests so far)`];
		if (outcome === 'refused') {
			stats.refusedByN8n += 1;
			// Requests seen here are late arrivals of an earlier run's concurrent requests, still checked.
			return sandbox.requests.map(escapedEndpoint).filter((problem): problem is string => problem !== undefined);
		}
		if ('thrown' in outcome) return [`the engine threw: ${String(outcome.thrown)}`];
		stats.reachedNode += 1;
		if (sandbox.requests.length > 0) stats.sentRequests += 1;
		const error = outcome.error;
		const cause = (error as { cause?: { name?: string } } | undefined)?.cause;
		if (isCrash(error) || (cause?.name && /^(TypeError|RangeError|ReferenceError|SyntaxError)$/.test(cause.name))) {
			problems.push(`crash: ${error?.name}: ${error?.message}`);
		}
		for (const reason of rejections) problems.push(`unhandled rejection: ${String(reason)}`);
		for (const request of sandbox.requests) {
			const escaped = escapedEndpoint(request);
			if (escaped) problems.push(escaped);
		}
		for (const leak of findLeaks(outcome, recorder.lines, secretsToFind(outcome.credentialsHelper.stored))) {
			problems.push(`leak in ${leak.where}`);
		}
		return problems;
	} finally {
		clearTimeout(timer);
		process.off('unhandledRejection', onRejection);
	}
}

/** Fuzzes every operation with `runsPerOperation` random parameter sets (seeded, so a failure replays). */
export async function runFuzz(sandbox: Sandbox, options: { runsPerOperation: number; seed?: number }): Promise<FuzzSummary> {
	const operations = fuzzOperations();
	const recorder = new LogRecorder();
	recorder.install();
	const saved = { ...retryClock };
	retryClock.sleep = async () => {};
	const findings: FuzzFinding[] = [];
	const stats: FuzzStats = { refusedByN8n: 0, reachedNode: 0, sentRequests: 0 };
	let runs = 0;
	const slowest: Record<string, number> = {};
	try {
		for (const operation of operations) {
			const name = `${operation.type}.${operation.resource}.${operation.operation}`;
			await fc.assert(
				fc.asyncProperty(parametersFor(operation), itemsArbitrary, async (parameters, items) => {
					runs += 1;
					const started = Date.now();
					const problems = await fuzzOnce(sandbox, operation, parameters, items, recorder, stats);
					slowest[name] = Math.max(slowest[name] ?? 0, Date.now() - started);
					for (const problem of problems) {
						findings.push({ operation: name, problem, parameters: JSON.stringify(parameters).slice(0, 500) });
					}
					return true;
				}),
				{ numRuns: options.runsPerOperation, seed: options.seed, endOnFailure: true },
			);
		}
	} finally {
		Object.assign(retryClock, saved);
		recorder.uninstall();
	}
	return { runs, operations: operations.length, findings, ...stats, slowestMs: slowest };
}

/** The parameters of a valid call that end up in a URL path or a query: ids and names. */
const PATH_FIELDS = ['serviceId', 'tenantId', 'groupId', 'callCenter', 'name', 'phoneNumber', 'callCenterId', 'projectId', 'recordId', 'uuid'];

/**
 * Valid calls of the VCC Live Database API, whose ids go into the path (the matrix has VCC
 * Live's inbound statistics only): a read of a record (with the project typed, and picked as
 * version 1.1 does), of a CDR, and a write of quotas.
 */
export const VCC_DATABASE_CALLS: Array<{ id: string; call: NodeCall }> = [
	{ id: 'vcclive-record-get', call: { type: 'vccLive', parameters: { resource: 'record', operation: 'get', projectId: '214', recordId: '21403' } } },
	{
		id: 'vcclive-record-get-picked-project',
		call: {
			type: 'vccLive',
			typeVersion: 1.1,
			parameters: { resource: 'record', operation: 'get', projectId: { __rl: true, mode: 'list', value: '214' }, recordId: '21403' },
		},
	},
	{
		id: 'vcclive-cdr-get',
		call: { type: 'vccLive', parameters: { resource: 'statistic', operation: 'getCdr', uuid: '20240401-0214-4000-8000-000000000005', callDate: '2024-04-01' } },
	},
	{
		id: 'vcclive-quotas-modify',
		call: { type: 'vccLive', parameters: { resource: 'project', operation: 'modifyQuotas', projectId: '214', quotas: { quota: [{ quotaId: '214001', value: '15' }] } } },
	},
];

/**
 * The valid calls of the matrix with one id or name replaced by a hostile string: everything
 * else being right, these reach the request, so the endpoint check sees real requests.
 */
export async function runTargetedFuzz(
	sandbox: Sandbox,
	options: { runsPerField: number; seed?: number; calls?: Array<{ id: string; call: NodeCall }> },
): Promise<FuzzSummary> {
	const recorder = new LogRecorder();
	recorder.install();
	const saved = { ...retryClock };
	retryClock.sleep = async () => {};
	const findings: FuzzFinding[] = [];
	const stats: FuzzStats = { refusedByN8n: 0, reachedNode: 0, sentRequests: 0 };
	const slowest: Record<string, number> = {};
	let runs = 0;
	let operations = 0;
	try {
		for (const family of options.calls ?? [...READ_FAMILIES, ...WRITE_FAMILIES]) {
			const fields = PATH_FIELDS.filter((field) => field in family.call.parameters);
			if (fields.length === 0) continue;
			operations += 1;
			const operation: FuzzOperation = {
				type: family.call.type,
				credential: { liveVox: 'liveVoxApi', vccLive: 'vccLiveApi', netaxisApio: 'netaxisApioApi' }[family.call.type],
				resource: String(family.call.parameters.resource),
				operation: String(family.call.parameters.operation),
				properties: [],
				typeVersion: family.call.typeVersion,
			};
			const name = `${family.id} (ids and names)`;
			await fc.assert(
				fc.asyncProperty(fc.constantFrom(...fields), hostileId, async (field, value) => {
					runs += 1;
					const current = family.call.parameters[field];
					const replaced =
						typeof current === 'object' && current !== null && '__rl' in current ? { ...current, value } : value;
					const parameters = { ...family.call.parameters, [field]: replaced } as INodeParameters;
					const started = Date.now();
					const problems = await fuzzOnce(sandbox, operation, parameters, family.call.items ?? [{}], recorder, stats);
					slowest[name] = Math.max(slowest[name] ?? 0, Date.now() - started);
					for (const problem of problems) {
						findings.push({ operation: name, problem, parameters: JSON.stringify({ [field]: value }).slice(0, 300) });
					}
					return true;
				}),
				{ numRuns: options.runsPerField * fields.length, seed: options.seed, endOnFailure: true },
			);
		}
	} finally {
		Object.assign(retryClock, saved);
		recorder.uninstall();
	}
	return { runs, operations, findings, ...stats, slowestMs: slowest };
}
