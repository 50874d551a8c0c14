/**
 * The Services read methods: List, Find Matching, Get List Info and the per-tab reads.
 * Every answer is a copy: the server may hold a response during latency or fault delays,
 * and a later write must not change what an earlier read returned.
 */
import type { SandboxResponse } from '../types';
import { singleQueryValue } from '../types';
import { livevoxError, pageOf, parseIdText, parsePageRequest, requiredIntegerQuery } from './request';
import type { ServiceCall, ServiceTargetCall } from './servicesContext';
import type { ServiceRecord } from './servicesModel';
import { validateSearch } from './servicesValidation';

function ok(body: unknown): SandboxResponse {
	return { status: 200, body };
}

/** Identity fields that several tabs repeat at their top. */
function identity(service: ServiceRecord): { serviceId: number; name: string; callCenterId: number } {
	const { serviceId, name, callCenterId } = service.general;
	return { serviceId, name, callCenterId };
}

/** GET /configuration/services?callCenter=&count=&offset= */
export function listServices({ request, context }: ServiceCall): SandboxResponse {
	const page = parsePageRequest(request.query);
	if (!page.ok) return page.error;
	const callCenter = requiredIntegerQuery(request.query, 'callCenter');
	if (!callCenter.ok) return callCenter.error;
	const ids = context.services.serviceIdsOf(callCenter.value);
	// Documented quirk: a call center without services is an "Unauthorized" fault, not an empty list.
	if (!ids || ids.length === 0) return livevoxError(403, 'Unauthorized');
	const { entries, nextOffset } = pageOf(ids, page.value);
	return ok({
		service: entries.map((id) => identity(context.services.get(id) as ServiceRecord)),
		// Relative, without a leading slash, parameters in the doc's order.
		next:
			nextOffset === null
				? null
				: `configuration/services?count=${page.value.count}&callCenter=${callCenter.value}&offset=${nextOffset}`,
	});
}

/** POST /configuration/services/search?[client=]&count=&offset= */
export function findMatchingServices({ request, context }: ServiceCall): SandboxResponse {
	const page = parsePageRequest(request.query);
	if (!page.ok) return page.error;
	const clientText = singleQueryValue(request.query, 'client');
	// The sandbox has one client, so `client` is only checked for shape, not used to filter.
	if (request.query.client !== undefined && parseIdText(clientText) === undefined) {
		return livevoxError(400, "Query parameter 'client' must be a single non-negative integer");
	}
	const search = validateSearch(request.body);
	if (!search.ok) return search.error;
	const { callDirection, acdFeature, callCenterIds, unattended } = search.value;
	const matches: ServiceRecord[] = [];
	for (const id of context.services.allServiceIds()) {
		const service = context.services.get(id) as ServiceRecord;
		const general = service.general;
		if (general.callDirection !== callDirection) continue;
		if (general.acdFeatureCode === null || !acdFeature.includes(general.acdFeatureCode)) continue;
		if (callCenterIds && !callCenterIds.has(general.callCenterId)) continue;
		if (unattended !== undefined && general.unattended !== unattended) continue;
		matches.push(service);
	}
	const { entries, nextOffset } = pageOf(matches, page.value);
	const clientPart = clientText === undefined ? '' : `&client=${clientText}`;
	return ok({
		service: entries.map((service) => ({ ...identity(service), acdFeatureCode: service.general.acdFeatureCode })),
		next:
			nextOffset === null
				? null
				: `configuration/services/search?count=${page.value.count}${clientPart}&offset=${nextOffset}`,
	});
}

/** GET /configuration/services/info?callCenter= */
export function getServiceListInfo({ request, context }: ServiceCall): SandboxResponse {
	const callCenter = requiredIntegerQuery(request.query, 'callCenter');
	if (!callCenter.ok) return callCenter.error;
	const ids = context.services.serviceIdsOf(callCenter.value);
	// Documented: no authorized services gives size 0 rather than an error; lastModified "might not be available".
	if (!ids) return ok({ size: 0 });
	return ok({ size: ids.length, lastModified: context.services.lastModifiedOf(callCenter.value) });
}

export function readServiceGeneral({ service }: ServiceTargetCall): SandboxResponse {
	return ok({ ...service.general });
}

export function readServiceRelated({ service }: ServiceTargetCall): SandboxResponse {
	return ok(structuredClone(service.related));
}

export function readServiceInboundHours({ service }: ServiceTargetCall): SandboxResponse {
	return ok({ inboundHour: service.inboundHours.map((hour) => ({ ...hour })) });
}

export function readServiceMessaging({ service }: ServiceTargetCall): SandboxResponse {
	return ok({
		property: service.messaging.property.map((entry) => ({ ...entry })),
		defaultInputFilterId: service.messaging.defaultInputFilterId,
	});
}

export function readServicePacing({ service }: ServiceTargetCall): SandboxResponse {
	return ok({ ...service.pacing });
}

export function readServicePhone({ service }: ServiceTargetCall): SandboxResponse {
	const { callerId, operatorPhone, callbackPhone, agentCallInNumber, defaultCallerId } = service.phone;
	return ok({
		callerId: [...callerId],
		...identity(service),
		operatorPhone,
		callbackPhone,
		agentCallInNumber,
		defaultCallerId,
	});
}

export function readServiceSettings({ service }: ServiceTargetCall): SandboxResponse {
	return ok({ ...identity(service), ...service.settings });
}
