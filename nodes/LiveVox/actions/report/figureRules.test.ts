/** LiveVox's combine rules, checked against the figures of the seed's own examples. */
import type { IDataObject } from 'n8n-workflow';

import { combineFigures, combineNested } from '../../../shared/combineFigures';
import { AGENT_SUMMARY_RULES, emptiedNote, SERVICE_EFFICIENCY_RULES } from './figureRules';

/** The details of the seed's Service Efficiency example. */
const EFFICIENCY_EXAMPLE: IDataObject = {
	agentProductivityTimeBreakDown: { agentProductiveTimeInMinutes: 220.65, inCallTimeInMinutes: 189.2, wrapupTimeInMinutes: 0.12, readyTimeInMinutes: 31.33, notReadyTimeInMinutes: 14.37 },
	agentProductivityPercentageBreakDown: { inCall: 85.75, wrapup: 0.05, ready: 14.2 },
	connectRate: { dials: 14, connects: 14, liveConnects: 13, automatedConnects: 1, nonConnects: 0, liveConnectRateInPercent: 92.86, automatedAnsweringMachineLeftMessage: 0, attemptedOperatorTransfers: 13, successfulOperatorTransfers: 13, failedOperatorTransfers: 0, failedOperatorTransferRateInPercent: 0 },
	connects: { rpcPaymentPtp: 0, rpcNoPaymentPtp: 11, totalRpcs: 11, wpc: 0, nonContacts: 1, ptpAmount: 0 },
	productivityStats: { avgHandleTime: 14.56, outboundDialsPerHour: 3.81, agentConnectsPerHour: 3.54, rpcsPerHour: 2.99, rpcRateInPercent: 84.62, conversionRateInPercent: 0 },
	billing: { connectionCall: 0.73, operatorTransfer: 34.47, totalMinutes: 35.2, totalCharges: 1.72, costPerRpc: 0.16 },
};

describe('combine rules', () => {
	test('Service Efficiency: the example twice gives doubled counts and the example\'s own ratios back', () => {
		const { figures, emptied } = combineNested([EFFICIENCY_EXAMPLE, EFFICIENCY_EXAMPLE], SERVICE_EFFICIENCY_RULES);
		expect(emptied).toEqual([]);
		expect(figures).toEqual({
			agentProductivityTimeBreakDown: { agentProductiveTimeInMinutes: 441.3, inCallTimeInMinutes: 378.4, wrapupTimeInMinutes: 0.24, readyTimeInMinutes: 62.66, notReadyTimeInMinutes: 28.74 },
			agentProductivityPercentageBreakDown: { inCall: 85.75, wrapup: 0.05, ready: 14.2 },
			connectRate: { dials: 28, connects: 28, liveConnects: 26, automatedConnects: 2, nonConnects: 0, liveConnectRateInPercent: 92.86, automatedAnsweringMachineLeftMessage: 0, attemptedOperatorTransfers: 26, successfulOperatorTransfers: 26, failedOperatorTransfers: 0, failedOperatorTransferRateInPercent: 0 },
			connects: { rpcPaymentPtp: 0, rpcNoPaymentPtp: 22, totalRpcs: 22, wpc: 0, nonContacts: 2, ptpAmount: 0 },
			productivityStats: { avgHandleTime: 14.56, outboundDialsPerHour: 3.81, agentConnectsPerHour: 3.54, rpcsPerHour: 2.99, rpcRateInPercent: 84.62, conversionRateInPercent: 0 },
			billing: { connectionCall: 1.46, operatorTransfer: 68.94, totalMinutes: 70.4, totalCharges: 3.44, costPerRpc: 0.16 },
		});
	});

	test('Agent Summary: times summed, their shares recomputed, undocumented averages left empty and named', () => {
		const agent = (inCall: number, ready: number, extra: IDataObject = {}) => ({
			successfulOpTransfer: 2, inCallTimeInMinutes: inCall, readyTimeInMinutes: ready, wrapupTimeInMinutes: 0, notReadyTimeInMinutes: 0,
			inCallTimeInPercent: 0, readyTimeInPercent: 0, totalRpcs: 1, rpcPaymentPtp: 1, rpcRateInPercent: 50, conversionRateInPercent: 100,
			avgCallLengthInMinutes: 1, termcodes: [{ name: 'PTP', count: 1 }], ptpAmount: null, ...extra,
		});
		const { figures, emptied } = combineFigures([agent(3, 1), agent(1, 5, { termcodes: [{ name: 'PTP', count: 2 }, { name: 'WPC', count: 1 }] })], AGENT_SUMMARY_RULES);
		expect(figures).toMatchObject({
			successfulOpTransfer: 4, inCallTimeInMinutes: 4, readyTimeInMinutes: 6, inCallTimeInPercent: 40, readyTimeInPercent: 60,
			totalRpcs: 2, rpcRateInPercent: 50, conversionRateInPercent: 100, avgCallLengthInMinutes: null, ptpAmount: null,
			termcodes: [{ name: 'PTP', count: 3 }, { name: 'WPC', count: 1 }],
		});
		expect(emptied).toEqual(['avgCallLengthInMinutes']);
		expect(combineFigures([agent(3, 1)], AGENT_SUMMARY_RULES).figures).toEqual(agent(3, 1));
	});
});

describe('emptiedNote', () => {
	test('names each emptied figure once; nothing emptied, no note', () => {
		expect(emptiedNote([])).toBeUndefined();
		expect(emptiedNote(['a', 'b', 'a'])).toMatch(/^Left empty when combining requests: a, b\. LiveVox documents no formula/);
	});
});
