/**
 * Sessions (LiveVox) and access tokens (APIO) that run out while requests are in flight, as
 * a busy tenant's do when other jobs share the credential: after N accepted requests, or a
 * short time after their login. One execution with the default concurrency, and ten
 * executions at once sharing the credential: no run fails, and no login is made while the
 * newest session is still live (at most one login per expiry in this process).
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { RunResult } from '../engine/harness';
import { newCredentialsHelper, runNode } from '../engine/harness';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import type { Family } from '../reliability/scenarios';
import { READ_FAMILIES } from '../reliability/scenarios';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());

const family = (id: string) => READ_FAMILIES.find((candidate) => candidate.id === id) as Family;
const CREDENTIAL = { livevox: 'liveVoxApi', apio: 'netaxisApioApi' } as const;

function credentialOf(vendor: 'livevox' | 'apio'): Record<string, ICredentialDataDecryptedObject> {
	const origin = sandbox.url;
	const credentials: Record<string, ICredentialDataDecryptedObject> = {
		liveVoxApi: { environment: 'custom', customBaseUrl: `${origin}/livevox`, apiVersion: '', clientName: 'DEMO', userName: 'demo.user', password: 'demo-password', accessToken: 'demo-access-token', agent: false, sessionId: '' },
		netaxisApioApi: { baseUrl: `${origin}/apio`, apiPrefix: '/api/v1', authMethod: 'password', username: 'apio.admin', password: 'apio-password', accessToken: '' },
	};
	return { [CREDENTIAL[vendor]]: credentials[CREDENTIAL[vendor]] };
}

async function runAll(subject: Family, executions: number): Promise<RunResult[]> {
	const credentials = credentialOf(subject.vendor as 'livevox' | 'apio');
	const credentialsHelper = newCredentialsHelper(credentials);
	const run = async () =>
		await runNode({
			type: subject.call.type,
			parameters: subject.call.parameters,
			items: subject.call.items,
			timezone: subject.call.timezone,
			credentials,
			credentialsHelper,
		});
	return await Promise.all(Array.from({ length: executions }, run));
}

function stats(vendor: string) {
	if (vendor === 'livevox') {
		const { logins, redundantLogins, expiredSessions } = sandbox.livevox.sessionStats;
		return { logins, redundantLogins, expired: expiredSessions };
	}
	const { logins, redundantLogins, expiredTokens } = sandbox.apio.tokenStats;
	return { logins, redundantLogins, expired: expiredTokens };
}

function expire(vendor: string, expiry: { afterRequests?: number; afterMs?: number }) {
	if (vendor === 'livevox') sandbox.livevox.expireSessionsAfter(expiry);
	else sandbox.apio.expireTokensAfter(expiry);
}

const expiries: Array<[string, { afterRequests?: number; afterMs?: number }]> = [
	['after 1 request', { afterRequests: 1 }],
	['after 2 requests', { afterRequests: 2 }],
	['after 3 requests', { afterRequests: 3 }],
	['after 5 requests', { afterRequests: 5 }],
	['300 ms after the login', { afterMs: 300 }],
];

describe.each([
	['LiveVox Call Event Recovery (10 days in 4 windows)', 'csv-report'],
	['APIO Get Statistics (3 items)', 'apio'],
])('%s', (_title, familyId) => {
	const subject = family(familyId);
	let reference: string[];

	beforeAll(async () => {
		sandbox.livevox.reset();
		sandbox.apio.reset();
		const [run] = await runAll(subject, 1);
		expect(run.error).toBeUndefined();
		reference = run.items.map((item) => JSON.stringify(item.json));
		expect(reference.length).toBeGreaterThan(0);
	});

	beforeEach(() => {
		sandbox.livevox.reset();
		sandbox.apio.reset();
		sandbox.faults.clear();
		sandbox.clearRequests();
	});

	test.each(expiries.flatMap(([name, expiry]) => [1, 10].map((executions) => [name, executions, expiry] as const)))(
		'sessions ending %s, %s execution(s) at once: every run completes, one login per expiry',
		async (_name, executions, expiry) => {
			expire(subject.vendor, expiry);
			const runs = await runAll(subject, executions);
			expect(runs.map((run) => run.error?.message)).toEqual(runs.map(() => undefined));
			for (const run of runs) expect(run.items.map((item) => JSON.stringify(item.json))).toEqual(reference);
			const { logins, redundantLogins, expired } = stats(subject.vendor);
			expect(redundantLogins).toBe(0);
			expect(logins).toBeGreaterThanOrEqual(1);
			expect(logins).toBeLessThanOrEqual(expired + 1);
		},
		60_000,
	);
});
