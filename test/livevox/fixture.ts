import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { RunOptions, RunResult } from '../engine/harness';
import { runNode } from '../engine/harness';
import type { RecordedRequest, Sandbox } from '../sandbox/server';

/** A LiveVox credential pointing at the sandbox, with the sandbox's demo login and an empty session. */
export function liveVoxCredentials(
	sandbox: Sandbox,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		environment: 'custom',
		customBaseUrl: sandbox.livevoxUrl,
		apiVersion: '',
		clientName: sandbox.livevox.account.clientName,
		userName: sandbox.livevox.account.userName,
		password: sandbox.livevox.account.password,
		accessToken: sandbox.livevox.account.accessToken,
		agent: false,
		sessionId: '',
		...overrides,
	};
}

/** A resource-locator value given by ID, as n8n stores it. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** Runs the LiveVox node once against the sandbox. */
export async function runLiveVox(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: Partial<RunOptions> = {},
): Promise<RunResult> {
	return await runNode({
		type: 'liveVox',
		parameters,
		credentials: { liveVoxApi: liveVoxCredentials(sandbox) },
		...options,
	});
}

/** The requests the sandbox received, without the logins. */
export const apiCalls = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => !request.path.endsWith('/login'));

/** Method, path, query and body of a recorded request: what a test compares with the documentation. */
export const sent = ({ method, path, query, body }: RecordedRequest) => ({ method, path, query, body });

export const jsonOf = (result: RunResult) => result.items.map((item) => item.json);
