/**
 * APIO authentication: POST /api/v01/auth/login trades a user name and password for an
 * expiring access token (plus a refresh token); machine tokens never expire. Every other
 * call carries `Authorization: Bearer <token>`. Accounts with two-factor authentication get
 * a challenge instead of tokens, which n8n cannot answer.
 */
import { createHash } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '../types';
import { isPlainObject } from '../types';

export interface ApioUser {
	password: string;
	/** The account answers its login with a second-factor challenge. */
	twoFactor?: boolean;
}

export const DEMO_USER = Object.freeze({ username: 'apio.admin', password: 'apio-password' });
export const TWO_FACTOR_USER = Object.freeze({ username: 'apio.2fa', password: 'example-2fa-password' });
export const DEMO_MACHINE_TOKEN = 'apio-machine-token-example';

export function defaultUsers(): Map<string, ApioUser> {
	return new Map<string, ApioUser>([
		[DEMO_USER.username, { password: DEMO_USER.password }],
		[TWO_FACTOR_USER.username, { password: TWO_FACTOR_USER.password, twoFactor: true }],
	]);
}

export function apioError(status: number, message: string): SandboxResponse {
	return { status, body: { error: message } };
}

/** Access tokens that end sooner than APIO's own lifetime, as when other jobs share the account. */
export interface TokenExpiry {
	/** A token is accepted for this many calls, then refused (401). */
	afterRequests?: number;
	/** A token is refused this many ms after its login. */
	afterMs?: number;
}

interface TokenRecord {
	username: string;
	expired: boolean;
	issuedAt: number;
	uses: number;
	refused: boolean;
}

export class TokenStore {
	private readonly live = new Map<string, TokenRecord>();
	private issued = 0;
	private logins = 0;
	private redundant = 0;
	expiry: TokenExpiry = {};
	now: () => number = () => Date.now();

	/** Logins made while the user's newest token was still valid. */
	get redundantLogins(): number {
		return this.redundant;
	}

	/** Tokens a call was refused with because they had expired. */
	get expiredTokens(): number {
		return [...this.live.values()].filter((entry) => entry.refused).length;
	}

	private valid(entry: TokenRecord): boolean {
		const { afterRequests, afterMs } = this.expiry;
		if (afterRequests !== undefined && entry.uses >= afterRequests) return false;
		if (afterMs !== undefined && this.now() - entry.issuedAt >= afterMs) return false;
		return !entry.expired;
	}
	readonly machineTokens = new Set<string>([DEMO_MACHINE_TOKEN]);

	/** Successful logins (a 2FA challenge is not one). */
	get loginCount(): number {
		return this.logins;
	}

	issue(username: string): { access_token: string; refresh_token: string } {
		this.logins += 1;
		if ([...this.live.values()].some((entry) => entry.username === username && this.valid(entry))) this.redundant += 1;
		this.issued += 1;
		const access = token('access', this.issued, username);
		this.live.set(access, { username, expired: false, issuedAt: this.now(), uses: 0, refused: false });
		return { access_token: access, refresh_token: token('refresh', this.issued, username) };
	}

	/** Whether the bearer token may call the API (a live access token or a machine token). */
	accepts(bearer: string): boolean {
		if (this.machineTokens.has(bearer)) return true;
		const entry = this.live.get(bearer);
		if (entry === undefined) return false;
		if (!this.valid(entry)) {
			entry.refused = true;
			return false;
		}
		entry.uses += 1;
		return true;
	}

	/** Every access token issued so far expires; machine tokens stay valid. */
	expireAll(): void {
		for (const entry of this.live.values()) entry.expired = true;
	}

	clear(): void {
		this.live.clear();
		this.issued = 0;
		this.logins = 0;
		this.redundant = 0;
		this.expiry = {};
		this.machineTokens.clear();
		this.machineTokens.add(DEMO_MACHINE_TOKEN);
	}
}

/** Deterministic and unique: <kind>-<counter>-<8 hex chars>. */
function token(kind: string, counter: number, username: string): string {
	const hash = createHash('sha256').update(`${kind}:${counter}:${username}`).digest('hex').slice(0, 8);
	return `${kind}-${counter}-${hash}`;
}

export function isLoginRoute(method: string, segments: readonly string[]): boolean {
	return method === 'POST' && segments.join('/') === 'api/v01/auth/login';
}

export function handleLogin(
	request: SandboxRequest,
	users: ReadonlyMap<string, ApioUser>,
	tokens: TokenStore,
	options: { legacyAnswer: boolean },
): SandboxResponse {
	if (request.invalidJson || !isPlainObject(request.body)) {
		return apioError(400, 'A JSON body with username and password is required');
	}
	const { username, password } = request.body;
	if (typeof username !== 'string' || typeof password !== 'string') {
		return apioError(400, 'username and password are required strings');
	}
	const user = users.get(username);
	if (!user || user.password !== password) return apioError(401, 'Invalid username or password');
	if (user.twoFactor) return { status: 200, body: { '2fa_payload': 'c2FuZGJveC0yZmE=', option: 'email' } };
	const issued = tokens.issue(username);
	// Older APIO versions answered a single `token`.
	return { status: 200, body: options.legacyAnswer ? { token: issued.access_token } : issued };
}

/** An error response when the bearer token is missing, unknown or expired; undefined when it is good. */
export function checkBearer(request: SandboxRequest, tokens: TokenStore): SandboxResponse | undefined {
	const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
	if (!match) return apioError(401, 'Missing Bearer token');
	if (!tokens.accepts(match[1])) return apioError(401, 'Token is invalid or expired');
	return undefined;
}
