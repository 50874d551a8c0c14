import type { FailureWords } from './failureMessage';
import type { RequestKind } from './retry';
import { LoginFailed, SessionKeptExpiring } from './sessions';

export interface SessionWordsContext {
	vendor: string;
	kind: RequestKind;
	/** The words for the failed login itself (refused credentials, a busy service, ...). */
	loginWords: (failed: LoginFailed) => FailureWords;
	/** The vendor's message in the last refusal, if any. */
	vendorMessage?: (response: unknown) => string | undefined;
	/** What to do about a 401 where the operation knows better (a 401 that is not about the session). */
	hint401?: string;
}

const NOT_APPLIED = 'Nothing was changed: each refusal (401) means the change was not applied, so it is safe to run it again.';

/**
 * The words for a request the session logic gave up on: a login that failed ("the login was
 * refused", or the service could not answer it), or a session that kept expiring although
 * every login succeeded. Undefined for any other error.
 */
export function sessionFailureWords(error: unknown, context: SessionWordsContext): FailureWords | undefined {
	const { vendor, kind } = context;
	if (error instanceof SessionKeptExpiring) {
		const said = context.vendorMessage?.(error.response);
		const logins = error.logins === 1 ? 'a new login' : `each of ${error.logins} new logins`;
		return {
			message: `${vendor} kept refusing the session: the request was refused (401) after ${logins}, although the login succeeded${said ? `: ${said}` : ''}`,
			description: [
				context.hint401 ??
					`The session kept expiring before the request was answered (sent ${error.sends} times, ${error.logins} logins). Another job or person logging in with the same ${vendor} user can end its sessions: run again, or give this workflow a user of its own.`,
				kind === 'write' ? NOT_APPLIED : '',
			]
				.filter(Boolean)
				.join(' '),
		};
	}
	if (!(error instanceof LoginFailed)) return undefined;
	const words = context.loginWords(error);
	if (kind !== 'write') return words;
	return {
		message: `The change was not made: the login to ${vendor} failed (${words.message})`,
		description: `${vendor} refuses a request without a valid session, so nothing was applied. ${words.description} Then run it again.`,
	};
}
