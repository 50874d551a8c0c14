import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { holdCredential } from './heldCredential';
import { retryClock } from './retry';
import { LoginFailed, MAX_LOGINS_PER_REQUEST, SessionKeptExpiring } from './sessions';

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

	test('a token refused right after its login logs in again, three logins in all, then says the session kept expiring', async () => {
		const { context } = contextWith({ sessionId: '' });
		const held = await holdCredential(context, 'someApi', { tokenField: 'sessionId' });
		let logins = 0;
		const sendOnce = async (options: IAdditionalCredentialOptions) => {
			const data = options.credentialsDecrypted!.data!;
			if (data.sessionId === '') Object.assign(data, { sessionId: `session-${++logins}` });
			return { statusCode: 401 };
		};
		const failure = await held.send(sendOnce, refused).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(SessionKeptExpiring);
		expect(failure).toMatchObject({ logins: MAX_LOGINS_PER_REQUEST, response: { statusCode: 401 } });
		expect(logins).toBe(MAX_LOGINS_PER_REQUEST);
	});

	test('a session lasting one request: each refused call logs in once, calls refused meanwhile wait for it', async () => {
		const { context } = contextWith({ sessionId: '' });
		const held = await holdCredential(context, 'someApi', { tokenField: 'sessionId' });
		let logins = 0;
		let loginsInFlight = 0;
		let maxLoginsInFlight = 0;
		const uses = new Map<string, number>();
		const sendOnce = async (options: IAdditionalCredentialOptions) => {
			const data = options.credentialsDecrypted!.data!;
			if (data.sessionId === '') {
				loginsInFlight++;
				maxLoginsInFlight = Math.max(maxLoginsInFlight, loginsInFlight);
				await sleep(1);
				Object.assign(data, { sessionId: `session-${++logins}` });
				loginsInFlight--;
			}
			const token = data.sessionId as string;
			const used = (uses.get(token) ?? 0) + 1;
			uses.set(token, used);
			await sleep(1);
			return { statusCode: used <= 1 ? 200 : 401 };
		};
		const answers = await Promise.all([1, 2, 3, 4, 5].map(async () => await held.send(sendOnce, refused)));
		expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200, 200]);
		expect(maxLoginsInFlight).toBe(1);
		expect(logins).toBe(5);
	});

	test('two executions holding the same credential: one login, the other waits and takes its session', async () => {
		const first = await holdCredential(contextWith({ sessionId: '' }).context, 'someApi', { tokenField: 'sessionId', scope: () => 'shared' });
		const second = await holdCredential(contextWith({ sessionId: '' }).context, 'someApi', { tokenField: 'sessionId', scope: () => 'shared' });
		const { server, sendOnce } = fakeServer('none yet');
		const answers = await Promise.all([first, second, first, second].map(async (held) => await held.send(sendOnce, refused)));
		expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200]);
		expect(server.logins).toBe(1);
		expect(second.data.sessionId).toBe('session-1');
		// Holding an older session than the newest of this process: sent with the newest, no login.
		const third = await holdCredential(contextWith({ sessionId: 'session-0' }).context, 'someApi', { tokenField: 'sessionId', scope: () => 'shared' });
		server.current = 'expired';
		await first.send(sendOnce, refused);
		expect(server.logins).toBe(2);
		await expect(third.send(sendOnce, refused)).resolves.toEqual({ statusCode: 200 });
		expect(server.logins).toBe(2);
		expect(server.sent.at(-1)).toBe('session-2');
		expect(third.data.sessionId).toBe('session-2');
	});

	test('a login the vendor could not answer is tried again as a read is; one that is refused is not, and fails the waiting calls too', async () => {
		const { context } = contextWith({ sessionId: '' });
		const describeLoginFailure = (error: unknown) => ({ status: (error as { status: number }).status });
		const held = await holdCredential(context, 'someApi', { tokenField: 'sessionId', describeLoginFailure });
		const saved = { ...retryClock };
		retryClock.sleep = async () => {};
		try {
			let attempts = 0;
			const busyThenFine = async (options: IAdditionalCredentialOptions) => {
				if (++attempts < 3) throw Object.assign(new Error('busy'), { status: 503 });
				Object.assign(options.credentialsDecrypted!.data!, { sessionId: 'session-1' });
				return { statusCode: 200 };
			};
			await expect(held.send(busyThenFine, refused)).resolves.toEqual({ statusCode: 200 });
			expect(attempts).toBe(3);

			const other = await holdCredential(contextWith({ sessionId: '' }).context, 'someApi', { tokenField: 'sessionId', describeLoginFailure, scope: () => 'refused' });
			let logins = 0;
			const wrongPassword = async () => {
				logins++;
				await sleep(1);
				throw Object.assign(new Error('wrong password'), { status: 401 });
			};
			const results = await Promise.allSettled([other.send(wrongPassword), other.send(wrongPassword)]);
			expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
			expect(results.map((result) => (result as PromiseRejectedResult).reason)).toEqual([expect.any(LoginFailed), expect.any(LoginFailed)]);
			expect(logins).toBe(1);
		} finally {
			Object.assign(retryClock, saved);
		}
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
});
