/** The workflows the queue-mode tests run: one per node and resource, and a webhook-started one. */

import type { StepNode } from '../tests/workflowBuilder';
import { chainWorkflow, PACKAGE_PREFIX } from '../tests/workflowBuilder';

export const LIVEVOX = { liveVoxApi: { id: 'lvSandboxCred001', name: 'LiveVox sandbox' } };
export const VCC_LIVE = { vccLiveApi: { id: 'vccSandboxCred01', name: 'VCC Live sandbox' } };
export const APIO = { netaxisApioApi: { id: 'apioSandboxCred1', name: 'Netaxis APIO sandbox' } };

const liveVox = (name: string, parameters: Record<string, unknown>): StepNode => ({
	name,
	type: `${PACKAGE_PREFIX}.liveVox`,
	parameters,
	credentials: LIVEVOX,
});

export const servicesWorkflow = chainWorkflow('qServices0000001', 'Queue: LiveVox services', [
	liveVox('List Services', { resource: 'service', operation: 'list', callCenterId: 2829, returnAll: true }),
	liveVox('Get General', { resource: 'service', operation: 'getGeneral', serviceId: { __rl: true, mode: 'id', value: '={{ $json.serviceId }}' } }),
]);

export const agentSummaryWorkflow = chainWorkflow('qAgentSummary001', 'Queue: LiveVox agent summary', [
	liveVox('Agent Summary', { resource: 'report', operation: 'agentSummary', period: 'yesterday', options: { includeTotals: true } }),
]);

/** Call Event Recovery over `days` days as one CSV file (windows of 3 days). */
export const callEventsWorkflow = (id: string, days: number) => {
	const end = new Date(Date.UTC(2024, 2, 1 + days - 1)).toISOString().slice(0, 10);
	return chainWorkflow(id, `Queue: LiveVox call events ${days} days`, [
		liveVox('Call Events', { resource: 'report', operation: 'callDetails', period: 'custom', startDate: '2024-03-01T00:00:00', endDate: `${end}T00:00:00`, output: 'file' }),
	]);
};

export const launchWorkflow = (id: string, phoneNumber: string) =>
	chainWorkflow(id, `Queue: LiveVox launch ${phoneNumber}`, [
		liveVox('Launch', { resource: 'supervisorCall', operation: 'launchManualCalls', serviceId: { __rl: true, mode: 'id', value: '21429' }, phoneNumber, callFields: { account: 'Q-1' } }),
	]);

export const supervisorWorkflow = chainWorkflow('qSupervisor00001', 'Queue: LiveVox supervisor calls', [
	liveVox('Launch', { resource: 'supervisorCall', operation: 'launchManualCalls', serviceId: { __rl: true, mode: 'id', value: '21429' }, phoneNumber: '(415) 555-0199', callFields: { account: 'A-1' } }),
	liveVox('Callback', { resource: 'supervisorCall', operation: 'scheduleCallback', serviceId: { __rl: true, mode: 'id', value: '112231' }, phoneNumber: '4158149720', when: 'asap' }),
	liveVox('Not Dialed', { resource: 'supervisorCall', operation: 'getNonAttemptedCalls', serviceIds: '21429, 50123' }),
]);

export const vccLiveWorkflow = chainWorkflow('qVccInbound00001', 'Queue: VCC Live inbound', [
	{
		name: 'Inbound',
		type: `${PACKAGE_PREFIX}.vccLive`,
		parameters: { resource: 'statistic', operation: 'getInbound', period: 'custom', from: '2024-01-15T00:00:00', to: '2024-02-10T00:00:00', dimensions: ['project'], outputFormat: 'csv', options: { combineMonths: true } },
		credentials: VCC_LIVE,
	},
]);

const apioCallCenter = {
	tenantId: { __rl: true, mode: 'id', value: 'footenant' },
	groupId: { __rl: true, mode: 'id', value: 'foogroup' },
	callCenter: { __rl: true, mode: 'name', value: 'APIOTestCallCenterP@sip.netaxis.be' },
};

export const apioWorkflow = (id = 'qApioStats000001') =>
	chainWorkflow(id, 'Queue: APIO settings and statistics', [
		{
			name: 'Settings',
			type: `${PACKAGE_PREFIX}.netaxisApio`,
			parameters: {
				resource: 'callCenter',
				operation: 'getReportingSettings',
				tenantId: { __rl: true, mode: 'id', value: 'foo' },
				groupId: { __rl: true, mode: 'id', value: 'foogroup' },
				callCenter: { __rl: true, mode: 'name', value: 'APIOTestCCPremium@sip.netaxis.be' },
			},
			credentials: APIO,
		},
		{
			name: 'Statistics',
			type: `${PACKAGE_PREFIX}.netaxisApio`,
			parameters: { resource: 'callCenter', operation: 'getStatistics', ...apioCallCenter, start: '2021-01-01T00:00:00+01:00', end: '2021-03-01T00:00:00+01:00' },
			credentials: APIO,
		},
	]);

/** A webhook (production URL, answered with the last node's output) → LiveVox queue stats. */
export function webhookWorkflow(id: string, webhookPath: string) {
	const workflow = chainWorkflow(id, 'Queue: webhook queue stats', [
		liveVox('Queue Stats', { resource: 'supervisorCall', operation: 'getQueueStats', serviceIds: '21429' }),
	]);
	workflow.nodes[0] = {
		...workflow.nodes[0],
		name: 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', options: {} },
		...({ webhookId: `${id}-hook` } as object),
	};
	return workflow;
}
