/**
 * In-memory state of the Services API. Lists are kept sorted by service id as services come
 * and go, so paging through 10,000 services does not re-sort on every page.
 */
import type { InboundHour, ServiceRecord } from './servicesModel';
import { buildGeneratedService, buildSeedServices, GENERATED_LAST_MODIFIED, SEED_LAST_MODIFIED } from './servicesData';

interface CallCenterState {
	/** Ascending service ids. */
	serviceIds: number[];
	lastModified: number;
}

/** The doc's Create example answers 53701 and its Delete example removes 53702: start there. */
const FIRST_CREATED_SERVICE_ID = 53701;
/** Bulk-generated services live far above seeded and created ids so the ranges never meet. */
const FIRST_GENERATED_SERVICE_ID = 1_000_000;
/** The doc's Add Inbound Hours example answers 29857, and later examples reuse it. */
const FIRST_CREATED_HOURS_ID = 29857;

export class ServicesStore {
	private services = new Map<number, ServiceRecord>();
	private callCenters = new Map<number, CallCenterState>();
	private allIds: number[] = [];
	private nextCreatedServiceId = FIRST_CREATED_SERVICE_ID;
	private nextGeneratedServiceId = FIRST_GENERATED_SERVICE_ID;
	private nextHoursId = FIRST_CREATED_HOURS_ID;

	constructor(private readonly clock: () => number) {
		this.reset();
	}

	/** Back to the seed data and the initial id counters. */
	reset(): void {
		this.services = new Map();
		this.callCenters = new Map();
		this.allIds = [];
		this.nextCreatedServiceId = FIRST_CREATED_SERVICE_ID;
		this.nextGeneratedServiceId = FIRST_GENERATED_SERVICE_ID;
		this.nextHoursId = FIRST_CREATED_HOURS_ID;
		for (const [callCenterId, lastModified] of SEED_LAST_MODIFIED) {
			this.callCenters.set(callCenterId, { serviceIds: [], lastModified });
		}
		for (const record of buildSeedServices()) this.insert(record);
	}

	get(serviceId: number): ServiceRecord | undefined {
		return this.services.get(serviceId);
	}

	/** Every service id, ascending. */
	allServiceIds(): readonly number[] {
		return this.allIds;
	}

	/** The call center's service ids ascending; undefined when the call center is unknown. */
	serviceIdsOf(callCenterId: number): readonly number[] | undefined {
		return this.callCenters.get(callCenterId)?.serviceIds;
	}

	lastModifiedOf(callCenterId: number): number | undefined {
		return this.callCenters.get(callCenterId)?.lastModified;
	}

	/** Records that a service of this call center changed, as the Get Service List Info method reports. */
	markModified(callCenterId: number): void {
		const callCenter = this.callCenters.get(callCenterId);
		if (callCenter) callCenter.lastModified = this.clock();
	}

	/** Copies a service into the same call center under a new id and name. */
	createCopy(source: ServiceRecord, name: string): number {
		const serviceId = this.nextCreatedServiceId++;
		const copy = structuredClone(source);
		copy.general.serviceId = serviceId;
		copy.general.name = name;
		if (copy.general.inboundService === source.general.serviceId) copy.general.inboundService = serviceId;
		copy.inboundHours = copy.inboundHours.map((hour) => ({ ...hour, id: this.nextHoursId++ }));
		// A brand-new service has no history: no agents assigned yet and no campaigns.
		copy.related.agent = [];
		copy.related.campaign = [];
		copy.hasRecentCampaigns = false;
		this.insert(copy);
		this.markModified(copy.general.callCenterId);
		return serviceId;
	}

	delete(serviceId: number): void {
		const record = this.services.get(serviceId);
		if (!record) return;
		this.services.delete(serviceId);
		removeSorted(this.allIds, serviceId);
		const callCenter = this.callCenters.get(record.general.callCenterId);
		if (callCenter) removeSorted(callCenter.serviceIds, serviceId);
		this.markModified(record.general.callCenterId);
	}

	addInboundHour(record: ServiceRecord, hour: Omit<InboundHour, 'id'>): number {
		const id = this.nextHoursId++;
		record.inboundHours.push({ id, ...hour });
		this.markModified(record.general.callCenterId);
		return id;
	}

	/**
	 * Adds `serviceCount` generated services to a call center (creating it if needed).
	 * A call center created with 0 services exists but is empty, which List Services refuses.
	 */
	seedCallCenter(callCenterId: number, serviceCount: number): void {
		if (!Number.isSafeInteger(callCenterId) || callCenterId < 0) {
			throw new Error(`callCenterId must be a non-negative integer, got ${callCenterId}`);
		}
		if (!Number.isSafeInteger(serviceCount) || serviceCount < 0) {
			throw new Error(`serviceCount must be a non-negative integer, got ${serviceCount}`);
		}
		if (!this.callCenters.has(callCenterId)) {
			this.callCenters.set(callCenterId, { serviceIds: [], lastModified: GENERATED_LAST_MODIFIED });
		}
		const alreadyThere = this.callCenters.get(callCenterId)?.serviceIds.length ?? 0;
		for (let index = 0; index < serviceCount; index++) {
			const serviceId = this.nextGeneratedServiceId++;
			this.insert(buildGeneratedService(callCenterId, serviceId, alreadyThere + index + 1));
		}
	}

	private insert(record: ServiceRecord): void {
		const { serviceId, callCenterId } = record.general;
		this.services.set(serviceId, record);
		insertSorted(this.allIds, serviceId);
		let callCenter = this.callCenters.get(callCenterId);
		if (!callCenter) {
			callCenter = { serviceIds: [], lastModified: GENERATED_LAST_MODIFIED };
			this.callCenters.set(callCenterId, callCenter);
		}
		insertSorted(callCenter.serviceIds, serviceId);
	}
}

/** Index of the first element >= value. */
function lowerBound(sorted: readonly number[], value: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (sorted[middle] < value) low = middle + 1;
		else high = middle;
	}
	return low;
}

function insertSorted(sorted: number[], value: number): void {
	// Most inserts are new highest ids: append without searching.
	if (sorted.length === 0 || sorted[sorted.length - 1] < value) {
		sorted.push(value);
		return;
	}
	const index = lowerBound(sorted, value);
	if (sorted[index] !== value) sorted.splice(index, 0, value);
}

function removeSorted(sorted: number[], value: number): void {
	const index = lowerBound(sorted, value);
	if (sorted[index] === value) sorted.splice(index, 1);
}
