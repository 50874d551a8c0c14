/**
 * Each credential's Test names the likely field, as far as the vendor's answer tells: the
 * credential's test request is sent to the sandbox with one field wrong, and the rule n8n
 * applies to the answer's status must name that field.
 */
import type { ICredentialTestRequest } from 'n8n-workflow';

import { LiveVoxApi } from '../../credentials/LiveVoxApi.credentials';
import { NetaxisApioApi } from '../../credentials/NetaxisApioApi.credentials';
import { VccLiveApi } from '../../credentials/VccLiveApi.credentials';
import { DEMO_MACHINE_TOKEN } from '../sandbox/apio';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());

/** The message n8n's credential tester shows for a failed test answered `status` (its responseCode rules). */
function messageFor(test: ICredentialTestRequest, status: number): string | undefined {
	const rule = test.rules?.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === status);
	return rule?.type === 'responseCode' ? rule.properties.message : undefined;
}

async function liveVoxLogin(path: string, accessToken: string, password: string) {
	const response = await fetch(`${sandbox.livevoxUrl}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'LV-Access': accessToken },
		body: JSON.stringify({ clientName: 'DEMO', userName: 'demo.user', password }),
	});
	return response.status;
}

describe('LiveVox', () => {
	const { test: credentialTest } = new LiveVoxApi();

	test.each([
		['a wrong password', '/session/login', 'demo-access-token', 'wrong', /User Name and Password/],
		['a wrong access token', '/session/login', 'wrong-token', 'demo-password', /Access Token/],
		['a wrong environment or base URL (answered as a refused login)', '/elsewhere/session/login', 'demo-access-token', 'demo-password', /wrong Environment/],
	])('%s: the Test names it', async (_case, path, accessToken, password, field) => {
		const status = await liveVoxLogin(path, accessToken, password);
		expect(status).toBeGreaterThanOrEqual(400);
		expect(messageFor(credentialTest, status)).toMatch(field);
	});
});

describe('Netaxis APIO', () => {
	const { test: credentialTest } = new NetaxisApioApi();

	test.each([
		['a revoked machine token', '/api/v01/system/users/local', 'not-a-token', /Machine Token/],
		['a wrong base URL', '/nothing/here/api/v01/system/users/local', DEMO_MACHINE_TOKEN, /Base URL/],
	])('%s: the Test names it', async (_case, path, token, field) => {
		const response = await fetch(`${sandbox.url}/apio${path}`, { headers: { authorization: `Bearer ${token}` } });
		expect(messageFor(credentialTest, response.status)).toMatch(field);
	});
});

describe('VCC Live', () => {
	const { test: credentialTest } = new VccLiveApi();

	test.each([
		['a wrong API token', '/v2/statistics/inbound', 'wrong-token', /API Token/],
		['a wrong customer or base URL', '/nothing/v2/statistics/inbound', 'acme-demo-token', /Customer or Base URL/],
	])('%s: the Test names it', async (_case, path, token, field) => {
		const basic = Buffer.from(`${sandbox.vcclive.account.user}:${token}`).toString('base64');
		const response = await fetch(`${sandbox.vccliveUrl}${path}?from=20240101&to=20240101&dimensions=project&of=json`, {
			headers: { authorization: `Basic ${basic}` },
		});
		expect(messageFor(credentialTest, response.status)).toMatch(field);
	});
});
