import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The fields of Update Service Settings, as LiveVox documents them, sorted by name. */

const toggle = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
});

const count = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	default: 0,
	description,
});

const choice = (
	displayName: string,
	name: string,
	options: INodePropertyOptions[],
	defaultValue: string,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options,
	default: defaultValue,
	description,
});

const DEPRECATED = 'Deprecated: LiveVox plans to remove it';

export const settingsFields: INodeProperties[] = [
	count('Account Max Attempts per Day (Deprecated)', 'accountMaxAttemptsPerDay', `How many times an account can be dialed per day. ${DEPRECATED}; use Contact Max Attempts per Day.`),
	toggle('Account Real-Time DNC (Deprecated)', 'acctRealtimeDnc', `Whether LiveVox checks in real time that an account is not marked "do not call" before dialing it. ${DEPRECATED}.`),
	toggle('ACD PTP Enabled', 'acdPtpEnabled', 'Whether agents must enter a dollar amount for Promise to Pay term codes'),
	choice('ACD Scheduled Callback', 'acdScheduledCallback', [
		{ name: 'Disabled', value: 'DISABLED' },
		{ name: 'Route to Original Agent First', value: 'ROUTE_TO_ORIG_AGENT_FIRST' },
		{ name: 'Route to Original Agent Only', value: 'ROUTE_TO_ORIG_AGENT_ONLY' },
		{ name: 'Route to Service Pool', value: 'ROUTE_TO_SERVICE_POOL' },
	], 'DISABLED', 'Whether agents can schedule callbacks from the agent desktop, and how those calls are routed'),
	toggle('ACD Scheduled Callback Phone Read-Only', 'acdScheduledCallbackPhReadonly', 'Whether agents are kept from changing the phone number of a callback they schedule'),
	choice('Answering Machine Option', 'answeringMachineOption', [
		{ name: 'Leave Messages', value: 'LEAVE_MESSAGES' },
		{ name: 'No Messages', value: 'NO_MESSAGES' },
		{ name: 'Transfer', value: 'TRANSFER' },
	], 'NO_MESSAGES', 'The default answering machine setting of the service'),
	toggle('Call Acceptance Enabled', 'callAcceptanceEnabled', 'Whether agents must accept a call before it connects'),
	count('Call Acceptance Timeout (Seconds)', 'callAcceptanceTimeout', 'How long an agent has to accept a call when call acceptance is on'),
	toggle('Call Recording Enabled', 'callRecordingEnabled', 'Whether calls of the service are recorded'),
	count('Callback Phone Source ID', 'callbackPhoneSourceId', 'Where the callback phone is taken from (a LiveVox source ID)'),
	count('Caller ID Source ID', 'callerIdSourceId', 'Where the caller ID is taken from (a LiveVox source ID)'),
	count('Contact Max Attempts per Day', 'contactMaxAttemptsPerDay', 'How many times an account can be dialed per day for this service'),
	toggle('Cross Requeueable', 'isCrossRequeueable', 'Whether campaigns of this service can be requeued to other services of the same call center'),
	toggle('Cross Requeueable (Deprecated)', 'crossRequeueable', `Whether campaigns of this service can be requeued to other services of the same call center. ${DEPRECATED}; use Cross Requeueable.`),
	toggle('Cycle Sort Daily', 'cycleSortDaily', 'Whether calls of the service cycle through account sequencing every day'),
	toggle('Dial Toll Free', 'dialTollFree', 'Whether the service may dial toll-free numbers'),
	choice('Dialing Sort', 'dialingSort', [
		{ name: 'Campaign Round Robin', value: 'CAMPAIGN_ROUND_ROBIN' },
		{ name: 'Consecutive', value: 'CONSECUTIVE' },
		{ name: 'Contact Name', value: 'CONTACT_NAME' },
		{ name: 'Contact Name No Area Code', value: 'CONTACT_NAME_NO_AREA_CODE' },
		{ name: 'Default', value: 'DEFAULT' },
		{ name: 'Inverted Consecutive', value: 'INVERTED_CONSECUTIVE' },
		{ name: 'Midpoint Consecutive', value: 'MIDPOINT_CONSECUTIVE' },
	], 'DEFAULT', 'The order in which accounts of the campaigns of this service are dialed'),
	count('LCID Package ID', 'lcidPackageId', 'The LCID package assigned to the service'),
	toggle('Leave Messages (Deprecated)', 'leaveMessages', `The campaigns' default for detected answering machines. ${DEPRECATED}; use Leave No Messages.`),
	toggle('Leave No Messages', 'leaveNoMessages', 'Whether campaigns of the service disconnect on detected answering machines by default (each campaign can change it)'),
	count('Operator Phone Source ID', 'operatorPhoneSourceId', 'Where the operator phone is taken from (a LiveVox source ID)'),
	toggle('Preview Confirm Dial', 'previewConfirmDial', 'Whether agents must confirm a preview dial a second time'),
	choice('Preview Default Action (Deprecated)', 'previewDialAction', [
		{ name: 'Dial', value: 'DIAL' },
		{ name: 'Skip', value: 'SKIP' },
	], 'DIAL', `Whether the number is dialed or skipped when the preview timeout runs out. ${DEPRECATED}.`),
	toggle('Preview Manual Allowed', 'previewManualAllowed', 'Whether agents can enter and dial a number by hand on a preview call'),
	toggle('Preview Skip Allowed', 'previewSkipAllowed', 'Whether agents may skip an account in preview mode'),
	count('Preview Timeout (Seconds)', 'previewTimeout', 'How long an agent has to confirm, enter or skip an account in preview mode before the default action'),
	toggle('Scrub Wireless', 'scrubWireless', 'Whether wireless numbers are kept from being dialed for this service'),
	count('Service Level Seconds', 'serviceLevelSeconds', 'The seconds within which calls must be dialed to be in compliance (used in some reports)'),
	count('Voice ID', 'voiceId', 'The default voice talent of the campaigns of this service'),
	toggle('Volume Control Enabled', 'volumeControlEnabled', 'Whether agents can change microphone or customer volume and mute from the agent desktop'),
	choice('Zip/Area Code Mismatch Check', 'zipAreaMismatch', [
		{ name: 'At Dial Time', value: 'DIALTIME' },
		{ name: 'At Dial Time, Optimized', value: 'DIALTIME_OPTIMIZED' },
		{ name: 'At Load Time', value: 'LOADTIME' },
		{ name: 'At Load Time, Optimized', value: 'LOADTIME_OPTIMIZED' },
		{ name: 'Off', value: 'OFF' },
	], 'OFF', "When an account's zip code is compared with its area code; on a mismatch it is dialed only when both allow"),
];
