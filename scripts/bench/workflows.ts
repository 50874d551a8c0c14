/**
 * The benchmark's workflows, side by side: each job built once with this package's nodes and
 * once the way an n8n user would build it with n8n's own nodes (HTTP Request with a login
 * request, windows from a Code node, Loop Over Items, the built-in pagination, Extract From File).
 */
import type { Sandbox } from '../../test/sandbox/server';

const PACKAGE = 'n8n-nodes-callcenter';
const HTTP = { type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2 };

export interface BenchNode {
	name: string;
	type: string;
	typeVersion?: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	/** Node settings beside the parameters (retryOnFail, maxTries, waitBetweenTries). */
	settings?: Record<string, unknown>;
}

/** [from, to, output of `from`] — Loop Over Items has "done" (0) and "loop" (1). */
export type Link = [string, string, number?];

export interface BenchWorkflow {
	id: string;
	name: string;
	/** The node whose first output holds the job's result rows. */
	resultNode: string;
	workflow: object;
}

/** The name of every bench workflow's Manual Trigger. */
export const TRIGGER = 'Start';

/** A workflow that starts with a Manual Trigger linked to the first node. */
function graph(id: string, name: string, resultNode: string, nodes: BenchNode[], links: Link[]): BenchWorkflow {
	const all = [
		{ id: `${id}-start`, name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...nodes.map((node, index) => ({
			id: `${id}-${index}`,
			name: node.name,
			type: node.type,
			typeVersion: node.typeVersion ?? 1,
			position: [220 * (index + 1), 0],
			parameters: node.parameters,
			...(node.credentials ? { credentials: node.credentials } : {}),
			...node.settings,
		})),
	];
	const connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }> = {};
	for (const [from, to, output = 0] of [[TRIGGER, nodes[0].name] as Link, ...links]) {
		const main = (connections[from] ??= { main: [] }).main;
		while (main.length <= output) main.push([]);
		main[output].push({ node: to, type: 'main', index: 0 });
	}
	const workflow = { id, name, active: false, nodes: all, connections, settings: { executionOrder: 'v1' }, pinData: {} };
	return { id, name, resultNode, workflow };
}

/** n8n's workflow ids are 16 characters. */
const wfId = (key: string) => `bench${key}`.padEnd(16, '0').slice(0, 16);

const loop = (batchSize: number): BenchNode => ({
	name: 'Loop',
	type: 'n8n-nodes-base.splitInBatches',
	typeVersion: 3,
	parameters: { batchSize, options: {} },
});

const code = (name: string, jsCode: string): BenchNode => ({
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode },
});

const noOp = (name: string): BenchNode => ({ name, type: 'n8n-nodes-base.noOp', parameters: {} });

const splitOut = (name: string, field: string): BenchNode => ({
	name,
	type: 'n8n-nodes-base.splitOut',
	parameters: { fieldToSplitOut: field, options: {} },
});

const headers = (pairs: Record<string, string>) => ({
	sendHeaders: true,
	specifyHeaders: 'keypair',
	headerParameters: { parameters: Object.entries(pairs).map(([name, value]) => ({ name, value })) },
});

const query = (pairs: Record<string, string>) => ({
	sendQuery: true,
	specifyQuery: 'keypair',
	queryParameters: { parameters: Object.entries(pairs).map(([name, value]) => ({ name, value })) },
});

/** The LiveVox login a user builds by hand: POST /session/login, the session id read by later nodes. */
function liveVoxLogin(sandbox: Sandbox): BenchNode {
	const { account } = sandbox.livevox;
	return {
		name: 'Login',
		...HTTP,
		parameters: {
			method: 'POST',
			url: `${sandbox.livevoxUrl}/session/login`,
			...headers({ 'LV-Access': account.accessToken }),
			sendBody: true,
			specifyBody: 'json',
			jsonBody: JSON.stringify({ clientName: account.clientName, userName: account.userName, password: account.password }),
			options: {},
		},
	};
}

const liveVoxSession = (sandbox: Sandbox) =>
	headers({ 'LV-Access': sandbox.livevox.account.accessToken, 'LV-Session': "={{ $('Login').first().json.sessionId }}" });

/** How the HTTP Request node side sends its requests: one at a time, or `batch` at a time. */
export interface BaselineShape {
	batch: number;
	/** Node settings "Retry On Fail", as a user turns them on against a rate limit. */
	retry?: boolean;
}

const retrySettings = (shape: BaselineShape) =>
	shape.retry ? { settings: { retryOnFail: true, maxTries: 5, waitBetweenTries: 1000 } } : {};

// ---- Call Event Recovery, windows of 3 days -------------------------------------------------

export interface ReportRange {
	/** First day, yyyy-mm-dd, in the reporting timezone. */
	startDay: string;
	days: number;
	zone: string;
}

export function cerNode(
	credential: { id: string; name: string },
	range: ReportRange,
	concurrency: number,
	key: string,
): BenchWorkflow {
	const end = new Date(Date.parse(`${range.startDay}T00:00:00Z`) + (range.days - 1) * 86_400_000).toISOString().slice(0, 10);
	return graph(wfId(`A${key}`), `Bench ${key}: LiveVox node`, 'Call Events', [
		{
			name: 'Call Events',
			type: `${PACKAGE}.liveVox`,
			parameters: {
				resource: 'report',
				operation: 'callDetails',
				period: 'custom',
				startDate: range.startDay,
				endDate: end,
				options: { maxConcurrentRequests: concurrency, reportingTimezone: range.zone },
			},
			credentials: { liveVoxApi: credential },
		},
	], []);
}

export function cerBaseline(sandbox: Sandbox, range: ReportRange, shape: BaselineShape, key: string): BenchWorkflow {
	const windows = Math.ceil(range.days / 3);
	const jsCode = [
		`const first = DateTime.fromISO('${range.startDay}', { zone: '${range.zone}' });`,
		'const windows = [];',
		`for (let i = 0; i < ${windows}; i++) {`,
		'  const start = first.plus({ days: 3 * i });',
		`  const end = DateTime.min(start.plus({ days: 3 }), first.plus({ days: ${range.days} }));`,
		'  windows.push({ json: { startDate: start.toMillis(), endDate: end.toMillis() - 1 } });',
		'}',
		'return windows;',
	].join('\n');
	return graph(wfId(`B${key}`), `Bench ${key}: HTTP Request`, 'Rows', [
		liveVoxLogin(sandbox),
		code('Windows', jsCode),
		loop(shape.batch),
		{
			name: 'Report',
			...HTTP,
			parameters: {
				method: 'POST',
				url: `${sandbox.livevoxUrl}/reporting/standard/callDetails`,
				...liveVoxSession(sandbox),
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ startDate: $json.startDate, endDate: $json.endDate }) }}',
				options: { response: { response: { responseFormat: 'file' } } },
			},
			...retrySettings(shape),
		},
		{ name: 'Parse CSV', type: 'n8n-nodes-base.extractFromFile', typeVersion: 1.1, parameters: { operation: 'csv', options: {} } },
		noOp('Rows'),
	], [
		['Login', 'Windows'],
		['Windows', 'Loop'],
		['Loop', 'Rows', 0],
		['Loop', 'Report', 1],
		['Report', 'Parse CSV'],
		['Parse CSV', 'Loop'],
	]);
}

/** One big CSV: a single request (no loop), the answer as a file, Extract From File. */
export function csvBaseline(sandbox: Sandbox, range: ReportRange, key: string): BenchWorkflow {
	const jsonBody = `={{ JSON.stringify({ startDate: DateTime.fromISO('${range.startDay}', { zone: '${range.zone}' }).toMillis(), endDate: DateTime.fromISO('${range.startDay}', { zone: '${range.zone}' }).plus({ days: ${range.days} }).toMillis() - 1 }) }}`;
	return graph(wfId(`B${key}`), `Bench ${key}: HTTP Request + Extract From File`, 'Parse CSV', [
		liveVoxLogin(sandbox),
		{
			name: 'Report',
			...HTTP,
			parameters: {
				method: 'POST',
				url: `${sandbox.livevoxUrl}/reporting/standard/callDetails`,
				...liveVoxSession(sandbox),
				sendBody: true,
				specifyBody: 'json',
				jsonBody,
				options: { response: { response: { responseFormat: 'file' } } },
			},
		},
		{ name: 'Parse CSV', type: 'n8n-nodes-base.extractFromFile', typeVersion: 1.1, parameters: { operation: 'csv', options: {} } },
	], [
		['Login', 'Report'],
		['Report', 'Parse CSV'],
	]);
}

// ---- Services of a call center, pages of 1000 ------------------------------------------------

export function servicesNode(credential: { id: string; name: string }, callCenterId: number, key: string): BenchWorkflow {
	return graph(wfId(`A${key}`), `Bench ${key}: LiveVox node`, 'Services', [
		{
			name: 'Services',
			type: `${PACKAGE}.liveVox`,
			parameters: { resource: 'service', operation: 'list', callCenterId, returnAll: true },
			credentials: { liveVoxApi: credential },
		},
	], []);
}

/** The HTTP Request node's own pagination: one page after the other, until `next` is empty. */
export function servicesPaginated(sandbox: Sandbox, callCenterId: number, key: string): BenchWorkflow {
	return graph(wfId(`B${key}`), `Bench ${key}: HTTP Request pagination`, 'Services', [
		liveVoxLogin(sandbox),
		{
			name: 'List',
			...HTTP,
			parameters: {
				method: 'GET',
				url: `${sandbox.livevoxUrl}/configuration/services`,
				...liveVoxSession(sandbox),
				...query({ callCenter: String(callCenterId), count: '1000' }),
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: { parameters: [{ type: 'qs', name: 'offset', value: '={{ $pageCount * 1000 }}' }] },
							paginationCompleteWhen: 'other',
							completeExpression: '={{ !$response.body.next }}',
						},
					},
				},
			},
		},
		splitOut('Services', 'service'),
	], [
		['Login', 'List'],
		['List', 'Services'],
	]);
}

/** The total first (Service List Info), the offsets in a Code node, the pages `batch` at a time. */
export function servicesBatched(sandbox: Sandbox, callCenterId: number, shape: BaselineShape, key: string): BenchWorkflow {
	return graph(wfId(`B${key}`), `Bench ${key}: HTTP Request in Loop Over Items`, 'Services', [
		liveVoxLogin(sandbox),
		{
			name: 'Info',
			...HTTP,
			parameters: {
				method: 'GET',
				url: `${sandbox.livevoxUrl}/configuration/services/info`,
				...liveVoxSession(sandbox),
				...query({ callCenter: String(callCenterId) }),
				options: {},
			},
		},
		code('Offsets', 'return Array.from({ length: Math.ceil($json.size / 1000) }, (_, i) => ({ json: { offset: i * 1000 } }));'),
		loop(shape.batch),
		{
			name: 'Page',
			...HTTP,
			parameters: {
				method: 'GET',
				url: `${sandbox.livevoxUrl}/configuration/services`,
				...liveVoxSession(sandbox),
				...query({ callCenter: String(callCenterId), count: '1000', offset: '={{ $json.offset }}' }),
				options: {},
			},
		},
		splitOut('Services', 'service'),
	], [
		['Login', 'Info'],
		['Info', 'Offsets'],
		['Offsets', 'Loop'],
		['Loop', 'Services', 0],
		['Loop', 'Page', 1],
		['Page', 'Loop'],
	]);
}

// ---- VCC Live inbound statistics, month windows ----------------------------------------------

export function vccNode(credential: { id: string; name: string }, year: number, key: string): BenchWorkflow {
	return graph(wfId(`A${key}`), `Bench ${key}: VCC Live node`, 'Inbound', [
		{
			name: 'Inbound',
			type: `${PACKAGE}.vccLive`,
			parameters: {
				resource: 'statistic',
				operation: 'getInbound',
				period: 'custom',
				from: `${year}-01-01T00:00:00`,
				to: `${year}-12-31T00:00:00`,
				dimensions: ['project'],
				outputFormat: 'json',
			},
			credentials: { vccLiveApi: credential },
		},
	], []);
}

export function vccBaseline(sandbox: Sandbox, year: number, shape: BaselineShape, key: string): BenchWorkflow {
	const { user, token } = sandbox.vcclive.account;
	const jsCode = [
		'const months = [];',
		'for (let m = 1; m <= 12; m++) {',
		`  const first = DateTime.fromObject({ year: ${year}, month: m, day: 1 });`,
		"  months.push({ json: { from: first.toFormat('yyyyMMdd'), to: first.endOf('month').toFormat('yyyyMMdd') } });",
		'}',
		'return months;',
	].join('\n');
	return graph(wfId(`B${key}`), `Bench ${key}: HTTP Request`, 'Rows', [
		code('Months', jsCode),
		loop(shape.batch),
		{
			name: 'Statistics',
			...HTTP,
			parameters: {
				method: 'GET',
				url: `${sandbox.vccliveUrl}/v2/statistics/inbound`,
				...headers({ Authorization: `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}` }),
				...query({ from: '={{ $json.from }}', to: '={{ $json.to }}', dimensions: 'project' }),
				// VCC Live labels its JSON text/plain: the user sets the format.
				options: { response: { response: { responseFormat: 'json' } } },
			},
		},
		splitOut('Rows', 'response'),
	], [
		['Months', 'Loop'],
		['Loop', 'Rows', 0],
		['Loop', 'Statistics', 1],
		['Statistics', 'Loop'],
	]);
}

/**
 * n8n's HTTP Request node alone, sending one GET (VCC Live inbound statistics for a month):
 * how soon n8n itself gets a node's first request out, and one request's whole run.
 */
export function oneRequestWorkflow(sandbox: Sandbox): BenchWorkflow {
	const { user, token } = sandbox.vcclive.account;
	return graph(wfId('OneRequest'), 'Bench: one HTTP Request', 'Statistics', [
		{
			name: 'Statistics',
			...HTTP,
			parameters: {
				method: 'GET',
				url: `${sandbox.vccliveUrl}/v2/statistics/inbound`,
				...headers({ Authorization: `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}` }),
				...query({ from: '20240101', to: '20240131', dimensions: 'project' }),
				options: { response: { response: { responseFormat: 'json' } } },
			},
		},
	], []);
}

/** A Manual Trigger and a No Operation node: n8n's own time for a run, to read the others against. */
export function emptyWorkflow(): BenchWorkflow {
	return graph(wfId('Empty'), 'Bench: empty workflow', 'Nothing', [noOp('Nothing')], []);
}
