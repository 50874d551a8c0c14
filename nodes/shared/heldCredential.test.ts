import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { holdCredential } from './heldCredential';

const node = {
	id: '1',
	name: 'Test',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { someApi: { id: 'cred-7', name: 'My account' } },
} as INode;

function contextWith(stored: ICredentialDataDecryptedObject) {
	const asked: Array<[string, number | undefined]> = [];
	return {
		asked,
		context: {
			getCredentials: async (type: string, itemIndex?: number) => {
				asked.push([type, itemIndex]);
				return { ...stored };
			},
			getNode: () => node,
		},
	};
}

/**
 * Stands in for n8n's httpRequestWithAuthentication: with an empty token it "logs in" first
 * (writing a new token into the data, as n8n's preAuthentication does), then answers 401 when
 * the token it sends is not the server's current one.
 */
function fakeServer(initialToken: string) {
	const server = { current: initialToken, logins: 0, sent: [] as string[], loginsInFlight: 0, maxLoginsInFlight: 0 };
	const sendOnce = async (options: IAdditionalCredentialOptions) => {
		const data = options.credentialsDecrypted!.data!;
		if (data.sessionId === '') {
			server.loginsInFlight++;
			server.maxLoginsInFlight = Math.max(server.maxLoginsInFlight, server.loginsInFlight);
			await sleep(1);
			server.logins++;
			server.current = `session-${server.logins}`;
			Object.assign(data, { sessionId: server.current });
			server.loginsInFlight--;
		}
		const token = data.sessionId as string;
		server.sent.push(token);
		await sleep(1);
		return { statusCode: token === server.current ? 200 : 401 };
	};
	return { server, sendOnce };
}

const refused = (response: { statusCode: number }) => response.statusCode === 401;

describe('holdCredential', () => {
	test('reads the credential once and gives it to every call, under its id and name', async () => {
		const { context, asked } = contextWith({ user: 'u', sessionId: 'session-0' });
		const held = await holdCredential(context, 'someApi', { itemIndex: 2, tokenField: 'sessionId' });
		const given: IAdditionalCredentialOptions[] = [];
		for (let call = 0; call < 3; call++) {
			await held.send(async (options) => {
				given.push(options);
				return { statusCode: 200 };
			});
		}
		expect(asked).toEqual([['someApi', 2]]);
		expect(given).toHaveLength(3);
		expect(given[0].credentialsDecrypted).toEqual({ id: 'cred-7', name: 'My account', type: 'someApi', data: { user: 'u', sessionId: 'session-0' } });
		expect(given[0].credentialsDecrypted?.data).toBe(held.data);
	});

	test('without a token, the first call logs in and the calls sent alongside wait for its token', async () => {
		const { context } = contextWith({ sessionId: '' });
		const held = await holdCredential(context, 'someApi', { tokenField: 'sessionId' });
		const { server, sendOnce } = fakeServer('none yet');
		const answers = await Promise.all([1, 2, 3, 4].map(async () => await held.send(sendOnce, refused)));
		expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200]);
		expect(server.logins).toBe(1);
		expect(server.sent).toEqual(['session-1', 'session-1', 'session-1', 'session-1']);
		expect(held.data.sessionId).toBe('session-1');
	});

	test('a refused token: one login and one resend, even for calls refused together', async () => {
		const { context } = contextWith({ sessionId: 'session-0' });
		const held = await holdCredential(context, 'someApi', { tokenField: 'sessionId' });
		const { server, sendOnce } = fakeServer('session-0');
		server.current = 'expired on the server';
		const answers = await Promise.all([1, 2, 3].map(async () => await held.send(sendOnce, refused)));
		expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200]);
		expect(server.logins).toBe(1);
		expect(server.maxLoginsInFlight).toBe(1);
		// Three refused, then three with the new session.
		expect(server.sent).toEqual(['session-0', 'session-0', 'session-0', 'session-1', 'session-1', 'session-1']);
	});

	test('a token refused right after its login is sent once more with a new login, and no more', async () => {
		const { context } = contextWith({ sessionId: '' });
		const held = await holdCredential(context, 'someApi', { tokenField: 'sessionId' });
		let logins = 0;
		const sendOnce = async (options: IAdditionalCredentialOptions) => {
			const data = options.credentialsDecrypted!.data!;
			if (data.sessionId === '') Object.assign(data, { sessionId: `session-${++logins}` });
			return { statusCode: 401 };
		};
		await expect(held.send(sendOnce, refused)).resolves.toEqual({ statusCode: 401 });
		expect(logins).toBe(2);
	});

	test('without a token field (a credential that never logs in) calls are sent as they come, never resent', async () => {
		const { context } = contextWith({ machineToken: 'm', accessToken: '' });
		const held = await holdCredential(context, 'someApi', { tokenField: (data) => (data.machineToken ? undefined : 'accessToken') });
		let inFlight = 0;
		let maxInFlight = 0;
		let calls = 0;
		const sendOnce = async () => {
			calls++;
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			await sleep(1);
			inFlight--;
			return { statusCode: 401 };
		};
		await Promise.all([1, 2, 3].map(async () => await held.send(sendOnce, refused)));
		expect(calls).toBe(3);
		expect(maxInFlight).toBe(3);
		expect(held.data.accessToken).toBe('');
	});

	test('a login that fails lets the waiting calls try their own', async () => {
		const { context } = contextWith({ sessionId: '' });
		const held = await holdCredential(context, 'someApi', { tokenField: 'sessionId' });
		let attempts = 0;
		const sendOnce = async (options: IAdditionalCredentialOptions) => {
			attempts++;
			await sleep(1);
			if (attempts === 1) throw new Error('login refused');
			Object.assign(options.credentialsDecrypted!.data!, { sessionId: 'session-1' });
			return { statusCode: 200 };
		};
		const results = await Promise.allSettled([held.send(sendOnce), held.send(sendOnce)]);
		expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
		expect(attempts).toBe(2);
	});
});
