import type { FailureFacts } from '../shared/retry';

/**
 * Every message of a failed login starts with these words. The login runs in the
 * credential's preAuthentication, and n8n wraps what it throws in a NodeApiError (the
 * error kept as its cause), so the transport recognises a failed login by them.
 */
export const LOGIN_FAILED = 'Netaxis APIO login failed';

/** A failed login, with what the retry policy needs: the status and Retry-After of its answer, or the network code. */
export class ApioLoginError extends Error {
	constructor(
		reason: string,
		readonly description: string,
		/** A 401 for a refusal of the account, the status or network code of an answer that was not one. */
		readonly facts: FailureFacts = { status: 401 },
	) {
		super(`${LOGIN_FAILED}: ${reason}`);
		this.name = 'ApioLoginError';
	}

	/** Whether the account itself was refused (wrong user or password, a second factor, an incomplete credential): never worth repeating. */
	get refused(): boolean {
		return this.facts.status === 401 || this.facts.status === 403;
	}
}

/**
 * What the last failed login of a credential's data met, for the retry policy: n8n's
 * helper keeps only the words of the error preAuthentication threw, not the error itself.
 */
export const lastLoginFailure = new WeakMap<object, FailureFacts>();

/**
 * n8n's requestWithAuthentication runs preAuthentication a second time, with the same
 * credentials object, at once after any failure, including a failed login. Repeating a
 * refused login adds to the account's failed attempts and sends a second two-factor
 * challenge; repeating a login APIO could not answer ignores its Retry-After. So a failure is
 * remembered for that object and given again without a request; the transport forgets one
 * APIO could not answer before it tries the login again, after the wait the policy says.
 */
export const failedLogins = new WeakMap<object, ApioLoginError>();

/** Forgets a remembered failed login that may go another way next time (not a refusal of the account). */
export function forgetPassingLoginFailure(credentials: object): void {
	if (failedLogins.get(credentials)?.refused === false) failedLogins.delete(credentials);
}

/** What to do about a login answered with `status`: only a 404 or a non-APIO answer points at the Base URL. */
export function loginStatusHint(status: number, loginPath: string): string {
	if (status === 401 || status === 403) {
		return 'Check the User Name and Password in the credential; the account may also be locked or expired.';
	}
	if (status === 429) return 'APIO is busy (it limits the rate of logins): wait a minute and run again.';
	if (status >= 500) return 'APIO is failing to answer logins: try again later; if it goes on, ask your APIO administrator.';
	return `Check that the Base URL points at APIO: the login is sent to ${loginPath} on it.`;
}
