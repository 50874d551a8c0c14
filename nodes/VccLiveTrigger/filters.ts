import type { IDataObject } from 'n8n-workflow';

import { DISPOSITION_EVENTS, PROJECT_EVENTS, type VccLiveEvent } from './events';

export interface EventFilters {
	/** Project IDs to keep; empty keeps all. */
	projectIds: number[];
	/** Disposition assessments to keep (success, ordered, failed); empty keeps all. */
	assessments: string[];
	/** 'in', 'out' or '' for both. */
	direction: string;
}

/**
 * Whether an async event passes the filters. Each filter applies only to events that carry its
 * field (a project: dispositions and payments; assessment and direction: dispositions).
 */
export function passesFilters(event: VccLiveEvent, body: IDataObject, filters: EventFilters): boolean {
	if (filters.projectIds.length > 0 && PROJECT_EVENTS.includes(event)) {
		if (!filters.projectIds.includes(Number(body.projectid))) return false;
	}
	if (DISPOSITION_EVENTS.includes(event)) {
		const disposition = (body.disposition ?? {}) as IDataObject;
		const assessment = String(disposition.assesment ?? disposition.assessment ?? '');
		if (filters.assessments.length > 0 && !filters.assessments.includes(assessment)) return false;
		if (filters.direction !== '' && String(body.direction ?? '') !== filters.direction) return false;
	}
	return true;
}
