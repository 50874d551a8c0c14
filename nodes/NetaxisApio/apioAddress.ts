/** Where APIO's BroadWorks API starts on most deployments. */
export const DEFAULT_API_PREFIX = '/api/v1';

/** APIO's own routes sit outside the BroadWorks prefix, whatever the deployment uses for it. */
export const LOGIN_PATH = '/api/v01/auth/login';

/**
 * The logged-in user's profile, which APIO's web interface reads after login. The seed
 * documents no "who am I" call; the credential test uses this one (unconfirmed).
 */
export const CURRENT_USER_PATH = '/api/v01/system/users/local';

export const MACHINE_TOKEN = 'machineToken';

interface ApioAddress {
	baseUrl?: unknown;
	apiPrefix?: unknown;
}

/** The base URL the user entered, without trailing slashes. */
export function apioBaseUrl(address: ApioAddress): string {
	return String(address.baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/** The BroadWorks API prefix with one leading slash and none at the end; empty means the default. */
export function apioApiPrefix(address: ApioAddress): string {
	const prefix = String(address.apiPrefix ?? '')
		.trim()
		.replace(/^\/+|\/+$/g, '');
	return prefix === '' ? DEFAULT_API_PREFIX : `/${prefix}`;
}

/** The full URL of a BroadWorks API path such as /tenants/foo/groups/bar/... */
export function apioApiUrl(address: ApioAddress, path: string): string {
	return `${apioBaseUrl(address)}${apioApiPrefix(address)}${path}`;
}

export function usesMachineToken(credentials: { authMethod?: unknown }): boolean {
	return credentials.authMethod === MACHINE_TOKEN;
}

/**
 * The path of one call center's resource. Each part is percent-encoded: call-center names
 * are user IDs with a domain (support@sip.example.com), and tenant or group IDs may hold
 * spaces. The documented paths end with a slash, which APIO's routes keep.
 */
export function callCenterPath(
	tenantId: string,
	groupId: string,
	callCenter: string,
	resource: 'statistics' | 'instance_statistics_reporting',
): string {
	const encoded = [tenantId, groupId, callCenter].map((part) => encodeURIComponent(part));
	return `/tenants/${encoded[0]}/groups/${encoded[1]}/services/call_centers/${encoded[2]}/${resource}/`;
}
