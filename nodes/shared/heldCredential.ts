import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import { readHttpFailure } from './httpFailure';
import type { FailureFacts } from './retry';
import { withRetry } from './retry';
import { LoginFailed, MAX_LOGINS_PER_REQUEST, sessionClock, SessionKeptExpiring, sessionState } from './sessions';

interface CredentialContext {
	getCredentials(type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject>;
	getNode(): INode;
}

/** One call through n8n's authenticated request helpers, with the credential options given. */
export type SendWithCredential<T> = (credentialOptions: IAdditionalCredentialOptions) => Promise<T>;

export interface HeldCredential {
	/** The credential's data, kept current: n8n writes each new session or token into it. */
	readonly data: ICredentialDataDecryptedObject;
	/** What tells this account apart in this process (type, credential id, scope): the key of what executions share. */
	readonly key: string;
	/**
	 * Sends a call with the held credential, logging in (through n8n) when there is no token.
	 * One login is in flight per credential in this process: calls sent meanwhile, and calls
	 * refused together, wait for it and are sent with its token. A call refused (`refused`)
	 * with a token older than the newest is sent again with the newest; refused with the
	 * newest, it logs in again, at most MAX_LOGINS_PER_REQUEST times, then throws
	 * SessionKeptExpiring. A refused call changed nothing, so this holds for writes too. A
	 * login that fails is retried under the read retry policy (it changes nothing), then
	 * thrown as LoginFailed, to the calls that waited for it too.
	 */
	send<T>(sendOnce: SendWithCredential<T>, refused?: (response: T) => boolean): Promise<T>;
}

export interface HoldOptions {
	itemIndex?: number;
	/**
	 * The hidden, expirable field n8n's preAuthentication fills (a session id, an access
	 * token), or a function that says it from the data; none: a credential that never logs in.
	 */
	tokenField?: string | ((data: ICredentialDataDecryptedObject) => string | undefined);
	/** What tells this account apart from others under the same credential id (its address, its user). */
	scope?: (data: ICredentialDataDecryptedObject) => string;
	/** Reads a failed login for the retry policy (status, Retry-After, network code), from what n8n threw or the data. */
	describeLoginFailure?: (error: unknown, data: ICredentialDataDecryptedObject) => FailureFacts;
	/** Called before each login attempt (a vendor's credential may have remembered the last failure). */
	beforeLogin?: (data: ICredentialDataDecryptedObject) => void;
}

/** Sends a call refused with an old token may make without counting (bounds a run of other calls' logins). */
const MAX_FREE_RESENDS = 10;

/**
 * Reads a credential once and hands it to n8n's helpers with every call (as
 * `credentialsDecrypted`), instead of n8n reading and decrypting it from its database for
 * each request.
 */
export async function holdCredential(context: CredentialContext, type: string, options: HoldOptions = {}): Promise<HeldCredential> {
	const data = await context.getCredentials(type, options.itemIndex);
	const tokenField = typeof options.tokenField === 'function' ? options.tokenField(data) : options.tokenField;
	const details = context.getNode().credentials?.[type];
	const credentialOptions: IAdditionalCredentialOptions = {
		credentialsDecrypted: { id: details?.id ?? '', name: details?.name ?? '', type, data },
	};
	const key = `${type}\u0000${details?.id ?? ''}\u0000${options.scope?.(data) ?? ''}`;
	if (tokenField === undefined) {
		return { data, key, send: async (sendOnce) => await sendOnce(credentialOptions) };
	}
	const state = sessionState(key);
	// Tokens obtained before this credential was read are what the data holds already, or older.
	const heldSince = sessionClock.tick();
	const describe = options.describeLoginFailure ?? readHttpFailure;

	/** Waits for the login in flight; takes the newest token; throws the failure of a login waited for. */
	async function settle(): Promise<void> {
		const since = sessionClock.now();
		while (state.login) await state.login;
		if (state.failure && state.failure.at > since) throw state.failure.error;
		if (state.token && state.obtainedAt > heldSince) data[tokenField as string] = state.token;
	}

	/** Sends with no token, so n8n logs in first; a login that fails is retried as a read. */
	async function logInAndSend<T>(sendOnce: SendWithCredential<T>): Promise<{ response: T; token: unknown; loggedIn: true }> {
		const field = tokenField as string;
		const attempt = async (): Promise<{ response: T } | { thrown: unknown }> => {
			data[field] = '';
			options.beforeLogin?.(data);
			try {
				return { response: await sendOnce(credentialOptions) };
			} catch (error) {
				// No token in the data: n8n's login failed, and the call itself was not sent.
				if (!data[field]) {
					// Not for n8n: the transport turns it into a NodeApiError with the vendor's words.
					const failed = new LoginFailed(error);
					throw failed;
				}
				return { thrown: error };
			}
		};
		const running = withRetry(attempt, {
			kind: 'read',
			describe: (error) => (error instanceof LoginFailed ? describe(error.error, data) : {}),
		});
		const login: Promise<void> = running.then(
			() => undefined,
			() => undefined,
		);
		state.login = login;
		const result = await running;
		if (state.login === login) state.login = undefined;
		if (!result.ok) {
			const failed = result.error instanceof LoginFailed ? result.error : new LoginFailed(result.error);
			failed.attempts = result.attempts;
			state.failure = { error: failed, at: sessionClock.tick() };
			throw failed;
		}
		const token = String(data[field] ?? '');
		state.token = token;
		state.obtainedAt = sessionClock.tick();
		if ('thrown' in result.value) throw result.value.thrown;
		return { response: result.value.response, token, loggedIn: true };
	}

	/** Sends now: with the token held (after any login in flight), or logging in when there is none. */
	async function sendNow<T>(sendOnce: SendWithCredential<T>): Promise<{ response: T; token: unknown; loggedIn: boolean }> {
		const field = tokenField as string;
		for (;;) {
			await settle();
			// Checked and acted on without a pause: no other call can start a login in between.
			if (state.login) continue;
			const token = data[field];
			if (token) return { response: await sendOnce(credentialOptions), token, loggedIn: false };
			return await logInAndSend(sendOnce);
		}
	}

	return {
		data,
		key,
		async send<T>(sendOnce: SendWithCredential<T>, refused: (response: T) => boolean = () => false): Promise<T> {
			const field = tokenField;
			let sent = await sendNow(sendOnce);
			let logins = sent.loggedIn ? 1 : 0;
			let freeResends = 0;
			for (let sends = 1; ; sends++) {
				if (!refused(sent.response)) return sent.response;
				const newer = state.token !== undefined && state.token !== sent.token && state.obtainedAt > heldSince;
				if (state.login || (newer && freeResends < MAX_FREE_RESENDS)) {
					// Refused with a token older than the newest (or than the one a login is getting):
					// sent again with the newest, not counted as a failure.
					freeResends++;
					if (!state.login && state.token) data[field] = state.token;
					sent = await sendNow(sendOnce);
					if (sent.loggedIn) logins++;
					continue;
				}
				if (logins >= MAX_LOGINS_PER_REQUEST) throw new SessionKeptExpiring(sent.response, logins, sends);
				// Refused with the newest token: this call logs in, the others refused meanwhile wait for it.
				logins++;
				sent = await logInAndSend(sendOnce);
			}
		},
	};
}
