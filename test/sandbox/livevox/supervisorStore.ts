/**
 * In-memory state of the supervisor calls: one queue per service. Launched calls join the
 * queue (callsToBeLaunched goes up); some fail at once with a documented code (invalid
 * number, DNC, closed dialing window, blocked account, full queue); queued calls whose
 * dialingTimeout runs out on the sandbox clock become non-attempted calls (799). Tests steer
 * it with setQueueStats, dial, closeDialingWindow and the DNC / account lists.
 */
import { DateTime } from 'luxon';

import type { ServicesStore } from './servicesStore';
import type { QueueStats } from './supervisorData';
import {
	DEFAULT_FAILURE_TIME_ZONE,
	DEFAULT_QUEUE_CAPACITY,
	EMPTY_QUEUE,
	EXAMPLE_NON_ATTEMPTED_CALL,
	EXAMPLE_NON_ATTEMPTED_SERVICE_ID,
	EXAMPLE_QUEUE_SERVICE_ID,
	EXAMPLE_QUEUE_STATS,
	EXAMPLE_SUPERVISOR_SERVICE_IDS,
	FIRST_CREATED_TRANSACTION_ID,
	NON_ATTEMPTED_REASONS,
	NON_AUTOMATED_ACD_FEATURES,
	SEED_ACCOUNT_BLOCKS,
	SEED_DNC_NUMBERS,
} from './supervisorData';

/** One call entry of a LaunchManualCalls body, already validated. */
export interface CallEntry {
	phoneNumber: string;
	transactionId?: number;
	account?: string;
	callerId?: string;
	templateId?: number;
	dialingTimeout?: number;
}

export interface QueuedCall extends CallEntry {
	transactionId: number;
	queuedAt: number;
}

export interface NonAttemptedCall {
	transactionId: number;
	phoneNumber: string;
	errorCode: number;
	/** Epoch ms. */
	failedAt: number;
}

export interface ScheduledCallback {
	serviceId: number;
	phoneNumber: string;
	transactionId?: number;
	account?: string;
	agentLoginId?: string;
	/** Epoch ms; absent for "as soon as possible". */
	date?: number;
	timeZone?: string;
	scheduledAt: number;
}

interface ServiceQueue {
	stats: QueueStats;
	queued: QueuedCall[];
	nonAttempted: NonAttemptedCall[];
	dialingWindowOpen: boolean;
}

/** Where a launched entry went: into the queue, or straight to the non-attempted list. */
export type LaunchOutcome = { queued: QueuedCall } | { failed: NonAttemptedCall };

const NANP_NUMBER = /^[2-9]\d{2}[2-9]\d{6}$/;

export class SupervisorStore {
	private queues = new Map<number, ServiceQueue>();
	private nextTransactionId = FIRST_CREATED_TRANSACTION_ID;
	readonly callbacks: ScheduledCallback[] = [];
	dncNumbers = new Set<string>(SEED_DNC_NUMBERS);
	accountBlocks = new Map<string, number>(Object.entries(SEED_ACCOUNT_BLOCKS));
	queueCapacity = DEFAULT_QUEUE_CAPACITY;
	/** The zone timeOfFailure is written in, without an offset, as in the seed's example. */
	failureTimeZone = DEFAULT_FAILURE_TIME_ZONE;

	constructor(
		private readonly clock: () => number,
		private readonly services: ServicesStore,
	) {
		this.reset();
	}

	reset(): void {
		this.queues = new Map();
		this.nextTransactionId = FIRST_CREATED_TRANSACTION_ID;
		this.callbacks.length = 0;
		this.dncNumbers = new Set(SEED_DNC_NUMBERS);
		this.accountBlocks = new Map(Object.entries(SEED_ACCOUNT_BLOCKS));
		this.queueCapacity = DEFAULT_QUEUE_CAPACITY;
		this.failureTimeZone = DEFAULT_FAILURE_TIME_ZONE;
		this.queueOf(EXAMPLE_QUEUE_SERVICE_ID)!.stats = { ...EXAMPLE_QUEUE_STATS };
		const example = EXAMPLE_NON_ATTEMPTED_CALL;
		this.queueOf(EXAMPLE_NON_ATTEMPTED_SERVICE_ID)!.nonAttempted.push({
			transactionId: example.transactionId,
			phoneNumber: example.phoneNumber,
			errorCode: example.errorCode,
			failedAt: DateTime.fromISO(example.timeOfFailure, { zone: this.failureTimeZone }).toMillis(),
		});
	}

	/** Whether a supervisor call may name this service: a configured service or one of the examples'. */
	exists(serviceId: number): boolean {
		return this.services.get(serviceId) !== undefined || EXAMPLE_SUPERVISOR_SERVICE_IDS.includes(serviceId);
	}

	/** Manual, HCI and preview services are on a non-automated queuer: LiveVox launches nothing there. */
	isNonAutomated(serviceId: number): boolean {
		const general = this.services.get(serviceId)?.general;
		if (!general) return false;
		return (
			NON_AUTOMATED_ACD_FEATURES.has(general.acdFeatureCode ?? '') ||
			(general.previewMode !== null && general.previewMode !== 'NONE')
		);
	}

	/** The queue of an existing service (created on first use), with expired calls settled. */
	private queueOf(serviceId: number): ServiceQueue | undefined {
		if (!this.exists(serviceId)) return undefined;
		let queue = this.queues.get(serviceId);
		if (!queue) {
			queue = { stats: { ...EMPTY_QUEUE }, queued: [], nonAttempted: [], dialingWindowOpen: true };
			this.queues.set(serviceId, queue);
		}
		this.expire(queue);
		return queue;
	}

	/** Queued calls whose dialingTimeout ran out were never dialed: "No agents available to dial". */
	private expire(queue: ServiceQueue): void {
		const now = this.clock();
		const stillQueued: QueuedCall[] = [];
		for (const call of queue.queued) {
			const deadline = call.dialingTimeout === undefined ? undefined : call.queuedAt + call.dialingTimeout * 1000;
			if (deadline !== undefined && now >= deadline) {
				queue.nonAttempted.push(this.failure(call, 799, deadline));
				queue.stats.callsToBeLaunched = Math.max(0, queue.stats.callsToBeLaunched - 1);
			} else {
				stillQueued.push(call);
			}
		}
		queue.queued = stillQueued;
	}

	private failure(entry: CallEntry & { transactionId: number }, errorCode: number, failedAt: number): NonAttemptedCall {
		return { transactionId: entry.transactionId, phoneNumber: entry.phoneNumber, errorCode, failedAt };
	}

	/** The documented code a launched entry fails with at once, or undefined when it may be queued. */
	private immediateFailure(queue: ServiceQueue, entry: CallEntry): number | undefined {
		if (!queue.dialingWindowOpen) return 998;
		if (!NANP_NUMBER.test(entry.phoneNumber)) return 899;
		if (this.dncNumbers.has(entry.phoneNumber)) return 1000;
		const accountCode = entry.account === undefined ? undefined : this.accountBlocks.get(entry.account);
		if (accountCode !== undefined) return accountCode;
		if (queue.queued.length >= this.queueCapacity) return 901;
		return undefined;
	}

	/** Launches the entries in order; undefined when the service does not exist. */
	launch(serviceId: number, entries: readonly CallEntry[]): LaunchOutcome[] | undefined {
		const queue = this.queueOf(serviceId);
		if (!queue) return undefined;
		const now = this.clock();
		return entries.map((entry) => {
			const transactionId = entry.transactionId ?? this.nextTransactionId++;
			const code = this.immediateFailure(queue, entry);
			if (code !== undefined) {
				const failed = this.failure({ ...entry, transactionId }, code, now);
				queue.nonAttempted.push(failed);
				return { failed };
			}
			const queued: QueuedCall = { ...entry, transactionId, queuedAt: now };
			queue.queued.push(queued);
			queue.stats.callsToBeLaunched += 1;
			return { queued };
		});
	}

	stats(serviceId: number): QueueStats | undefined {
		const queue = this.queueOf(serviceId);
		return queue ? { ...queue.stats } : undefined;
	}

	/** The non-attempted calls as the API lists them (ids and codes as strings, like the example). */
	nonAttemptedList(serviceId: number): Record<string, string>[] | undefined {
		const queue = this.queueOf(serviceId);
		if (!queue) return undefined;
		return queue.nonAttempted.map((call) => ({
			transactionId: String(call.transactionId),
			phoneNumber: call.phoneNumber,
			reason: NON_ATTEMPTED_REASONS[call.errorCode] ?? 'Unknown',
			errorCode: String(call.errorCode),
			timeOfFailure: this.formatFailureTime(call.failedAt),
		}));
	}

	/** "2014-02-06T14:44:02.2": local time in failureTimeZone, tenths of a second, no offset. */
	formatFailureTime(epochMs: number): string {
		const local = DateTime.fromMillis(epochMs, { zone: this.failureTimeZone });
		return `${local.toFormat("yyyy-MM-dd'T'HH:mm:ss")}.${Math.floor(local.millisecond / 100)}`;
	}

	scheduleCallback(callback: Omit<ScheduledCallback, 'scheduledAt'>): boolean {
		if (!this.queueOf(callback.serviceId)) return false;
		this.callbacks.push({ ...callback, scheduledAt: this.clock() });
		return true;
	}

	// ---- controls for tests ----

	/** Sets some of a queue's numbers (callsToBeLaunched counts the queued calls on top of it). */
	setQueueStats(serviceId: number, stats: Partial<QueueStats>): void {
		const queue = this.queueOf(serviceId);
		if (!queue) throw new Error(`No service ${serviceId} in the sandbox`);
		Object.assign(queue.stats, stats);
	}

	/** Dials the first `count` queued calls: they leave the queue and are in progress. */
	dial(serviceId: number, count: number): QueuedCall[] {
		const queue = this.queueOf(serviceId);
		if (!queue) throw new Error(`No service ${serviceId} in the sandbox`);
		const dialed = queue.queued.splice(0, count);
		queue.stats.callsToBeLaunched = Math.max(0, queue.stats.callsToBeLaunched - dialed.length);
		queue.stats.callsInProgress += dialed.length;
		return dialed;
	}

	/** Outside the dialing window every launched call fails with 998. */
	setDialingWindowOpen(serviceId: number, open: boolean): void {
		const queue = this.queueOf(serviceId);
		if (!queue) throw new Error(`No service ${serviceId} in the sandbox`);
		queue.dialingWindowOpen = open;
	}

	queuedCalls(serviceId: number): QueuedCall[] {
		return [...(this.queueOf(serviceId)?.queued ?? [])];
	}

	/** Adds a non-attempted call with any code, for tests of codes the sandbox does not produce itself. */
	addNonAttempted(serviceId: number, call: NonAttemptedCall): void {
		const queue = this.queueOf(serviceId);
		if (!queue) throw new Error(`No service ${serviceId} in the sandbox`);
		queue.nonAttempted.push({ ...call });
	}
}
