import type { FailureFacts } from './retry';

/**
 * What this process knows of a credential's session (or access token), shared by every
 * execution that uses the credential: the newest token a login gave, and the login in
 * flight. Executions hold their own copy of the credential's data; through this they wait
 * for one login instead of each logging in, and take the token it gave.
 */
export interface SessionState {
	/** The token of the newest login in this process. */
	token?: string;
	/** When that login ended, on the `sessionClock`. */
	obtainedAt: number;
	/** Settles when the login in flight ended (never rejects). */
	login?: Promise<void>;
	/** The failure of the last login, when it failed, with when it ended. */
	failure?: { error: LoginFailed; at: number };
}

const states = new Map<string, SessionState>();
/** A counter, not a time: what happened after what in this process. */
let clock = 0;

export const sessionClock = {
	/** A new, later moment. */
	tick: (): number => ++clock,
	now: (): number => clock,
};

/** The state of one credential (by type, id and whatever else tells accounts apart). */
export function sessionState(key: string): SessionState {
	let state = states.get(key);
	if (!state) {
		state = { obtainedAt: 0 };
		states.set(key, state);
	}
	return state;
}

/** Logins one request may cause before it gives up on a session that keeps expiring. */
export const MAX_LOGINS_PER_REQUEST = 3;

/**
 * A login failed (refused, or the vendor could not answer it). Thrown instead of the
 * error n8n's helper threw, which is kept; nothing but the login was sent.
 */
export class LoginFailed {
	constructor(
		readonly error: unknown,
		/** Login attempts made for this request (the read retry policy applies to a login). */
		public attempts = 1,
	) {}
}

/** Each login succeeded, yet the vendor refused the request again with the session it had just given. */
export class SessionKeptExpiring<T = unknown> {
	constructor(
		/** The last answer, a refusal. */
		readonly response: T,
		readonly logins: number,
		readonly sends: number,
	) {}
}

/** A login's failure as the retry policy reads it; `describe` reads the error n8n's helper threw. */
export function loginFacts(error: unknown, describe: (error: unknown) => FailureFacts): FailureFacts {
	return error instanceof LoginFailed ? describe(error.error) : {};
}
