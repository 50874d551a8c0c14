/**
 * What the editor asks a running n8n with the credentials: each credential's Test button
 * (the LiveVox test logs in, its request repeats the login; VCC Live asks for one day of
 * statistics with HTTP Basic; APIO logs in and reads the local users; a wrong secret fails
 * with the vendor's refusal, and the secret is not in what n8n answers), and the VCC Live
 * node's Project and Disposition lists (version 1.1).
 */
import { n8nEnv } from '../../scripts/realN8n/n8nCli';
import type { N8nServer } from '../../scripts/realN8n/n8nServer';
import { freePort, RestSession, setUpOwner, startN8nServer, waitForN8n } from '../../scripts/realN8n/n8nServer';
import { sandboxCredentials } from '../../scripts/realN8n/sandboxCredentials';
import type { RealN8n } from './realN8nSetup';
import { startRealN8n } from './realN8nSetup';

let n8n: RealN8n;
let server: N8nServer;
let session: RestSession;
let credentials: ReturnType<typeof sandboxCredentials>;

beforeAll(async () => {
	n8n = await startRealN8n();
	credentials = sandboxCredentials(n8n.sandbox);
	await n8n.cli.importCredentials(credentials);
	server = await startN8nServer(n8nEnv(n8n.cli.userFolder, { N8N_PORT: String(await freePort()), N8N_LOG_LEVEL: 'warn' }), 'ignore');
	await waitForN8n(server);
	await setUpOwner(server.url);
	session = await RestSession.logIn(server.url);
});
afterAll(async () => {
	await server?.stop();
	await n8n?.close();
});
beforeEach(() => n8n.sandbox.clearRequests());

interface TestResult {
	status: 'OK' | 'Error';
	message: string;
}

const testCredential = (credential: (typeof credentials)[number], data: object = credential.data) =>
	session.post<TestResult>('credentials/test', { credentials: { id: credential.id, name: credential.name, type: credential.type, data } });

/** A recognisable wrong secret, to check it is refused and never echoed. */
const wrongSecret = (vendor: string) => `Wrong-${vendor}-Secret-1`;

const calls = () => n8n.sandbox.requests.map((request) => `${request.vendor} ${request.method} ${request.path} ${request.status}`);

test('LiveVox: the test logs in', async () => {
	const [liveVox] = credentials;
	expect(await testCredential(liveVox)).toMatchObject({ status: 'OK' });
	expect(calls()).toContain('livevox POST /session/login 200');
	expect(calls().every((call) => call.startsWith('livevox POST /session/login'))).toBe(true);
});

test('LiveVox: a wrong password fails the test, without the password in the answer', async () => {
	const [liveVox] = credentials;
	const result = await testCredential(liveVox, { ...liveVox.data, password: wrongSecret('LiveVox') });
	expect(result.status).toBe('Error');
	expect(JSON.stringify(result)).not.toContain(wrongSecret('LiveVox'));
	expect(calls()).toContain('livevox POST /session/login 401');
});

test('VCC Live: the test asks for statistics with HTTP Basic', async () => {
	const vccLive = credentials[1];
	expect(await testCredential(vccLive)).toMatchObject({ status: 'OK' });
	expect(calls()).toEqual(['vcclive GET /v2/statistics/inbound 200']);
	const wrong = await testCredential(vccLive, { ...vccLive.data, apiToken: wrongSecret('VccLive') });
	expect(wrong.status).toBe('Error');
	expect(JSON.stringify(wrong)).not.toContain(wrongSecret('VccLive'));
});

test('Netaxis APIO: the test logs in and reads the local users', async () => {
	const apio = credentials[2];
	expect(await testCredential(apio)).toMatchObject({ status: 'OK' });
	expect(calls()).toEqual(['apio POST /api/v01/auth/login 200', 'apio GET /api/v01/system/users/local 200']);
	const wrong = await testCredential(apio, { ...apio.data, password: wrongSecret('Apio') });
	expect(wrong.status).toBe('Error');
	expect(JSON.stringify(wrong)).not.toContain(wrongSecret('Apio'));
});

describe('VCC Live lists, as the editor loads them', () => {
	const vccLive = () => credentials[1];
	const request = (methodName: string, projectId: unknown) => ({
		path: methodName === 'searchProjects' ? 'projectId' : 'dispositionId',
		methodName,
		nodeTypeAndVersion: { name: 'n8n-nodes-callcenter.vccLive', version: 1.1 },
		currentNodeParameters: { resource: 'record', operation: 'addDisposition', projectId },
		credentials: { vccLiveApi: { id: vccLive().id, name: vccLive().name } },
	});

	test('the Project list: the projects of GET /v2/projects, no folder', async () => {
		const found = await session.post<{ results: Array<{ name: string; value: string }> }>(
			'dynamic-node-parameters/resource-locator-results',
			{ ...request('searchProjects', { __rl: true, mode: 'list', value: '' }), filter: 'sales' },
		);
		expect(found.results.map((result) => result.value)).toEqual(['214', '370']);
		expect(found.results[0].name).toBe('Sales - Budapest (214)');
		expect(calls()).toEqual(['vcclive GET /v2/projects 200']);
	});

	test('the Disposition list: the dispositions of the picked project', async () => {
		const options = await session.post<Array<{ name: string; value: string }>>(
			'dynamic-node-parameters/options',
			request('getDispositions', { __rl: true, mode: 'list', value: '214', cachedResultName: 'Sales - Budapest (214)' }),
		);
		expect(options.map((option) => option.value).sort()).toEqual(['1', '2', '3']);
		expect(calls()).toEqual(['vcclive GET /v2/projects/214 200']);
	});
});
