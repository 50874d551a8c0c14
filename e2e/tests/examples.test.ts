/**
 * Every example workflow of examples/ that starts from a Manual Trigger, run in a real n8n
 * with `n8n execute` against the sandbox: a test copy in which the email and Slack nodes are
 * No Operation nodes, so the message or file that would have been sent is asserted instead.
 * (The trigger examples are run in a started n8n: triggerExample.test.ts.)
 */
import { readdirSync } from 'node:fs';

import { nodeItems, nodeOutput } from '../../scripts/realN8n/n8nCli';
import { sandboxCredentials } from '../../scripts/realN8n/sandboxCredentials';
import type { Workflow } from './exampleWorkflows';
import { appendNode, EXAMPLES_DIR, loadExample, nodesOfType, testCopy } from './exampleWorkflows';
import type { RealN8n } from './realN8nSetup';
import { startRealN8n } from './realN8nSetup';

let n8n: RealN8n;

beforeAll(async () => {
	n8n = await startRealN8n();
	// The examples name these credentials by id, as `npm start` imports them.
	await n8n.cli.importCredentials(sandboxCredentials(n8n.sandbox));
});
afterAll(async () => n8n?.close());
beforeEach(() => {
	n8n.sandbox.livevox.reset();
	n8n.sandbox.clearRequests();
});

async function run(workflow: Workflow) {
	await n8n.cli.importWorkflow(workflow);
	const output = await n8n.cli.execute(workflow.id);
	expect(output.data.resultData.error).toBeUndefined();
	return output;
}

const requestsTo = (vendor: string) =>
	n8n.sandbox.requests.filter((request) => request.vendor === vendor).map((request) => `${request.method} ${request.path}`);

/** The examples that start from one of our triggers (run in triggerExample.test.ts), and that trigger. */
const TRIGGER_EXAMPLES: Record<string, string> = {
	'livevox-queue-alert.json': 'n8n-nodes-callcenter.liveVoxTrigger',
	'vcclive-ordered-disposition-to-slack-and-sheet.json': 'n8n-nodes-callcenter.vccLiveTrigger',
};

describe('every example', () => {
	const files = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json'));

	test('there are seven, each with a sticky note, our credentials by the ids npm start imports', () => {
		expect(files.sort()).toEqual([
			'apio-weekly-statistics.json',
			'livevox-call-events-since-last-run.json',
			'livevox-daily-agent-summary.json',
			'livevox-launch-calls-from-csv.json',
			'livevox-queue-alert.json',
			'vcclive-monthly-inbound-spreadsheet.json',
			'vcclive-ordered-disposition-to-slack-and-sheet.json',
		]);
		const imported = new Set(sandboxCredentials(n8n.sandbox).map((credential) => credential.id));
		for (const file of files) {
			const example = loadExample(file);
			expect(example.id.length).toBeLessThanOrEqual(21);
			expect(nodesOfType(example, 'n8n-nodes-base.stickyNote')).toHaveLength(1);
			const ours = example.nodes.filter((node) => node.type.startsWith('n8n-nodes-callcenter.'));
			expect(ours.length).toBeGreaterThan(0);
			for (const node of ours) {
				for (const credential of Object.values(node.credentials ?? {})) expect(imported.has(credential.id)).toBe(true);
			}
			// Scheduled examples can also be run by hand (and by `n8n execute`); the alert and the disposition start from their trigger.
			const starts = example.nodes.filter((node) => /[tT]rigger$/.test(node.type)).map((node) => node.type);
			expect(starts).toContain(TRIGGER_EXAMPLES[file] ?? 'n8n-nodes-base.manualTrigger');
		}
	});
});

test('LiveVox daily agent summary: yesterday’s report becomes one message, a line per agent, sent to Slack and email', async () => {
	const example = loadExample('livevox-daily-agent-summary.json');
	const output = await run(testCopy(example, 'exTestAgentDaily01'));

	const agents = nodeOutput(output, 'Agent Summary (Yesterday)');
	expect(agents.length).toBeGreaterThan(0);
	expect(requestsTo('livevox')).toEqual(['POST /session/login', 'POST /reporting/standard/agent/summary']);
	const [message] = nodeOutput(output, 'Format Message');
	expect(message.agents).toBe(agents.length);
	const lines = (message.text as string).split('\n');
	expect(lines[0]).toMatch(/^LiveVox agent summary, \w+day \d{1,2} \w+ \d{4}$/);
	for (const agent of agents) {
		expect(message.text).toContain(`• ${agent.firstName} ${agent.lastName} (${agent.loginId}): ${agent.successfulOpTransfer} transfers, ${agent.totalRpcs} RPCs`);
	}
	const totalRpcs = agents.reduce((sum, agent) => sum + (agent.totalRpcs as number), 0);
	expect(lines[lines.length - 1]).toBe(`${agents.length} agents, ${totalRpcs} RPCs in all.`);
	// What the Slack and email nodes would have sent.
	expect(nodeOutput(output, 'Send to Slack')).toEqual([message]);
	expect(nodeOutput(output, 'Send Email')).toEqual([message]);
});

test('VCC Live monthly inbound statistics: last month, one spreadsheet row per project and queue', async () => {
	const copy = testCopy(loadExample('vcclive-monthly-inbound-spreadsheet.json'), 'exTestVccMonthly01');
	// Read the spreadsheet back, to count its rows.
	appendNode(copy, 'Email the Spreadsheet', {
		name: 'Read Back',
		type: 'n8n-nodes-base.extractFromFile',
		typeVersion: 1,
		parameters: { operation: 'xlsx', binaryPropertyName: 'data', options: {} },
	});
	const output = await run(copy);

	const rows = nodeOutput(output, 'Inbound Statistics (Last Month)');
	expect(rows.length).toBeGreaterThan(0);
	const [inbound] = n8n.sandbox.requests.filter((request) => request.vendor === 'vcclive');
	expect(inbound.path).toBe('/v2/statistics/inbound');
	expect(rows.every((row) => row.period_from === rows[0].period_from)).toBe(true);
	const month = (rows[0].period_from as string).slice(0, 7);

	const files = nodeItems(output, 'Spreadsheet File');
	expect(files).toHaveLength(1);
	expect(files[0].binary?.data).toMatchObject({
		fileName: `vcc-live-inbound-${month}.xlsx`,
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	});
	expect(nodeItems(output, 'Email the Spreadsheet')[0].binary?.data?.fileName).toBe(`vcc-live-inbound-${month}.xlsx`);

	const sheet = nodeOutput(output, 'Read Back');
	expect(sheet).toHaveLength(rows.length);
	expect(sheet[0]).toEqual({
		Month: month,
		Project: rows[0].projectid,
		Queue: rows[0].queueid,
		'Answered Within SLA': rows[0].answered_before,
		'Answered After SLA': rows[0].answered_after,
		'Abandoned Before Queue': rows[0].abort_before_queue,
		'Abandoned In Queue': (rows[0].abort_in_queue_before as number) + (rows[0].abort_in_queue_after as number),
		'Talk Time (s)': rows[0].talk_time,
		'Queue Time (s)': rows[0].queue_time,
	});
});

test('Netaxis APIO weekly statistics: last week, Monday to Monday, written up as one email', async () => {
	const output = await run(testCopy(loadExample('apio-weekly-statistics.json'), 'exTestApioWeekly01'));

	const statistics = nodeOutput(output, 'Last Week Statistics');
	const queue = statistics.find((item) => item.level === 'queue');
	const agents = statistics.filter((item) => item.level === 'agent');
	expect(queue).toBeDefined();
	expect(agents.length).toBeGreaterThan(0);
	const request = n8n.sandbox.requests.find((candidate) => candidate.path.endsWith('/statistics/'));
	const range = (request?.body as { statisticsRange: { start: string; end: string } }).statisticsRange;
	// Monday 00:00 to the next Monday 00:00, in the workflow's time zone.
	expect(range.start).toMatch(/T00:00:00(\.000)?-0[45]:00$/);
	expect(new Date(range.start).getUTCDay()).toBe(1);
	expect(Date.parse(range.end) - Date.parse(range.start)).toBeGreaterThanOrEqual(7 * 24 * 3600 * 1000 - 3600 * 1000);

	const [email] = nodeOutput(output, 'Send Email');
	expect(email.agents).toBe(agents.length);
	expect(email.subject).toMatch(/^Call center APIOTestCallCenterP@sip\.netaxis\.be, week of \d{1,2} \w+ \d{4}$/);
	expect(email.text).toContain(`Queue: ${queue?.callsAnswered} answered, ${queue?.callsAbandoned} abandoned`);
	for (const agent of agents) expect(email.text).toContain(`• ${agent.displayName}: ${agent.callsHandled} calls handled`);
});

test('LiveVox manual calls from a CSV list: only the approved rows are launched, the Do Not Call number is reported', async () => {
	const output = await run(testCopy(loadExample('livevox-launch-calls-from-csv.json'), 'exTestCsvCalls001'));

	expect(nodeOutput(output, 'Read CSV Rows').map((row) => [row.phone, row.approved])).toEqual([
		['(415) 205-7483', 'yes'],
		['408.646.2133', 'yes'],
		['+1 415 766 7320', 'no'],
		['415-555-0199', 'yes'],
	]);
	expect(nodeOutput(output, 'Review: Approved Rows Only').map((row) => row.name)).toEqual(['Ana Lima', 'Ben Okafor', 'Dev Rao']);

	// The sandbox's reset (beforeEach) ends the session n8n stored in the credential: LiveVox answers
	// 401 to launches sent with it, before anything is launched, and n8n logs in again. The
	// launches that reached LiveVox's dialer are the ones it accepted.
	const launches = n8n.sandbox.requests.filter((request) => request.path.endsWith('/LaunchManualCalls') && request.status < 400);
	expect(launches.map((request) => [request.method, request.path, request.body])).toEqual([
		[
			'POST',
			'/callControl/supervisor/calls/21429/LaunchManualCalls',
			{
				callEntry: [
					{ phoneNumber: '4152057483', account: '100234' },
					{ phoneNumber: '4086462133', account: '100235' },
					{ phoneNumber: '4155550199', account: '100237' },
				],
			},
		],
	]);
	expect(nodeOutput(output, 'Launch Manual Calls').map((item) => [item.status, item.serviceId])).toEqual([
		['submitted', 21429],
		['submitted', 21429],
		['submitted', 21429],
	]);
	// On the dialer: the two good numbers queued (14 were waiting), the Do Not Call number refused.
	expect(n8n.sandbox.livevox.supervisor.queuedCalls(21429).map((call) => call.phoneNumber)).toEqual(['4152057483', '4086462133']);
	expect(n8n.sandbox.livevox.supervisor.stats(21429)?.callsToBeLaunched).toBe(16);
	const notDialed = nodeOutput(output, 'Calls Not Dialed');
	expect(notDialed).toEqual([expect.objectContaining({ serviceId: 21429, phoneNumber: '4155550199', errorCode: 1000 })]);
	expect(requestsTo('livevox').filter((call) => call.includes('GetNonAttemptedManualCalls'))).toHaveLength(1);
});

test('LiveVox call events since the last run: yesterday as a CSV to email; three missed mornings caught up in one run; nothing new sends nothing', async () => {
	const id = 'exTestEventsSince01';
	const node = 'Call Events Since Last Run';
	await n8n.cli.importWorkflow(testCopy(loadExample('livevox-call-events-since-last-run.json'), id));
	const first = await n8n.cli.execute(id);
	expect(first.data.resultData.error).toBeUndefined();
	const [file] = nodeItems(first, node);
	expect(file.json).toMatchObject({ bookmark: 'firstRun', caughtUpDays: 1 });
	const day = String(file.json.windowStart).slice(0, 10);
	expect(file.binary?.data).toMatchObject({ fileName: `livevox-call-events_${day}_${day}.csv`, mimeType: 'text/csv' });
	const [email] = nodeItems(first, 'Email the CSV');
	expect(email.binary?.data?.fileName).toBe(`livevox-call-events_${day}_${day}.csv`);
	expect(email.json.rowCount).toBeGreaterThan(0);

	// n8n saved the bookmark after the run (a run by `n8n execute` saves static data, like a
	// scheduled one). Put it three days back, as if n8n had been off for three mornings.
	const saved = await n8n.cli.exportWorkflow(id);
	const staticData = saved.staticData as Record<string, { sinceLastRun: { bookmarks: Record<string, { end: string }> } }>;
	const bookmarks = Object.values(staticData[`node:${node}`].sinceLastRun.bookmarks);
	expect(bookmarks).toHaveLength(1);
	const end = String(file.json.rangeEnd);
	expect(bookmarks[0].end).toBe(end);
	const threeDaysBack = new Date(Date.parse(end) - 3 * 86_400_000);
	bookmarks[0].end = end.replace(/^\d{4}-\d{2}-\d{2}/, threeDaysBack.toISOString().slice(0, 10));
	await n8n.cli.importWorkflow({ ...saved, staticData });

	n8n.sandbox.clearRequests();
	const caughtUp = await n8n.cli.execute(id);
	const [catchUpFile] = nodeItems(caughtUp, node);
	expect(catchUpFile.json).toMatchObject({ bookmark: 'continued', caughtUpDays: 3, rangeEnd: end });
	const [catchUpEmail] = nodeOutput(caughtUp, 'Email the CSV');
	expect(catchUpEmail.rowCount).toBeGreaterThan(Number(email.json.rowCount));
	expect(requestsTo('livevox').filter((request) => request.endsWith('/callDetails'))).toHaveLength(1);

	n8n.sandbox.clearRequests();
	const nothingNew = await n8n.cli.execute(id);
	expect(nodeItems(nothingNew, node)).toEqual([]);
	expect(nothingNew.data.resultData.runData['Email the CSV']).toBeUndefined();
	expect(requestsTo('livevox').filter((request) => request.includes('/reporting/'))).toEqual([]);
});
