/** Shared set-up for the Netaxis APIO engine tests: credentials, a runner and request filters. */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunOptions, RunResult } from '../engine/harness';
import { runNode } from '../engine/harness';
import type { CallCenterKey } from '../sandbox/apio';
import { DEMO_MACHINE_TOKEN, DEMO_USER } from '../sandbox/apio';
import type { RecordedRequest, Sandbox } from '../sandbox/server';

export const CREDENTIAL = 'netaxisApioApi';
export const LOGIN = '/api/v01/auth/login';

export function passwordCredential(sandbox: Sandbox, overrides: IDataObject = {}): ICredentialDataDecryptedObject {
	return {
		accessToken: '',
		baseUrl: sandbox.apioUrl,
		apiPrefix: '/api/v1',
		authMethod: 'password',
		username: DEMO_USER.username,
		password: DEMO_USER.password,
		...overrides,
	} as ICredentialDataDecryptedObject;
}

export function machineTokenCredential(sandbox: Sandbox, overrides: IDataObject = {}): ICredentialDataDecryptedObject {
	return {
		accessToken: '',
		baseUrl: sandbox.apioUrl,
		apiPrefix: '/api/v1',
		authMethod: 'machineToken',
		machineToken: DEMO_MACHINE_TOKEN,
		...overrides,
	} as ICredentialDataDecryptedObject;
}

/** The node's three call-center fields, as resource locators. */
export function callCenterParameters(key: CallCenterKey): INodeParameters {
	return {
		tenantId: { __rl: true, mode: 'id', value: key.tenantId },
		groupId: { __rl: true, mode: 'id', value: key.groupId },
		callCenter: { __rl: true, mode: 'name', value: key.callCenter },
	};
}

export async function runApio(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: Partial<Omit<RunOptions, 'type' | 'parameters' | 'credentials'>> & { credential?: ICredentialDataDecryptedObject } = {},
): Promise<RunResult> {
	const { credential, ...rest } = options;
	return await runNode({
		type: 'netaxisApio',
		parameters: { resource: 'callCenter', ...parameters },
		credentials: { [CREDENTIAL]: credential ?? passwordCredential(sandbox) },
		timezone: 'Europe/Brussels',
		...rest,
	});
}

export const apioRequests = (sandbox: Sandbox): RecordedRequest[] => sandbox.requests.filter((r) => r.vendor === 'apio');
export const logins = (sandbox: Sandbox) => apioRequests(sandbox).filter((r) => r.path === LOGIN);
export const apiCalls = (sandbox: Sandbox) => apioRequests(sandbox).filter((r) => r.path !== LOGIN);
export const jsonOf = (result: RunResult) => result.items.map((item) => item.json);

/** What the test compares of a request: method, path, query and body. */
export const sent = (request: RecordedRequest) => ({
	method: request.method,
	path: request.path,
	query: request.query,
	body: request.body,
});
