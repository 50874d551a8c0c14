/**
 * The credential on its own, as n8n's credential test runs it: preAuthentication (a login,
 * or nothing for a machine token), then the test request with the Authorization header of
 * `authenticate` and the base URL resolved from its expression.
 */
import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { NetaxisApioApi } from '../../credentials/NetaxisApioApi.credentials';
import { newCredentialsHelper, nodeTypes } from '../engine/harness';
import { TWO_FACTOR_USER } from '../sandbox/apio';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apioRequests, CREDENTIAL, machineTokenCredential, passwordCredential } from './fixture';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.apio.reset();
	sandbox.clearRequests();
});

const credentialType = new NetaxisApioApi();
const helpers = { helpers: { httpRequest } };
const node: INode = { id: 'n', name: 'Test', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });

/** What n8n does to test a credential: preAuthentication, then the test request, authenticated. */
async function testCredential(credentials: ICredentialDataDecryptedObject): Promise<unknown> {
	const data = { ...credentials };
	Object.assign(data, await credentialType.preAuthentication.call(helpers, data));
	const { baseURL, url, method } = credentialType.test.request;
	const request: IHttpRequestOptions = {
		method,
		url: url as string,
		baseURL: String(workflow.expression.getSimpleParameterValue(node, baseURL as string, 'internal', { $credentials: data })),
		json: true,
	};
	const helper = newCredentialsHelper({ [CREDENTIAL]: data });
	return await httpRequest(await helper.authenticate(data, CREDENTIAL, request, workflow, node));
}

test('user name and password: a login, then the test request with the new access token', async () => {
	await testCredential(passwordCredential(sandbox, { baseUrl: `${sandbox.apioUrl}/ ` }));
	const [login, check] = apioRequests(sandbox);
	expect(login.path).toBe('/api/v01/auth/login');
	expect(check).toMatchObject({ method: 'GET', path: '/api/v01/system/users/local', status: 200 });
	expect(check.headers.authorization).toMatch(/^Bearer access-1-/);
});

test('machine token: no login; the test request carries the machine token', async () => {
	await testCredential(machineTokenCredential(sandbox));
	expect(apioRequests(sandbox).map((request) => [request.path, request.status])).toEqual([
		['/api/v01/system/users/local', 200],
	]);
});

test('a wrong machine token fails the test', async () => {
	await expect(testCredential(machineTokenCredential(sandbox, { machineToken: 'nope-nope' }))).rejects.toThrow();
});

test('a two-factor account fails the test with the machine-token advice', async () => {
	await expect(testCredential(passwordCredential(sandbox, TWO_FACTOR_USER))).rejects.toThrow(/second factor/);
});
