/**
 * The Netaxis APIO imitation, mounted at /apio, and the controls tests use to steer it
 * (users, token expiry, clock, call centers, how it reads the statistics range).
 *
 * Order of checks on every call: login route → Bearer token → the BroadWorks prefix
 * (/api/v1 or the proxy prefix /api/v01/apio/sync/api/v1) → the documented routes, which
 * keep their trailing slash → 404.
 */
import type { SandboxRequest, SandboxResponse, SandboxVendor } from '../types';
import type { ApioUser, TokenExpiry } from './auth';
import { apioError, checkBearer, defaultUsers, handleLogin, isLoginRoute, TokenStore } from './auth';
import { CallCenterStore } from './callCenters';
import type { RouteOptions } from './routes';
import { handleReportingSettings, handleStatistics, parseCallCenterRoute } from './routes';

export type { ApioUser, TokenExpiry } from './auth';
export { DEMO_MACHINE_TOKEN, DEMO_USER, TWO_FACTOR_USER } from './auth';
export type { CallCenterKey, ReportingSettings } from './callCenters';
export { SEED } from './callCenters';
export { RANGE_MESSAGES } from './routes';

/** The BroadWorks API as documented, and as some deployments expose it behind a proxy. */
const API_PREFIXES: ReadonlyArray<readonly string[]> = [
	['api', 'v1'],
	['api', 'v01', 'apio', 'sync', 'api', 'v1'],
];

const CURRENT_USER_ROUTE = 'api/v01/system/users/local';

function stripPrefix(segments: readonly string[]): string[] | undefined {
	const prefix = API_PREFIXES.find(
		(candidate) => segments.length > candidate.length && candidate.every((part, index) => segments[index] === part),
	);
	return prefix ? segments.slice(prefix.length) : undefined;
}

export class ApioSandbox implements SandboxVendor {
	readonly name = 'apio';
	readonly prefix = '/apio';

	users: Map<string, ApioUser> = defaultUsers();
	/** The sandbox clock (epoch ms) that "in the future" is judged by; tests may replace it. */
	now: () => number = () => Date.now();
	/** Answer logins with `{ token }` only, as older APIO versions did. */
	legacyLoginAnswer = false;
	routeOptions: Omit<RouteOptions, 'now'> = { rangeInQueryAccepted: true, dropsGetBodies: false, putReplacesAll: false };

	readonly tokens = new TokenStore();
	readonly callCenters = new CallCenterStore();

	/** Successful logins since the last reset. */
	get loginCount(): number {
		return this.tokens.loginCount;
	}

	/** Successful logins, logins made while the newest token was still valid, and tokens refused after they expired. */
	get tokenStats(): { logins: number; redundantLogins: number; expiredTokens: number } {
		return { logins: this.tokens.loginCount, redundantLogins: this.tokens.redundantLogins, expiredTokens: this.tokens.expiredTokens };
	}

	/** Access tokens end after so many accepted calls, or so long after their login (cleared by reset). */
	expireTokensAfter(expiry: TokenExpiry): void {
		this.tokens.expiry = { ...expiry };
	}

	/** Every access token issued so far is refused from now on (401); machine tokens stay valid. */
	expireTokens(): void {
		this.tokens.expireAll();
	}

	reset(): void {
		this.users = defaultUsers();
		this.now = () => Date.now();
		this.legacyLoginAnswer = false;
		this.routeOptions = { rangeInQueryAccepted: true, dropsGetBodies: false, putReplacesAll: false };
		this.tokens.clear();
		this.callCenters.reset();
	}

	handle(request: SandboxRequest): Promise<SandboxResponse> {
		return Promise.resolve(this.answer(request));
	}

	private answer(request: SandboxRequest): SandboxResponse {
		if (isLoginRoute(request.method, request.segments)) {
			return handleLogin(request, this.users, this.tokens, { legacyAnswer: this.legacyLoginAnswer });
		}
		const denied = checkBearer(request, this.tokens);
		if (denied) return denied;
		if (request.method === 'GET' && request.segments.join('/') === CURRENT_USER_ROUTE) {
			return { status: 200, body: { username: 'sandbox', ui_profile: 'admin', language: 'en' } };
		}
		const route = stripPrefix(request.segments);
		const target = route && request.path.endsWith('/') ? parseCallCenterRoute(route) : undefined;
		if (!target) return apioError(404, 'Not found');
		if (!this.callCenters.has(target.key)) {
			return { status: 404, body: { details: `Call center ${target.key.callCenter} not found in group ${target.key.groupId}` } };
		}
		const options: RouteOptions = { ...this.routeOptions, now: () => this.now() };
		if (target.resource === 'statistics') {
			if (request.method !== 'GET') return { status: 405, body: { details: 'Method not allowed' } };
			return handleStatistics(request, target.key, this.callCenters, options);
		}
		return handleReportingSettings(request, target.key, this.callCenters, options);
	}
}
