/**
 * The LiveVox imitation, mounted at /livevox, and the controls tests use to steer it
 * (account, permissions, session expiry, clock, bulk data).
 *
 * Order of checks on every call: optional version segment removed → login route →
 * LV-Access / LV-Session → JSON body → the route families (Services today; Reporting and
 * Supervisor will be added to ROUTE_FAMILIES beside it) → 404 "No route".
 */
import type { SandboxRequest, SandboxResponse, SandboxVendor } from '../types';
import { livevoxError, stripApiVersion } from './request';
import { handleServicesCall } from './services';
import type { LiveVoxPermissions, ServicesContext } from './services';
import { ServicesStore } from './servicesStore';
import { handleReportingCall, ReportingState } from './reporting';
import { handleSupervisorCall } from './supervisor';
import { SupervisorStore } from './supervisorStore';
import type { LiveVoxAccount, SessionExpiry } from './session';
import { checkSession, DEMO_ACCOUNT, handleLogin, isLoginRoute, SessionStore } from './session';

export type { LiveVoxAccount, SessionExpiry } from './session';
export type { LiveVoxPermissions } from './services';
export type { ServiceRecord } from './servicesModel';
export { ServicesStore } from './servicesStore';
export { SupervisorStore } from './supervisorStore';
export { DEMO_ACCOUNT, LOGIN_IDS, SESSION_IDLE_LIMIT_MS } from './session';

/** One family of LiveVox routes: answers its own paths, returns undefined for the rest. */
type RouteFamily = (route: readonly string[], request: SandboxRequest, sandbox: LiveVoxSandbox) => SandboxResponse | undefined;

const ROUTE_FAMILIES: readonly RouteFamily[] = [
	(route, request, sandbox) => handleServicesCall(route, request, sandbox),
	(route, request, sandbox) => handleSupervisorCall(route, request, sandbox),
	(route, request, sandbox) => handleReportingCall(route, request, sandbox),
];

export class LiveVoxSandbox implements SandboxVendor, ServicesContext {
	readonly name = 'livevox';
	readonly prefix = '/livevox';

	/** The one account that can log in; tests may replace it or change single fields. */
	account: LiveVoxAccount = { ...DEMO_ACCOUNT };
	permissions: LiveVoxPermissions = { modifyServices: true };

	/**
	 * The sandbox clock (epoch ms), used for session idle expiry and lastModified stamps.
	 * Tests may replace it to move time forward; seed data never depends on it.
	 */
	now: () => number = () => Date.now();

	private readonly sessions = new SessionStore(() => this.now());
	readonly services = new ServicesStore(() => this.now());
	/** Supervisor call queues, non-attempted calls and callbacks, on the same clock. */
	readonly supervisor = new SupervisorStore(() => this.now(), this.services);
	/** Settings of the generated report data (size, tenant zone, range maxima, the 202 answer). */
	readonly reporting = new ReportingState();

	/** Number of successful logins (a repeated login that returns the same session counts too). */
	get loginCount(): number {
		return this.sessions.loginCount;
	}

	/** Logins made while the session was still live, and sessions a call was refused with after they expired. */
	get sessionStats(): { logins: number; redundantLogins: number; expiredSessions: number } {
		return { logins: this.sessions.loginCount, redundantLogins: this.sessions.redundantLogins, expiredSessions: this.sessions.expiredSessions };
	}

	/** Sessions end after so many accepted calls, or so long after their login (cleared by reset). */
	expireSessionsAfter(expiry: SessionExpiry): void {
		this.sessions.expiry = { ...expiry };
	}

	/** Every current session becomes invalid: calls with it get 401 and the next login gets a new id. */
	expireSessions(): void {
		this.sessions.expireAll();
	}

	/** Back to seed data, demo account, full permissions and the real clock; sessions and login count cleared. */
	reset(): void {
		this.account = { ...DEMO_ACCOUNT };
		this.permissions = { modifyServices: true };
		this.now = () => Date.now();
		this.sessions.clear();
		this.services.reset();
		this.supervisor.reset();
		this.reporting.reset();
	}

	/** Adds a call center with `serviceCount` generated services (or adds them to an existing one). */
	seedCallCenter(callCenterId: number, serviceCount: number): void {
		this.services.seedCallCenter(callCenterId, serviceCount);
	}

	handle(request: SandboxRequest): Promise<SandboxResponse> {
		return Promise.resolve(this.answer(request));
	}

	private answer(request: SandboxRequest): SandboxResponse {
		const route = stripApiVersion(request.segments);
		if (isLoginRoute(request.method, route)) return handleLogin(request, this.account, this.sessions);
		const denied = checkSession(request, this.account, this.sessions);
		if (denied) return denied;
		if (request.invalidJson) return livevoxError(400, 'Request body is not valid JSON');
		for (const family of ROUTE_FAMILIES) {
			const response = family(route, request, this);
			if (response) return response;
		}
		return livevoxError(404, 'No route');
	}
}
