/**
 * The call centers the APIO imitation knows: their statistics reporting settings (kept in
 * memory, changed by PUT) and their agents, whose statistics are derived from a hash of the
 * call center, the period and the agent, so the same question always gets the same answer.
 */
import { createHash } from 'node:crypto';

export interface ReportingSettings {
	generateDailyReport: boolean;
	collectionPeriodMinutes: number;
	reportingEmailAddress1?: string;
	reportingEmailAddress2?: string;
	statisticsSource: string;
}

export interface Agent {
	agentUserId: string;
	firstName: string;
	lastName: string;
}

interface CallCenterRecord {
	settings: ReportingSettings;
	agents: Agent[];
}

export const DEFAULT_SETTINGS: Readonly<ReportingSettings> = Object.freeze({
	generateDailyReport: false,
	collectionPeriodMinutes: 30,
	statisticsSource: 'Application Server',
});

/** The call centers of the seed's examples. */
export const SEED = Object.freeze({
	basic: { tenantId: 'foo', groupId: 'foogroup', callCenter: 'APIOTestCCBasic@sip.netaxis.be' },
	premium: { tenantId: 'foo', groupId: 'foogroup', callCenter: 'APIOTestCCPremium@sip.netaxis.be' },
	statistics: { tenantId: 'footenant', groupId: 'foogroup', callCenter: 'APIOTestCallCenterP@sip.netaxis.be' },
});

export interface CallCenterKey {
	tenantId: string;
	groupId: string;
	callCenter: string;
}

const keyOf = ({ tenantId, groupId, callCenter }: CallCenterKey) => `${tenantId}|${groupId}|${callCenter}`;

function generatedAgents(callCenter: string, count: number): Agent[] {
	const domain = callCenter.includes('@') ? callCenter.slice(callCenter.indexOf('@') + 1) : 'sip.example.com';
	return Array.from({ length: count }, (_, index) => ({
		agentUserId: `agent${index + 1}@${domain}`,
		firstName: `Agent${index + 1}`,
		lastName: `Queue${index + 1}`,
	}));
}

/** Integers in [0, max) from a hash of the text, one per call. */
function numbersFrom(text: string): (max: number) => number {
	const digest = createHash('sha256').update(text).digest();
	let at = 0;
	return (max) => {
		const value = digest.readUInt16BE(at % (digest.length - 1));
		at += 2;
		return value % max;
	};
}

export class CallCenterStore {
	private records = new Map<string, CallCenterRecord>();

	constructor() {
		this.reset();
	}

	reset(): void {
		this.records.clear();
		this.add(SEED.basic, 2);
		this.add(SEED.premium, 3, {
			reportingEmailAddress1: 'apio_test_1@netaxis.be',
			reportingEmailAddress2: 'apio_test_2@netaxis.be',
		});
		this.add(SEED.statistics, 0);
		this.agentsOf(SEED.statistics).push(
			{ agentUserId: 'ApioUserTest1@sip.netaxis.be', firstName: 'Test1', lastName: 'Test1' },
			{ agentUserId: 'ApioUserTest2@sip.netaxis.be', firstName: 'Test2', lastName: 'Test2' },
		);
	}

	/** Adds (or replaces) a call center with `agentCount` generated agents. */
	add(key: CallCenterKey, agentCount: number, settings: Partial<ReportingSettings> = {}): void {
		this.records.set(keyOf(key), {
			settings: { ...DEFAULT_SETTINGS, ...settings },
			agents: generatedAgents(key.callCenter, agentCount),
		});
	}

	has(key: CallCenterKey): boolean {
		return this.records.has(keyOf(key));
	}

	settingsOf(key: CallCenterKey): ReportingSettings {
		const record = this.records.get(keyOf(key));
		if (!record) throw new Error(`No call center ${keyOf(key)}`);
		return record.settings;
	}

	setSettings(key: CallCenterKey, settings: ReportingSettings): void {
		const record = this.records.get(keyOf(key));
		if (!record) throw new Error(`No call center ${keyOf(key)}`);
		record.settings = settings;
	}

	agentsOf(key: CallCenterKey): Agent[] {
		const record = this.records.get(keyOf(key));
		if (!record) throw new Error(`No call center ${keyOf(key)}`);
		return record.agents;
	}

	/**
	 * The statistics answer for a period, shaped as in APIO's example. Counts and seconds are
	 * sums over the collection periods that start inside [start, end), so that the answers for
	 * contiguous periods add up to the answer for the whole (a split pull can be checked);
	 * averages and availability come from the period as a whole.
	 */
	statistics(key: CallCenterKey, start: string, end: string): Record<string, unknown> {
		const whole = numbersFrom(`${keyOf(key)}|${start}|${end}`);
		const periods = this.collectionPeriods(key, Date.parse(start), Date.parse(end));
		/** Per figure: the sum over the periods of a number below its maximum, drawn per period. */
		const counts = (label: string, maxima: Record<string, number>) =>
			Object.fromEntries(
				Object.entries(maxima).map(([name, max]) => [
					name,
					periods.reduce((total, period) => total + numbersFrom(`${keyOf(key)}|${period}|${label}|${name}`)(max), 0),
				]),
			);
		return {
			statisticsRange: { start, end },
			queueStatistics: {
				...counts('queue', { busyOverflows: 2, callsAnswered: 12, callsAbandoned: 3, callsTransferred: 3, callsTimedout: 2 }),
				averageAgentsTalking: whole(100) / 10,
				averageAgentsStaffed: whole(200) / 10,
				averageWaitSeconds: whole(300),
				averageAbandonmentSeconds: whole(120),
			},
			agentStatistics: this.agentsOf(key).map((agent) => {
				const value = numbersFrom(`${keyOf(key)}|${start}|${end}|${agent.agentUserId}`);
				const { callsHandled, callsUnanswered, totalTalkSeconds, totalStaffedSeconds } = counts(agent.agentUserId, {
					callsHandled: 6,
					callsUnanswered: 2,
					totalTalkSeconds: 900,
					totalStaffedSeconds: 1800,
				});
				return {
					agentUserId: agent.agentUserId,
					agentDisplayNames: { lastName: agent.lastName, firstName: agent.firstName },
					available: value(2) === 1,
					statistics: {
						callsHandled,
						callsUnanswered,
						averageCallSeconds: callsHandled === 0 ? 0 : Math.round(totalTalkSeconds / callsHandled),
						totalTalkSeconds,
						totalStaffedSeconds,
					},
				};
			}),
		};
	}

	/** The starts (epoch ms) of the call center's collection periods that begin in [startMs, endMs). */
	private collectionPeriods(key: CallCenterKey, startMs: number, endMs: number): number[] {
		const periodMs = (this.settingsOf(key).collectionPeriodMinutes ?? 30) * 60_000;
		const starts: number[] = [];
		for (let at = Math.ceil(startMs / periodMs) * periodMs; at < endMs; at += periodMs) starts.push(at);
		return starts;
	}
}
