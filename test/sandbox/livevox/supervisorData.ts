/**
 * Seed facts of the Call Control supervisor calls, taken from the seed document: the error
 * codes of non-attempted manual calls, the callback time zones, and the services its
 * examples use (21429, 50123, 112231), which are not among the Configuration API's seed services.
 */

/** "Following is the list of error codes/reasons that can be returned with non attempted manual calls." */
export const NON_ATTEMPTED_REASONS: Readonly<Record<number, string>> = Object.freeze({
	440: 'Busy',
	486: 'Busy',
	999: 'Outside of allowable dialing window',
	998: 'Outside of allowable dialing window',
	799: 'No agents available to dial',
	899: 'Invalid phone number',
	900: 'Call disabled',
	901: 'Call exceeds queued',
	902: 'Call invalid queued',
	1000: 'Phone number on DNC list',
	601: 'Max attempts reached for account',
	602: 'No account information available',
	603: 'Account attempts PK violation',
	604: 'Account unknown status',
	605: 'Account default',
	606: 'Account undefined status',
	607: 'Account number on DNC list',
	9999: 'Invalid dialing sequence, please contact support',
	9998: 'Campaign is not available',
	9997: 'Campaign inactive.',
});

/** The documented values of ScheduleCallback's timeZone. */
export const CALLBACK_TIME_ZONES = ['ET', 'CT', 'MT', 'PT', 'AT', 'HI'] as const;

export interface QueueStats {
	availableAgents: number;
	callsOnHold: number;
	callsToBeLaunched: number;
	callsInProgress: number;
	maxAgents: number;
}

export const EMPTY_QUEUE: Readonly<QueueStats> = Object.freeze({
	availableAgents: 0,
	callsOnHold: 0,
	callsToBeLaunched: 0,
	callsInProgress: 0,
	maxAgents: 0,
});

/** The Get Queue Stats example: GET /callControl/supervisor/calls/queue/21429. */
export const EXAMPLE_QUEUE_SERVICE_ID = 21429;
export const EXAMPLE_QUEUE_STATS: Readonly<QueueStats> = Object.freeze({
	availableAgents: 7,
	callsOnHold: 2,
	callsToBeLaunched: 14,
	callsInProgress: 8,
	maxAgents: 26,
});

/** The Get Non Attempted Manual Calls example: service 50123 answers one call. */
export const EXAMPLE_NON_ATTEMPTED_SERVICE_ID = 50123;
export const EXAMPLE_NON_ATTEMPTED_CALL = Object.freeze({
	transactionId: 27460618101,
	phoneNumber: '6503517524',
	errorCode: 998,
	timeOfFailure: '2014-02-06T14:44:02.2',
});

/** The Schedule Callback example posts to service 112231. */
export const EXAMPLE_CALLBACK_SERVICE_ID = 112231;

/** Services known only to the supervisor calls (the examples'), all on an automated queuer. */
export const EXAMPLE_SUPERVISOR_SERVICE_IDS: readonly number[] = [
	EXAMPLE_QUEUE_SERVICE_ID,
	EXAMPLE_NON_ATTEMPTED_SERVICE_ID,
	EXAMPLE_CALLBACK_SERVICE_ID,
];

/** "Non-automated queuer (usually reserved for manual, HCI, preview services)": no manual launches there. */
export const NON_AUTOMATED_ACD_FEATURES = new Set(['MANUAL', 'HCI', 'STRICT_HCI']);

/** Numbers the sandbox treats as on the Do Not Call list (555-01xx numbers are reserved for fiction). */
export const SEED_DNC_NUMBERS: readonly string[] = ['4155550199'];

/** Accounts the sandbox refuses to dial, with the documented code it answers for each. */
export const SEED_ACCOUNT_BLOCKS: Readonly<Record<string, number>> = Object.freeze({
	'MAXED-OUT': 601,
	'DNC-ACCOUNT': 607,
});

/** The first transaction id LiveVox "creates before launching the call" when none was sent. */
export const FIRST_CREATED_TRANSACTION_ID = 27460619000;

/** Calls a queue holds before new ones fail with 901 "Call exceeds queued". */
export const DEFAULT_QUEUE_CAPACITY = 1000;

/** The time zone the sandbox writes timeOfFailure in (the seed's example has no offset). */
export const DEFAULT_FAILURE_TIME_ZONE = 'America/New_York';
