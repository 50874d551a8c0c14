/**
 * What a Services handler receives. Kept in its own file so the route table (services.ts)
 * and the handlers (servicesRead.ts, servicesWrite.ts) can share it without importing each other.
 */
import type { SandboxRequest, SandboxResponse } from '../types';
import { livevoxError, parseIdText } from './request';
import type { ServiceRecord } from './servicesModel';
import type { ServicesStore } from './servicesStore';

export interface LiveVoxPermissions {
	/** The Manager's optional "Modify Services" power: without it every Services write is refused. */
	modifyServices: boolean;
}

/** Read live on every call, so a test can swap `permissions` between requests. */
export interface ServicesContext {
	readonly services: ServicesStore;
	readonly permissions: LiveVoxPermissions;
}

export interface ServiceCall {
	request: SandboxRequest;
	/** Path parameters by name (":id" in a pattern is params.id). */
	params: Record<string, string>;
	context: ServicesContext;
}

/** A call on one existing service, already looked up. */
export interface ServiceTargetCall extends ServiceCall {
	service: ServiceRecord;
}

export type ServiceHandler = (call: ServiceCall) => SandboxResponse;
export type ServiceTargetHandler = (call: ServiceTargetCall) => SandboxResponse;

/** Resolves params.id to a service: 400 when it is not an id, 404 when no such service exists. */
export function withService(handler: ServiceTargetHandler): ServiceHandler {
	return (call) => {
		const serviceId = parseIdText(call.params.id);
		if (serviceId === undefined) return livevoxError(400, `Invalid service id '${call.params.id}'`);
		const service = call.context.services.get(serviceId);
		if (!service) return livevoxError(404, `Service ${serviceId} not found`);
		return handler({ ...call, service });
	};
}
