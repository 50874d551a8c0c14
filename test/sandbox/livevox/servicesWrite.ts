/**
 * The Services write methods: Create, Delete and the Update* methods. Each successful write
 * marks the service's call center as modified (Get Service List Info's lastModified).
 * Validation happens before any change, so a 400 never leaves a half-applied update.
 */
import type { SandboxResponse } from '../types';
import { noContent, singleQueryValue } from '../types';
import { livevoxError, parseIdText, requiredIntegerQuery } from './request';
import type { ServiceCall, ServiceTargetCall } from './servicesContext';
import type { InboundHour, ServiceSettings } from './servicesModel';
import { GENERAL_UPDATE_FIELDS, PHONE_UPDATE_FIELDS, SETTINGS_ALIASES, SETTINGS_UPDATE_FIELDS } from './servicesModel';
import { validateInboundHourUpdate, validateNewInboundHour, validatePatch } from './servicesValidation';

const PHONE_NUMBER = /^\d+$/;

function modified(call: ServiceTargetCall): SandboxResponse {
	call.context.services.markModified(call.service.general.callCenterId);
	return noContent();
}

/** POST /configuration/services?service=&name= : copies an existing service. */
export function createService({ request, context }: ServiceCall): SandboxResponse {
	const source = requiredIntegerQuery(request.query, 'service');
	if (!source.ok) return source.error;
	const name = singleQueryValue(request.query, 'name');
	if (name === undefined || name.trim() === '') {
		return livevoxError(400, "Query parameter 'name' is required");
	}
	const sourceService = context.services.get(source.value);
	if (!sourceService) return livevoxError(404, `Service ${source.value} not found`);
	return { status: 201, body: { id: context.services.createCopy(sourceService, name) } };
}

/** DELETE /configuration/services/{id} */
export function deleteService({ service, context }: ServiceTargetCall): SandboxResponse {
	if (service.hasRecentCampaigns) {
		return livevoxError(400, 'A Service can only be deleted if no campaigns were associated to it in the past 90 days');
	}
	context.services.delete(service.general.serviceId);
	return noContent();
}

/** POST /configuration/services/{id} : only the given General fields change. */
export function updateServiceGeneral(call: ServiceTargetCall): SandboxResponse {
	const patch = validatePatch(call.request.body, GENERAL_UPDATE_FIELDS);
	if (!patch.ok) return patch.error;
	Object.assign(call.service.general, patch.value);
	return modified(call);
}

/** POST /configuration/services/{id}/settings */
export function updateServiceSettings(call: ServiceTargetCall): SandboxResponse {
	const patch = validatePatch(call.request.body, SETTINGS_UPDATE_FIELDS);
	if (!patch.ok) return patch.error;
	const settings = call.service.settings;
	// Safe: validatePatch only lets through known settings with values of the right kind.
	Object.assign(settings, patch.value as Partial<ServiceSettings>);
	for (const [oldName, newName] of SETTINGS_ALIASES) {
		if (Object.prototype.hasOwnProperty.call(patch.value, newName)) {
			Object.assign(settings, { [oldName]: settings[newName] });
		} else if (Object.prototype.hasOwnProperty.call(patch.value, oldName)) {
			Object.assign(settings, { [newName]: settings[oldName] });
		}
	}
	return modified(call);
}

/** POST /configuration/services/{id}/messaging?property=&value= */
export function updateServiceMessagingProperty(call: ServiceTargetCall): SandboxResponse {
	const property = singleQueryValue(call.request.query, 'property');
	const value = singleQueryValue(call.request.query, 'value');
	if (property === undefined || property.trim() === '' || value === undefined) {
		return livevoxError(400, "Query parameters 'property' and 'value' are required");
	}
	// Updates take upper-case names (INBOUND_TEMPLATE_ID); reads list lower-case keys (inbound_template_id).
	const key = property.toLowerCase();
	const entries = call.service.messaging.property;
	const existing = entries.find((entry) => entry.key === key);
	if (existing) existing.value = value;
	else entries.push({ key, value });
	return modified(call);
}

/** POST /configuration/services/{id}/phone */
export function updateServicePhone(call: ServiceTargetCall): SandboxResponse {
	const patch = validatePatch(call.request.body, PHONE_UPDATE_FIELDS);
	if (!patch.ok) return patch.error;
	const phone = call.service.phone;
	const newDefault = patch.value.defaultCallerId;
	// Documented: this "only sets an existing number as the default"; new numbers go through Add Caller ID.
	if (typeof newDefault === 'string' && !phone.callerId.includes(newDefault)) {
		return livevoxError(400, `defaultCallerId ${newDefault} is not in the Service's caller ID list`);
	}
	Object.assign(phone, patch.value);
	return modified(call);
}

/** POST /configuration/services/{id}/phone/{callerId}?default=true|false */
export function addServiceCallerId(call: ServiceTargetCall): SandboxResponse {
	const callerId = call.params.callerId;
	if (!PHONE_NUMBER.test(callerId)) return livevoxError(400, `Caller ID '${callerId}' must contain digits only`);
	const makeDefault = singleQueryValue(call.request.query, 'default');
	if (call.request.query.default !== undefined && makeDefault !== 'true' && makeDefault !== 'false') {
		return livevoxError(400, "Query parameter 'default' must be true or false");
	}
	const phone = call.service.phone;
	if (!phone.callerId.includes(callerId)) phone.callerId.push(callerId);
	if (makeDefault === 'true') phone.defaultCallerId = callerId;
	return modified(call);
}

/** DELETE /configuration/services/{id}/phone/{callerId} */
export function removeServiceCallerId(call: ServiceTargetCall): SandboxResponse {
	const callerId = call.params.callerId;
	if (!PHONE_NUMBER.test(callerId)) return livevoxError(400, `Caller ID '${callerId}' must contain digits only`);
	const phone = call.service.phone;
	const index = phone.callerId.indexOf(callerId);
	if (index < 0) {
		return livevoxError(404, `Caller ID ${callerId} not found for service ${call.service.general.serviceId}`);
	}
	phone.callerId.splice(index, 1);
	// A default that no longer exists would be meaningless: fall back to the first remaining number.
	if (phone.defaultCallerId === callerId) phone.defaultCallerId = phone.callerId[0] ?? null;
	return modified(call);
}

/** POST /configuration/services/{id}/inboundHours : answers 200 { id }, unlike the other updates. */
export function addServiceInboundHours(call: ServiceTargetCall): SandboxResponse {
	const hour = validateNewInboundHour(call.request.body);
	if (!hour.ok) return hour.error;
	return { status: 200, body: { id: call.context.services.addInboundHour(call.service, hour.value) } };
}

/** 400 for a non-numeric hoursId, 404 when the service has no such entry. */
function findInboundHour(call: ServiceTargetCall): { hour: InboundHour } | { error: SandboxResponse } {
	const hoursId = parseIdText(call.params.hoursId);
	if (hoursId === undefined) return { error: livevoxError(400, `Invalid inbound hours id '${call.params.hoursId}'`) };
	const hour = call.service.inboundHours.find((entry) => entry.id === hoursId);
	if (!hour) {
		return {
			error: livevoxError(404, `Inbound hours ${hoursId} not found for service ${call.service.general.serviceId}`),
		};
	}
	return { hour };
}

/** POST /configuration/services/{id}/inboundHours/{hoursId} */
export function updateServiceInboundHours(call: ServiceTargetCall): SandboxResponse {
	const found = findInboundHour(call);
	if ('error' in found) return found.error;
	const times = validateInboundHourUpdate(call.request.body, found.hour);
	if (!times.ok) return times.error;
	Object.assign(found.hour, times.value);
	return modified(call);
}

/** DELETE /configuration/services/{id}/inboundHours/{hoursId} */
export function removeServiceInboundHours(call: ServiceTargetCall): SandboxResponse {
	const found = findInboundHour(call);
	if ('error' in found) return found.error;
	const hours = call.service.inboundHours;
	hours.splice(hours.indexOf(found.hour), 1);
	return modified(call);
}
