import { DEMO_USER } from '../../test/sandbox/apio';
import type { Sandbox } from '../../test/sandbox/server';

/** A LiveVox API credential, as n8n imports it, pointing at the sandbox. */
export function liveVoxCredential(sandbox: Sandbox, id = 'lvSandboxCred001') {
	const { account } = sandbox.livevox;
	return {
		id,
		name: 'LiveVox sandbox',
		type: 'liveVoxApi',
		data: {
			environment: 'custom',
			customBaseUrl: sandbox.livevoxUrl,
			apiVersion: '',
			clientName: account.clientName,
			userName: account.userName,
			password: account.password,
			accessToken: account.accessToken,
			agent: false,
			sessionId: '',
		},
	};
}

/** How a node refers to an imported credential. */
export const reference = (credential: { id: string; name: string }) => ({ id: credential.id, name: credential.name });

/** A VCC Live API credential pointing at the sandbox (the user defaults to the customer). */
export function vccLiveCredential(sandbox: Sandbox, id = 'vccSandboxCred01') {
	const { account } = sandbox.vcclive;
	return {
		id,
		name: 'VCC Live sandbox',
		type: 'vccLiveApi',
		data: { customer: account.user, baseUrl: sandbox.vccliveUrl, user: '', apiToken: account.token },
	};
}

/** A Netaxis APIO API credential pointing at the sandbox, logging in with user name and password. */
export function apioCredential(sandbox: Sandbox, id = 'apioSandboxCred1') {
	return {
		id,
		name: 'Netaxis APIO sandbox',
		type: 'netaxisApioApi',
		data: {
			baseUrl: sandbox.apioUrl,
			apiPrefix: '/api/v1',
			authMethod: 'password',
			username: DEMO_USER.username,
			password: DEMO_USER.password,
			accessToken: '',
		},
	};
}

/** A credential for every vendor the sandbox imitates, as `n8n import:credentials` reads them. */
export function sandboxCredentials(sandbox: Sandbox) {
	return [liveVoxCredential(sandbox), vccLiveCredential(sandbox), apioCredential(sandbox)];
}
