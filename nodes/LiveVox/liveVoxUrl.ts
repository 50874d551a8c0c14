/** The hosts of the LiveVox environments; the environment decides the host. */
export const LIVEVOX_ENVIRONMENTS = [
	{ name: 'NA3', value: 'https://api.livevox.com' },
	{ name: 'NA4', value: 'https://api.na4.livevox.com' },
	{ name: 'NA5', value: 'https://api.na5.livevox.com' },
	{ name: 'NA6', value: 'https://api.na6.livevox.com' },
] as const;

export const CUSTOM_ENVIRONMENT = 'custom';

export interface LiveVoxAddress {
	environment?: unknown;
	customBaseUrl?: unknown;
	apiVersion?: unknown;
}

/** The base URL without a trailing slash: the chosen environment's host, or the custom URL. */
export function liveVoxBaseUrl(address: LiveVoxAddress): string {
	const chosen =
		address.environment === CUSTOM_ENVIRONMENT
			? String(address.customBaseUrl ?? '').trim()
			: String(address.environment ?? LIVEVOX_ENVIRONMENTS[0].value);
	return chosen.replace(/\/+$/, '');
}

/**
 * Puts the optional API version after the API's first segment, the way versioned
 * LiveVox paths read: /session/login becomes /session/v6.0/login.
 */
export function liveVoxPath(path: string, apiVersion?: unknown): string {
	const version = String(apiVersion ?? '')
		.trim()
		.replace(/^\/+|\/+$/g, '');
	if (version === '') return path;
	const [, api, ...rest] = path.split('/');
	return ['', api, version, ...rest].join('/');
}
