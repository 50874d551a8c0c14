/**
 * The shape of a LiveVox Service as the sandbox stores it: one record per service holding
 * each "tab" the Configuration API reads and writes, plus the field rules the update
 * methods validate against. Field lists and enums come from the seed document.
 */

export const ACD_FEATURE_CODES = [
	'AGENT_AT_READY_IN',
	'AGENT_AT_READY_OUT',
	'AGENT_CALL_OUT',
	'MANUAL',
	'HCI',
	'STRICT_HCI',
	'10_DMT',
	'NO_ACD',
] as const;
export const CALL_DIRECTIONS = ['INBOUND', 'OUTBOUND', 'BLENDED'] as const;
export const PREVIEW_MODES = ['NONE', 'WIRELESS', 'ALL'] as const;
export const ATTENDED_VALUES = ['ATTENDED', 'UNATTENDED'] as const;

export interface ServiceGeneral {
	serviceId: number;
	name: string;
	callCenterId: number;
	abbreviation: string | null;
	unattended: boolean;
	termCodeEnabled: boolean;
	acdFeatureCode: string | null;
	inboundService: number | null;
	callDirection: string | null;
	previewMode: string | null;
}

/** Read Service Settings, minus serviceId/name/callCenterId (those come from the general tab). */
export interface ServiceSettings {
	screenPopId: number | null;
	cycleSortDaily: boolean;
	serviceLevelSeconds: number | null;
	accountMaxAttemptsPerDay: number | null;
	dialingProfileId: number | null;
	dialingRestriction: number | null;
	dialingSort: string | null;
	zipAreaMismatch: string | null;
	voiceId: number | null;
	scrubWireless: boolean;
	answeringMachineOption: string | null;
	transferOptionEnabled: boolean;
	crossRequeueable: boolean | null;
	volumeControlEnabled: boolean;
	acdScheduledCallbackPhReadonly: boolean;
	acdScheduledCallback: string | null;
	acdScheduledCallbackPreviewEnabled: boolean;
	acdPtpEnabled: boolean;
	previewManualAllowed: boolean;
	previewSkipAllowed: boolean;
	previewConfirmDial: boolean;
	previewTimeout: number | null;
	previewDialAction: string | null;
	callRecordingEnabled: boolean;
	acctRealtimeDnc: boolean;
	leaveMessages: boolean | null;
	callerIdSourceId: number | null;
	callbackPhoneSourceId: number | null;
	dialTollFree: boolean | null;
	lcidPackageId: number | null;
	operatorPhoneSourceId: number | null;
	callAcceptanceEnabled: boolean | null;
	callAcceptanceTimeout: number | null;
	leaveNoMessages: boolean | null;
	contactMaxAttemptsPerDay: number | null;
	isCrossRequeueable: boolean | null;
	manualTransferEnabled: boolean | null;
	agentToAgentTransferEnabled: boolean | null;
	phonebookTransferEnabled: boolean | null;
}

export interface ServicePhone {
	callerId: string[];
	operatorPhone: string | null;
	callbackPhone: string | null;
	agentCallInNumber: string | null;
	defaultCallerId: string | null;
}

export interface ServiceMessaging {
	property: Array<{ key: string; value: string }>;
	defaultInputFilterId: number | null;
}

export interface ServicePacing {
	method: string;
	throttle: number;
	maxWaitTime: number | null;
}

export interface InboundHour {
	id: number;
	dayOfWeek: string;
	/** Epoch ms, only for SPECIFIC_DATE entries. */
	date?: number;
	/** Ms after midnight, Eastern Time; may exceed 24 h (the seed has 93540000 = 25:59). */
	startTime: number;
	endTime: number;
}

export interface ServiceRelated {
	callCenter: { id: number };
	agent: Array<{ id: number }>;
	campaign: Array<{ id: number }>;
	inboundResourceGroup?: { id: number };
	outboundResourceGroup: Array<{ id: number }>;
}

export interface ServiceRecord {
	general: ServiceGeneral;
	settings: ServiceSettings;
	phone: ServicePhone;
	messaging: ServiceMessaging;
	pacing: ServicePacing;
	inboundHours: InboundHour[];
	related: ServiceRelated;
	/** Campaigns in the past 90 days: LiveVox refuses to delete such a service. */
	hasRecentCampaigns: boolean;
}

/** What a body field may hold; `nullable` fields also accept JSON null. */
export type FieldRule =
	| { kind: 'boolean'; nullable?: boolean }
	| { kind: 'integer'; nullable?: boolean }
	| { kind: 'string'; nullable?: boolean; nonEmpty?: boolean }
	| { kind: 'enum'; values: readonly string[]; nullable?: boolean };

export const GENERAL_UPDATE_FIELDS: Readonly<Record<string, FieldRule>> = {
	name: { kind: 'string', nonEmpty: true },
	abbreviation: { kind: 'string', nullable: true },
	unattended: { kind: 'boolean' },
	termCodeEnabled: { kind: 'boolean' },
	acdFeatureCode: { kind: 'enum', values: ACD_FEATURE_CODES, nullable: true },
	inboundService: { kind: 'integer', nullable: true },
	callDirection: { kind: 'enum', values: CALL_DIRECTIONS, nullable: true },
	previewMode: { kind: 'enum', values: PREVIEW_MODES, nullable: true },
};

export const PHONE_UPDATE_FIELDS: Readonly<Record<string, FieldRule>> = {
	operatorPhone: { kind: 'string', nullable: true },
	callbackPhone: { kind: 'string', nullable: true },
	agentCallInNumber: { kind: 'string', nullable: true },
	defaultCallerId: { kind: 'string', nullable: true },
};

const flag: FieldRule = { kind: 'boolean' };
const optionalFlag: FieldRule = { kind: 'boolean', nullable: true };
const optionalInteger: FieldRule = { kind: 'integer', nullable: true };
const oneOf = (...values: string[]): FieldRule => ({ kind: 'enum', values, nullable: true });

/** The Update Service Settings body table; other settings are read-only through the API. */
export const SETTINGS_UPDATE_FIELDS: Readonly<Record<string, FieldRule>> = {
	cycleSortDaily: flag,
	serviceLevelSeconds: optionalInteger,
	dialingSort: oneOf(
		'DEFAULT',
		'CONTACT_NAME',
		'CONSECUTIVE',
		'INVERTED_CONSECUTIVE',
		'MIDPOINT_CONSECUTIVE',
		'CONTACT_NAME_NO_AREA_CODE',
		'CAMPAIGN_ROUND_ROBIN',
	),
	zipAreaMismatch: oneOf('OFF', 'LOADTIME', 'LOADTIME_OPTIMIZED', 'DIALTIME', 'DIALTIME_OPTIMIZED'),
	voiceId: optionalInteger,
	scrubWireless: flag,
	answeringMachineOption: oneOf('NO_MESSAGES', 'LEAVE_MESSAGES', 'TRANSFER'),
	volumeControlEnabled: flag,
	acdScheduledCallbackPhReadonly: flag,
	acdScheduledCallback: oneOf('DISABLED', 'ROUTE_TO_SERVICE_POOL', 'ROUTE_TO_ORIG_AGENT_FIRST', 'ROUTE_TO_ORIG_AGENT_ONLY'),
	acdPtpEnabled: flag,
	previewManualAllowed: flag,
	previewSkipAllowed: flag,
	previewConfirmDial: flag,
	previewTimeout: optionalInteger,
	previewDialAction: oneOf('DIAL', 'SKIP'),
	callRecordingEnabled: flag,
	acctRealtimeDnc: flag,
	callAcceptanceEnabled: optionalFlag,
	callAcceptanceTimeout: optionalInteger,
	callerIdSourceId: optionalInteger,
	callbackPhoneSourceId: optionalInteger,
	dialTollFree: optionalFlag,
	lcidPackageId: optionalInteger,
	operatorPhoneSourceId: optionalInteger,
	accountMaxAttemptsPerDay: optionalInteger,
	contactMaxAttemptsPerDay: optionalInteger,
	leaveMessages: optionalFlag,
	leaveNoMessages: optionalFlag,
	crossRequeueable: optionalFlag,
	isCrossRequeueable: optionalFlag,
};

/**
 * The doc calls each new name "Same as <old name>, which is scheduled for removal": they are
 * one setting under two names, so writing either updates both.
 */
export const SETTINGS_ALIASES: ReadonlyArray<readonly [keyof ServiceSettings, keyof ServiceSettings]> = [
	['accountMaxAttemptsPerDay', 'contactMaxAttemptsPerDay'],
	['leaveMessages', 'leaveNoMessages'],
	['crossRequeueable', 'isCrossRequeueable'],
];

/** Inbound hour times are ms after midnight; the seed shows values past 24 h, so allow up to 48 h. */
export const MAX_INBOUND_TIME_MS = 48 * 60 * 60 * 1000;

/** dayOfWeek's value list is lost from the doc: accept these and any other upper-case word. */
export const DAY_OF_WEEK_PATTERN = /^[A-Z][A-Z_]*$/;
export const SPECIFIC_DATE = 'SPECIFIC_DATE';
