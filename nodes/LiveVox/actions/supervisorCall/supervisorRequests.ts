import type { LiveVoxRequest } from '../../transport';

/** What to do about the statuses every supervisor call may get. */
export const supervisorHints: Partial<Record<number, string>> = {
	403: 'Supervisor calls need the Sysadmin, Superuser or Manager role in LiveVox (Schedule Callback also allows Agent): ask an administrator.',
	404: 'No service with this ID exists for your user: check the Service ID (the Services list of a call center shows them).',
};

const base = '/callControl/supervisor/calls';

export function queueStatsRequest(serviceId: number): LiveVoxRequest {
	return { method: 'GET', path: `${base}/queue/${serviceId}`, kind: 'read', hints: supervisorHints };
}

export function nonAttemptedCallsRequest(serviceId: number): LiveVoxRequest {
	return { method: 'GET', path: `${base}/${serviceId}/GetNonAttemptedManualCalls`, kind: 'read', hints: supervisorHints };
}

export const launchPath = (serviceId: number) => `${base}/${serviceId}/LaunchManualCalls`;
export const callbackPath = (serviceId: number) => `${base}/${serviceId}/ScheduleCallback`;

/** How many services are read at once when one item asks for several. */
export const SERVICE_CONCURRENCY = 5;
