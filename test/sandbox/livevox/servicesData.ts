/**
 * Deterministic seed data for the Services API. Ids, names and values come from the seed
 * document's examples wherever one exists (so a request copied from the doc gets a
 * sensible answer); everything else is derived from the service id, never random.
 */
import type { InboundHour, ServiceGeneral, ServiceRecord, ServiceSettings } from './servicesModel';
import { ACD_FEATURE_CODES, CALL_DIRECTIONS } from './servicesModel';

interface SeedServiceSpec {
	serviceId: number;
	name: string;
	callCenterId: number;
	abbreviation: string | null;
	acdFeatureCode: string;
	callDirection: string;
	unattended?: boolean;
	termCodeEnabled?: boolean;
	previewMode?: string;
	hasRecentCampaigns?: boolean;
}

const SEED_SERVICES: readonly SeedServiceSpec[] = [
	// Call center 433: the List Services example (first five), plus the services the other examples name.
	{ serviceId: 5607, name: 'Atlanta_FS_RPC (1)', callCenterId: 433, abbreviation: '1', acdFeatureCode: 'AGENT_AT_READY_IN', callDirection: 'OUTBOUND', hasRecentCampaigns: true },
	{ serviceId: 5608, name: 'Atlanta_FS_QC_VOIP (2)', callCenterId: 433, abbreviation: '2', acdFeatureCode: 'AGENT_AT_READY_OUT', callDirection: 'OUTBOUND' },
	{ serviceId: 6545, name: 'Atlanta_FS_Collections (3)', callCenterId: 433, abbreviation: '3', acdFeatureCode: 'AGENT_AT_READY_IN', callDirection: 'BLENDED', hasRecentCampaigns: true },
	{ serviceId: 17797, name: 'Atlanta_FS_Manual_VOIP (4)', callCenterId: 433, abbreviation: '4', acdFeatureCode: 'MANUAL', callDirection: 'OUTBOUND' },
	{ serviceId: 18892, name: 'Atlanta_FS_PrevAll_QC_VOIP (5)', callCenterId: 433, abbreviation: '5', acdFeatureCode: 'AGENT_CALL_OUT', callDirection: 'OUTBOUND', previewMode: 'ALL' },
	{ serviceId: 19770, name: 'Atlanta_FS_Messaging_IVR (8)', callCenterId: 433, abbreviation: '8', acdFeatureCode: 'NO_ACD', callDirection: 'OUTBOUND', unattended: true },
	{ serviceId: 20180, name: 'Atlanta_FS_Callback (9)', callCenterId: 433, abbreviation: '9', acdFeatureCode: 'HCI', callDirection: 'OUTBOUND' },
	{ serviceId: 20575, name: 'Atlanta_FS_Inbound_8773402031 (6)', callCenterId: 433, abbreviation: '6', acdFeatureCode: 'AGENT_AT_READY_IN', callDirection: 'INBOUND', termCodeEnabled: true },
	{ serviceId: 33133, name: 'Atlanta_FS_Inbound_Overflow (10)', callCenterId: 433, abbreviation: '10', acdFeatureCode: 'AGENT_AT_READY_IN', callDirection: 'INBOUND' },
	{ serviceId: 35852, name: 'Atlanta_FS_PrevWireless_QC_VOIP (7)', callCenterId: 433, abbreviation: '7', acdFeatureCode: 'AGENT_CALL_OUT', callDirection: 'OUTBOUND', previewMode: 'WIRELESS' },
	{ serviceId: 45108, name: 'Atlanta_FS_Predictive (11)', callCenterId: 433, abbreviation: '11', acdFeatureCode: 'STRICT_HCI', callDirection: 'OUTBOUND' },
	{ serviceId: 53661, name: 'Atlanta_FS_Template (12)', callCenterId: 433, abbreviation: '12', acdFeatureCode: 'AGENT_AT_READY_IN', callDirection: 'OUTBOUND' },
	// Call center 429: the Find Matching Services example (ATTENDED, OUTBOUND, AGENT_AT_READY_IN) and the Read Phone example.
	{ serviceId: 17885, name: 'ATL_1stParty_Recovery_Manual (4)', callCenterId: 429, abbreviation: '4', acdFeatureCode: 'MANUAL', callDirection: 'OUTBOUND' },
	{ serviceId: 19891, name: 'ATL_1stParty_PVAll_QC (5)', callCenterId: 429, abbreviation: '5', acdFeatureCode: 'AGENT_AT_READY_IN', callDirection: 'OUTBOUND' },
	{ serviceId: 20966, name: 'ATL_1stParty_PVCell_QC_VOIP (6)', callCenterId: 429, abbreviation: '6', acdFeatureCode: 'AGENT_AT_READY_IN', callDirection: 'OUTBOUND' },
	{ serviceId: 21003, name: 'ATL_1stParty_IVR_Unattended (7)', callCenterId: 429, abbreviation: '7', acdFeatureCode: 'NO_ACD', callDirection: 'OUTBOUND', unattended: true },
	{ serviceId: 26881, name: 'ATL_1stParty_PVAll_QC_Cable Script_VOIP (8)', callCenterId: 429, abbreviation: '8', acdFeatureCode: 'AGENT_AT_READY_IN', callDirection: 'OUTBOUND' },
	{ serviceId: 27925, name: 'ATL_1stParty_PVAll_QC_Survey Script (9)', callCenterId: 429, abbreviation: '9', acdFeatureCode: 'AGENT_AT_READY_IN', callDirection: 'OUTBOUND' },
	// Call center 2829.
	{ serviceId: 40790, name: 'California_QC', callCenterId: 2829, abbreviation: null, acdFeatureCode: 'AGENT_AT_READY_IN', callDirection: 'OUTBOUND' },
];

/** lastModified of each seeded call center's service list (433's value is the doc's example). */
export const SEED_LAST_MODIFIED: ReadonlyMap<number, number> = new Map([
	[433, 1367530120000],
	[429, 1367443720000],
	[2829, 1367616520000],
]);

/** lastModified given to call centers created by seedCallCenter(). */
export const GENERATED_LAST_MODIFIED = 1367530120000;

/** The Read Service Settings example (service 18892), used as every service's base settings. */
const EXAMPLE_SETTINGS: Readonly<ServiceSettings> = {
	screenPopId: 0,
	cycleSortDaily: false,
	serviceLevelSeconds: 20,
	accountMaxAttemptsPerDay: 0,
	dialingProfileId: 321,
	dialingRestriction: 1,
	dialingSort: 'DEFAULT',
	zipAreaMismatch: 'OFF',
	voiceId: 0,
	scrubWireless: false,
	answeringMachineOption: 'NO_MESSAGES',
	transferOptionEnabled: true,
	crossRequeueable: true,
	volumeControlEnabled: false,
	acdScheduledCallbackPhReadonly: false,
	acdScheduledCallback: 'ROUTE_TO_ORIG_AGENT_FIRST',
	acdScheduledCallbackPreviewEnabled: true,
	acdPtpEnabled: true,
	previewManualAllowed: true,
	previewSkipAllowed: true,
	previewConfirmDial: true,
	previewTimeout: 1000,
	previewDialAction: 'DIAL',
	callRecordingEnabled: true,
	acctRealtimeDnc: false,
	leaveMessages: true,
	callerIdSourceId: 0,
	callbackPhoneSourceId: 0,
	dialTollFree: false,
	lcidPackageId: null,
	operatorPhoneSourceId: 0,
	callAcceptanceEnabled: false,
	callAcceptanceTimeout: null,
	leaveNoMessages: true,
	contactMaxAttemptsPerDay: 0,
	isCrossRequeueable: true,
	// Listed in the Read Service Settings table but missing from its example.
	manualTransferEnabled: true,
	agentToAgentTransferEnabled: true,
	phonebookTransferEnabled: false,
};

/** The Read Service Inbound Hours example, given to service 20575 as the brief asks. */
const EXAMPLE_INBOUND_HOURS: readonly InboundHour[] = [
	{ id: 1012878, dayOfWeek: 'WEEKDAY', startTime: 43200000, endTime: 93540000 },
	{ id: 1012879, dayOfWeek: 'WEEKEND', startTime: 46800000, endTime: 93540000 },
	{ id: 1063008, dayOfWeek: 'SPECIFIC_DATE', date: 1580446800000, startTime: 54000000, endTime: 61200000 },
];

function isInboundSide(callDirection: string): boolean {
	return callDirection === 'INBOUND' || callDirection === 'BLENDED';
}

/** Seven digits taken from the id, so every service gets its own stable phone numbers. */
function localNumber(serviceId: number): string {
	return String(serviceId % 10_000_000).padStart(7, '0');
}

/** A full service record whose values vary with the id (and never with time or chance). */
function buildService(spec: SeedServiceSpec, inboundHours: InboundHour[]): ServiceRecord {
	const { serviceId, callCenterId, callDirection, acdFeatureCode } = spec;
	const variant = serviceId % 7;
	const general: ServiceGeneral = {
		serviceId,
		name: spec.name,
		callCenterId,
		abbreviation: spec.abbreviation,
		unattended: spec.unattended ?? false,
		termCodeEnabled: spec.termCodeEnabled ?? acdFeatureCode.startsWith('AGENT_'),
		acdFeatureCode,
		inboundService: isInboundSide(callDirection) ? serviceId : null,
		callDirection,
		previewMode: spec.previewMode ?? 'NONE',
	};
	const local = localNumber(serviceId);
	return {
		general,
		settings: {
			...EXAMPLE_SETTINGS,
			serviceLevelSeconds: 20 + variant * 5,
			dialingProfileId: 321 + variant,
			voiceId: variant,
			callRecordingEnabled: variant !== 3,
		},
		phone: {
			callerId: [`877${local}`, `888${local}`],
			operatorPhone: `877${local}`,
			callbackPhone: `877${local}`,
			agentCallInNumber: acdFeatureCode === 'AGENT_AT_READY_IN' ? `734${local}` : null,
			defaultCallerId: `877${local}`,
		},
		messaging: {
			property: [{ key: 'template_id', value: String(7000 + variant) }],
			defaultInputFilterId: 21500 + variant,
		},
		pacing: { method: 'LINES_AGENT', throttle: 5 + variant, maxWaitTime: 20 },
		inboundHours,
		related: {
			callCenter: { id: callCenterId },
			agent: [{ id: 21000 + variant * 10 }, { id: 21001 + variant * 10 }],
			campaign: spec.hasRecentCampaigns ? [{ id: 920000 + serviceId }] : [],
			...(isInboundSide(callDirection) ? { inboundResourceGroup: { id: 17921 } } : {}),
			outboundResourceGroup: callDirection === 'INBOUND' ? [] : [{ id: 28610 }],
		},
		hasRecentCampaigns: spec.hasRecentCampaigns ?? false,
	};
}

function seedInboundHours(spec: SeedServiceSpec, position: number): InboundHour[] {
	if (spec.serviceId === 20575) return EXAMPLE_INBOUND_HOURS.map((hour) => ({ ...hour }));
	if (!isInboundSide(spec.callDirection)) return [];
	const firstId = 1013000 + position * 2;
	return [
		{ id: firstId, dayOfWeek: 'WEEKDAY', startTime: 28800000, endTime: 72000000 },
		{ id: firstId + 1, dayOfWeek: 'SATURDAY', startTime: 36000000, endTime: 57600000 },
	];
}

/** Where the seed document shows a concrete answer for a service, use it verbatim. */
function applyDocumentExamples(record: ServiceRecord): void {
	switch (record.general.serviceId) {
		case 18892:
			record.settings = { ...EXAMPLE_SETTINGS };
			break;
		case 19770:
			record.messaging = {
				property: [
					{ key: 'preview_template_id', value: '7125' },
					{ key: 'template_id', value: '7125' },
				],
				defaultInputFilterId: 21572,
			};
			break;
		case 20575:
			// Includes 8773402031 so the doc's Update Service Phone example (defaultCallerId 8773402031) is valid.
			record.phone = {
				callerId: ['8886542232', '8773402033', '8773402031'],
				operatorPhone: '8773402033',
				callbackPhone: '8773402033',
				agentCallInNumber: '7347324396',
				defaultCallerId: '8773402033',
			};
			record.messaging.property = [
				{ key: 'inbound_template_id', value: '14205' },
				{ key: 'template_id', value: '7125' },
			];
			break;
		case 17885:
			record.phone = {
				callerId: ['8886542232', '8773402033'],
				operatorPhone: '8773402033',
				callbackPhone: '8773402033',
				agentCallInNumber: '7347324396',
				defaultCallerId: '8773402033',
			};
			break;
		case 45108:
			record.pacing = { method: 'LINES_AGENT', throttle: 15, maxWaitTime: 20 };
			break;
		case 6545:
			// The doc elides the middle of both lists ("..."); these are the ids it shows.
			record.related = {
				callCenter: { id: 433 },
				agent: [21211, 21751, 22131, 194139, 195807].map((id) => ({ id })),
				campaign: [920711, 923406, 926768, 8764277, 8819783].map((id) => ({ id })),
				inboundResourceGroup: { id: 17921 },
				outboundResourceGroup: [{ id: 17921 }, { id: 28610 }],
			};
			break;
	}
}

/** Fresh copies of every seeded service (callers may mutate them). */
export function buildSeedServices(): ServiceRecord[] {
	return SEED_SERVICES.map((spec, position) => {
		const record = buildService(spec, seedInboundHours(spec, position));
		applyDocumentExamples(record);
		return record;
	});
}

/**
 * A bulk-generated service for pagination tests: direction and ACD code cycle with the
 * ordinal so searches find a predictable share. Generated services have no inbound hours.
 */
export function buildGeneratedService(callCenterId: number, serviceId: number, ordinal: number): ServiceRecord {
	const acdFeatureCode = ACD_FEATURE_CODES[ordinal % ACD_FEATURE_CODES.length];
	return buildService(
		{
			serviceId,
			name: `Generated_${callCenterId}_${String(ordinal).padStart(5, '0')}`,
			callCenterId,
			abbreviation: String(ordinal),
			acdFeatureCode,
			callDirection: CALL_DIRECTIONS[ordinal % CALL_DIRECTIONS.length],
			unattended: acdFeatureCode === 'NO_ACD',
		},
		[],
	);
}
