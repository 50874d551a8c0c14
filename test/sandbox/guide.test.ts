/**
 * The sandbox guide (`npm start`, `npm run sandbox`): the IDs it prints are the sandbox's
 * own, follow its data, and each works in the nodes as printed.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { runLiveVox } from '../livevox/fixture';
import { callCenterParameters, runApio } from '../netaxisApio/fixture';
import { runInbound, runVccLive } from '../vcclive/kit';
import { PROJECTS } from './vcclive';
import { guideLines, sandboxIds } from './guide';
import type { Sandbox } from './server';
import { startSandbox } from './server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.livevox.reset();
	sandbox.apio.reset();
	sandbox.clearRequests();
});

test('a fresh sandbox: its call centers and services, the supervisor services, projects and APIO call centers', () => {
	expect(guideLines(sandbox)).toEqual([
		'IDs to try in the nodes (the sandbox data):',
		'  LiveVox Call Center ID (fills the service lists):',
		'    433: 12 services (5607 "Atlanta_FS_RPC (1)", 5608 "Atlanta_FS_QC_VOIP (2)", 6545 "Atlanta_FS_Collections (3)", 9 more)',
		'    429: 6 services (17885 "ATL_1stParty_Recovery_Manual (4)", 19891 "ATL_1stParty_PVAll_QC (5)", 20966 "ATL_1stParty_PVCell_QC_VOIP (6)", 3 more)',
		'    2829: 1 service (40790 "California_QC")',
		'  LiveVox Service IDs for supervisor calls and the LiveVox Trigger (enter them by ID):',
		'    21429: queue with 2 calls on hold; launches manual calls',
		'    50123: 1 non-attempted call listed',
		'    112231: takes callbacks',
		'  VCC Live Project IDs (and the Record IDs of Record → Get and Add Disposition):',
		'    4: team 3, queue 901; records 401, 402, 403',
		'    214: team 3, queues 902, 903; records 21401, 21402, 21403',
		'    370: team 4, queue 908; records 37001, 37002, 37003',
		'    CDRs: every day 12 in 4, 8 in 214, 3 in 370 (e.g. Call UUID 20240401-0214-4000-8000-000000000005 of 2024-04-01)',
		'    Voice files: every month 45 (the answered calls of its first three days)',
		'    Emails: every month 130 in 4, 7 in 214, 0 in 370',
		'    Folders (Project → List): 9001 "Inbound", 9002 "Sales"',
		'    Quota IDs (Project → Get and Modify Quota Limits): 4001–4009 in 4, 214001–214009 in 214, 370001–370009 in 370',
		'  Netaxis APIO Tenant / Group / Call Center:',
		'    foo / foogroup / APIOTestCCBasic@sip.netaxis.be (2 agents)',
		'    foo / foogroup / APIOTestCCPremium@sip.netaxis.be (3 agents)',
		'    footenant / foogroup / APIOTestCallCenterP@sip.netaxis.be (2 agents)',
	]);
});

test('read from the sandbox as it stands, not a copy: more services, another queue, more agents', () => {
	sandbox.livevox.seedCallCenter(2829, 2);
	sandbox.livevox.supervisor.setQueueStats(21429, { callsOnHold: 9 });
	sandbox.apio.callCenters.add({ tenantId: 'foo', groupId: 'foogroup', callCenter: 'APIOTestCCBasic@sip.netaxis.be' }, 4);
	const lines = guideLines(sandbox);
	expect(lines).toContainEqual(expect.stringMatching(/^ {4}2829: 3 services \(40790 "California_QC", 1000000 "Generated_2829_\d+", 1000001 "Generated_2829_\d+"\)$/));
	expect(lines).toContain('    21429: queue with 9 calls on hold; launches manual calls');
	expect(lines).toContain('    foo / foogroup / APIOTestCCBasic@sip.netaxis.be (4 agents)');
});

test('every LiveVox call center lists the services it is printed with, and each supervisor service answers', async () => {
	const ids = sandboxIds(sandbox);
	for (const { callCenterId, serviceCount, services } of ids.livevox.callCenters) {
		const listed = await runLiveVox(sandbox, { resource: 'service', operation: 'list', callCenterId, returnAll: true });
		expect(listed.error).toBeUndefined();
		expect(listed.items).toHaveLength(serviceCount);
		const names = new Map(listed.items.map(({ json }) => [json.serviceId, json.name]));
		for (const service of services) expect(names.get(service.serviceId)).toBe(service.name);
	}
	const serviceIds = ids.livevox.supervisorServices.map((service) => service.serviceId).join(', ');
	const stats = await runLiveVox(sandbox, { resource: 'supervisorCall', operation: 'getQueueStats', serviceIds });
	expect(stats.error).toBeUndefined();
	expect(stats.items.map(({ json }) => json.serviceId)).toEqual([21429, 50123, 112231]);
	expect(stats.items[0].json.callsOnHold).toBe(2);
	const notDialed = await runLiveVox(sandbox, { resource: 'supervisorCall', operation: 'getNonAttemptedCalls', serviceIds: '50123' });
	expect(notDialed.items).toHaveLength(1);
});

test('every VCC Live project and APIO call center answers statistics as printed', async () => {
	const ids = sandboxIds(sandbox);
	for (const { projectId, queues } of ids.vcclive.projects) {
		const rows = await runInbound(sandbox, { from: '2024-04-01', to: '2024-04-02', dimensions: ['project', 'queue'], projects: String(projectId) });
		expect(rows.error).toBeUndefined();
		expect(rows.items.map(({ json }) => [json.projectid, json.queueid])).toEqual(queues.map((queue) => [projectId, queue]));
	}
	for (const key of ids.apio.callCenters) {
		const result = await runApio(sandbox, {
			operation: 'getStatistics',
			...callCenterParameters(key),
			start: '2021-01-01T00:00:00',
			end: '2021-01-08T00:00:00',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.filter(({ json }) => json.level === 'agent')).toHaveLength(key.agents);
	}
});

test('every VCC Live project lists the quota IDs printed, and Project → List the folders', async () => {
	for (const { projectid } of PROJECTS) {
		const result = await runVccLive(sandbox, { resource: 'project', operation: 'getQuotas', projectId: String(projectid) });
		expect(result.error).toBeUndefined();
		expect(result.items.map(({ json }) => json.quotaid)).toEqual(sandbox.vcclive.quotas.of(projectid).map((quota) => quota.quotaid));
	}
	const listed = await runVccLive(sandbox, { resource: 'project', operation: 'list', returnAll: true });
	expect(listed.items.filter(({ json }) => json.container === true).map(({ json }) => json.projectid)).toEqual([9001, 9002]);
});

test('`npm run sandbox` prints the guide under the logins', async () => {
	const cli = spawn(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', path.join(__dirname, 'cli.ts')], {
		env: { ...process.env, SANDBOX_PORT: '0' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let printed = '';
	try {
		printed = await new Promise<string>((resolve, reject) => {
			let text = '';
			cli.stdout.on('data', (chunk: Buffer) => {
				text += chunk.toString();
				if (text.includes('Press Ctrl+C')) resolve(text);
			});
			cli.on('exit', (code) => reject(new Error(`the sandbox CLI exited (${code}): ${text}`)));
		});
	} finally {
		const exited = new Promise((resolve) => cli.once('exit', resolve));
		if (cli.exitCode === null) cli.kill('SIGTERM');
		await exited;
	}
	const printedLines = printed.split('\n');
	const fresh = guideLines(sandbox);
	const at = printedLines.indexOf(fresh[0]);
	expect(at).toBeGreaterThan(printedLines.indexOf('VCC Live demo login (credential fields):'));
	expect(printedLines.slice(at, at + fresh.length)).toEqual(fresh);
});

test('the README lists the same IDs', () => {
	const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('### IDs to try in the sandbox'), readme.indexOf('## Examples'));
	const row = (vendor: string, field: string) =>
		section.split('\n').find((line) => line.startsWith(`| ${vendor} | ${field}`)) ?? `no ${vendor} ${field} row`;
	const ids = sandboxIds(sandbox);
	const callCenters = row('LiveVox', 'Call Center ID');
	for (const { callCenterId, serviceCount, services } of ids.livevox.callCenters) {
		expect(callCenters).toContain(`${callCenterId} (${serviceCount} service${serviceCount === 1 ? '' : 's'}: ${services[0].serviceId}`);
	}
	const supervisorServices = row('LiveVox', 'Service IDs');
	for (const { serviceId } of ids.livevox.supervisorServices) expect(supervisorServices).toContain(`${serviceId} (`);
	expect(supervisorServices).toContain(`${ids.livevox.supervisorServices[0].serviceId} (a queue with 2 calls on hold`);
	const projects = row('VCC Live', 'Project IDs');
	for (const { projectId, queues } of ids.vcclive.projects) expect(projects).toContain(`${projectId} (queue${queues.length === 1 ? '' : 's'} ${queues.join(', ')})`);
	const records = row('VCC Live', 'Record IDs');
	for (const { projectId, records: recordIds } of ids.vcclive.projects) expect(records).toContain(`${recordIds.join(', ')} (project ${projectId})`);
	const quotas = row('VCC Live', 'Quota IDs');
	for (const { projectid } of PROJECTS) {
		const quotaIds = sandbox.vcclive.quotas.of(projectid).map((quota) => quota.quotaid);
		expect(quotas).toContain(`${quotaIds[0]}–${quotaIds[quotaIds.length - 1]} (project ${projectid})`);
	}
	const apio = row('Netaxis APIO', 'Tenant');
	for (const key of ids.apio.callCenters) {
		for (const part of [key.tenantId, key.groupId, key.callCenter]) expect(apio).toContain(`\`${part}\``);
	}
});
