/** Where a VCC Live tenant answers: https://{customer}.asp.virtual-call-center.eu. */
export const VCC_LIVE_HOST_SUFFIX = '.asp.virtual-call-center.eu';

export interface VccLiveAddress {
	customer?: unknown;
	baseUrl?: unknown;
	user?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The base URL without a trailing slash: the one typed in, or the customer's own host. */
export function vccLiveBaseUrl(address: VccLiveAddress): string {
	const typed = text(address.baseUrl);
	if (typed !== '') return typed.replace(/\/+$/, '');
	return `https://${text(address.customer)}${VCC_LIVE_HOST_SUFFIX}`;
}

/** The Basic-auth user: the one typed in, or else the customer name, as VCC Live issues them. */
export function vccLiveUser(address: VccLiveAddress): string {
	return text(address.user) || text(address.customer);
}
