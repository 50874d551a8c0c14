/**
 * LiveVox sessions: POST /session/login trades the account's credentials (plus the
 * LV-Access token) for a session id; every other call must carry both LV-Access and
 * LV-Session. Sessions end after two idle hours (VENDOR-NOTES) or when a test expires them.
 */
import { createHash } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '../types';
import { isPlainObject } from '../types';
import { livevoxError } from './request';

export interface LiveVoxAccount {
	clientName: string;
	userName: string;
	password: string;
	accessToken: string;
}

export const DEMO_ACCOUNT: Readonly<LiveVoxAccount> = Object.freeze({
	clientName: 'DEMO',
	userName: 'demo.user',
	password: 'demo-password',
	accessToken: 'demo-access-token',
});

/** Fixed ids returned by every successful login. */
export const LOGIN_IDS = Object.freeze({ clientId: 1001, userId: 2001, daysUntilPasswordExpires: 42 });

/** "A session stays valid while it is used at least once in any rolling 2 hours." */
export const SESSION_IDLE_LIMIT_MS = 2 * 60 * 60 * 1000;

interface SessionRecord {
	id: string;
	/** Who logged in: a repeated login by the same user gets the same session back. */
	ownerKey: string;
	lastUsedAt: number;
	expired: boolean;
	issuedAt: number;
	/** Calls accepted with it. */
	uses: number;
	/** Whether a call was refused with it once it had expired. */
	refused: boolean;
}

/** Sessions that end sooner than LiveVox's idle limit, as a busy tenant's do when other jobs share the user. */
export interface SessionExpiry {
	/** A session accepts this many calls, then is refused (401). */
	afterRequests?: number;
	/** A session is refused this many ms (of the sandbox clock) after its login. */
	afterMs?: number;
}

export class SessionStore {
	private readonly sessions = new Map<string, SessionRecord>();
	/** Counts every session ever issued, so ids never repeat, even after expireAll(). */
	private issued = 0;
	private successfulLogins = 0;
	private redundant = 0;
	expiry: SessionExpiry = {};

	constructor(private readonly clock: () => number) {}

	/** Logins made while the user's session was still live (each returns that session). */
	get redundantLogins(): number {
		return this.redundant;
	}

	/** Sessions a call was refused with because they had expired. */
	get expiredSessions(): number {
		return [...this.sessions.values()].filter((session) => session.refused).length;
	}

	get loginCount(): number {
		return this.successfulLogins;
	}

	/** Returns the caller's live session, or opens a new one. */
	open(ownerKey: string): string {
		this.successfulLogins += 1;
		const existing = [...this.sessions.values()].find(
			(session) => session.ownerKey === ownerKey && this.isLive(session),
		);
		if (existing) {
			this.redundant += 1;
			existing.lastUsedAt = this.clock();
			return existing.id;
		}
		this.issued += 1;
		const id = sessionId(this.issued, ownerKey);
		const now = this.clock();
		this.sessions.set(id, { id, ownerKey, lastUsedAt: now, expired: false, issuedAt: now, uses: 0, refused: false });
		return id;
	}

	/** True (and the idle timer restarts) when the id names a live session. */
	use(id: string): boolean {
		const session = this.sessions.get(id);
		if (!session) return false;
		if (!this.isLive(session)) {
			session.refused = true;
			return false;
		}
		session.uses += 1;
		session.lastUsedAt = this.clock();
		return true;
	}

	expireAll(): void {
		for (const session of this.sessions.values()) session.expired = true;
	}

	clear(): void {
		this.sessions.clear();
		this.issued = 0;
		this.successfulLogins = 0;
		this.redundant = 0;
		this.expiry = {};
	}

	private isLive(session: SessionRecord): boolean {
		const { afterRequests, afterMs } = this.expiry;
		if (afterRequests !== undefined && session.uses >= afterRequests) return false;
		if (afterMs !== undefined && this.clock() - session.issuedAt >= afterMs) return false;
		return !session.expired && this.clock() - session.lastUsedAt <= SESSION_IDLE_LIMIT_MS;
	}
}

/** Deterministic, readable and unique: SESS-<counter>-<8 hex chars of a hash>. */
function sessionId(counter: number, ownerKey: string): string {
	const hash = createHash('sha256').update(`${counter}:${ownerKey}`).digest('hex').slice(0, 8);
	return `SESS-${counter}-${hash}`;
}

export function isLoginRoute(method: string, route: readonly string[]): boolean {
	return method === 'POST' && route.length === 2 && route[0] === 'session' && route[1] === 'login';
}

export function handleLogin(request: SandboxRequest, account: LiveVoxAccount, sessions: SessionStore): SandboxResponse {
	if (request.headers['lv-access'] !== account.accessToken) {
		return livevoxError(401, 'Invalid access token');
	}
	if (request.invalidJson) return livevoxError(400, 'Request body is not valid JSON');
	const body = request.body;
	if (!isPlainObject(body)) {
		return livevoxError(400, 'A JSON body with clientName, userName and password is required');
	}
	const { clientName, userName, password, agent } = body;
	if (typeof clientName !== 'string' || typeof userName !== 'string' || typeof password !== 'string') {
		return livevoxError(400, 'clientName, userName and password are required strings');
	}
	// Public clients disagree on the agent flag's name ("agent" or "isAgent"), so other keys are ignored.
	if (agent !== undefined && typeof agent !== 'boolean') {
		return livevoxError(400, "'agent' must be a boolean");
	}
	if (clientName !== account.clientName || userName !== account.userName || password !== account.password) {
		return livevoxError(401, 'Invalid client name, user name or password');
	}
	const sessionIdValue = sessions.open(`${clientName}|${userName}|${agent === true ? 'agent' : 'user'}`);
	return { status: 200, body: { sessionId: sessionIdValue, ...LOGIN_IDS } };
}

/** An error response when the call may not proceed, undefined when it may. */
export function checkSession(
	request: SandboxRequest,
	account: LiveVoxAccount,
	sessions: SessionStore,
): SandboxResponse | undefined {
	if (request.headers['lv-access'] !== account.accessToken) {
		return livevoxError(403, 'Invalid or missing access token');
	}
	const session = request.headers['lv-session'];
	if (session === undefined || !sessions.use(session)) {
		return livevoxError(401, 'Session expired or invalid');
	}
	return undefined;
}
