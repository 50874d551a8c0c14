/**
 * Route table of the LiveVox Configuration API's 21 Services methods, all under
 * /configuration/services. Handlers live in servicesRead.ts and servicesWrite.ts.
 */
import type { SandboxRequest, SandboxResponse } from '../types';
import { livevoxError } from './request';
import type { ServiceHandler, ServicesContext } from './servicesContext';
import { withService } from './servicesContext';
import {
	findMatchingServices,
	getServiceListInfo,
	listServices,
	readServiceGeneral,
	readServiceInboundHours,
	readServiceMessaging,
	readServicePacing,
	readServicePhone,
	readServiceRelated,
	readServiceSettings,
} from './servicesRead';
import {
	addServiceCallerId,
	addServiceInboundHours,
	createService,
	deleteService,
	removeServiceCallerId,
	removeServiceInboundHours,
	updateServiceGeneral,
	updateServiceInboundHours,
	updateServiceMessagingProperty,
	updateServicePhone,
	updateServiceSettings,
} from './servicesWrite';

export type { LiveVoxPermissions, ServicesContext } from './servicesContext';

interface ServiceRoute {
	method: 'GET' | 'POST' | 'DELETE';
	/** Segments after /configuration/services; ":name" captures a parameter. */
	pattern: readonly string[];
	/** Writes need the "Modify Services" power (Find Matching is a POST but a read). */
	write: boolean;
	handler: ServiceHandler;
}

const ROUTES: readonly ServiceRoute[] = [
	{ method: 'POST', pattern: [], write: true, handler: createService },
	{ method: 'GET', pattern: [], write: false, handler: listServices },
	{ method: 'POST', pattern: ['search'], write: false, handler: findMatchingServices },
	{ method: 'GET', pattern: ['info'], write: false, handler: getServiceListInfo },
	{ method: 'GET', pattern: [':id'], write: false, handler: withService(readServiceGeneral) },
	{ method: 'POST', pattern: [':id'], write: true, handler: withService(updateServiceGeneral) },
	{ method: 'DELETE', pattern: [':id'], write: true, handler: withService(deleteService) },
	{ method: 'GET', pattern: [':id', 'related'], write: false, handler: withService(readServiceRelated) },
	{ method: 'GET', pattern: [':id', 'inboundHours'], write: false, handler: withService(readServiceInboundHours) },
	{ method: 'POST', pattern: [':id', 'inboundHours'], write: true, handler: withService(addServiceInboundHours) },
	{
		method: 'POST',
		pattern: [':id', 'inboundHours', ':hoursId'],
		write: true,
		handler: withService(updateServiceInboundHours),
	},
	{
		method: 'DELETE',
		pattern: [':id', 'inboundHours', ':hoursId'],
		write: true,
		handler: withService(removeServiceInboundHours),
	},
	{ method: 'GET', pattern: [':id', 'messaging'], write: false, handler: withService(readServiceMessaging) },
	{ method: 'POST', pattern: [':id', 'messaging'], write: true, handler: withService(updateServiceMessagingProperty) },
	{ method: 'GET', pattern: [':id', 'pacing'], write: false, handler: withService(readServicePacing) },
	{ method: 'GET', pattern: [':id', 'phone'], write: false, handler: withService(readServicePhone) },
	{ method: 'POST', pattern: [':id', 'phone'], write: true, handler: withService(updateServicePhone) },
	{ method: 'POST', pattern: [':id', 'phone', ':callerId'], write: true, handler: withService(addServiceCallerId) },
	{ method: 'DELETE', pattern: [':id', 'phone', ':callerId'], write: true, handler: withService(removeServiceCallerId) },
	{ method: 'GET', pattern: [':id', 'settings'], write: false, handler: withService(readServiceSettings) },
	{ method: 'POST', pattern: [':id', 'settings'], write: true, handler: withService(updateServiceSettings) },
];

/** Literal first segments: "GET /services/search" is a wrong method, not service id "search". */
const RESERVED_FIRST_SEGMENTS = new Set(['search', 'info']);

function matchPattern(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
	if (pattern.length !== segments.length) return undefined;
	const params: Record<string, string> = {};
	for (let index = 0; index < pattern.length; index++) {
		const expected = pattern[index];
		const actual = segments[index];
		if (expected.startsWith(':')) {
			if (index === 0 && RESERVED_FIRST_SEGMENTS.has(actual)) return undefined;
			params[expected.slice(1)] = actual;
		} else if (expected !== actual) {
			return undefined;
		}
	}
	return params;
}

/**
 * Answers a Services call, or undefined when the route is not a Services route
 * (the caller then answers 404 "No route").
 */
export function handleServicesCall(
	route: readonly string[],
	request: SandboxRequest,
	context: ServicesContext,
): SandboxResponse | undefined {
	if (route[0] !== 'configuration' || route[1] !== 'services') return undefined;
	const segments = route.slice(2);
	for (const candidate of ROUTES) {
		if (candidate.method !== request.method) continue;
		const params = matchPattern(candidate.pattern, segments);
		if (!params) continue;
		if (candidate.write && !context.permissions.modifyServices) {
			return livevoxError(403, "User does not have the 'Modify Services' power");
		}
		return candidate.handler({ request, params, context });
	}
	return undefined;
}
