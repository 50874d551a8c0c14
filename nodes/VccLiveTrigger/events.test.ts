import { buildPayload } from '../../test/sandbox/vcclive/webhookPayloads';
import { readEvent } from './events';
import { passesFilters } from './filters';

const noFilters = { projectIds: [], assessments: [], direction: '' };

describe('documented fields under readable names', () => {
	test('Call Disposition', () => {
		const body = buildPayload('callDisposition', 1);
		expect(readEvent('callDisposition', body)).toMatchObject({
			callId: body.uuid,
			recordId: 8001,
			projectId: 214,
			projectName: 'Outbound sales',
			agentId: 17,
			agentUsername: 'anna',
			agentName: 'Anna Agent',
			agentComment: 'Customer asked for a callback',
			direction: 'out',
			callerNumber: '3615550100',
			calledNumber: '36301234567',
			assessment: 'success',
			recordClosed: true,
			dispositionTime: body.create_time,
			attemptedCalls: 1,
			teamIds: [3],
			clientData: body.client_data,
		});
	});

	test('Payment Transaction: the payment object flattened where a flow needs it', () => {
		const item = readEvent('paymentTransaction', buildPayload('paymentTransaction', 1));
		expect(item).toMatchObject({ paymentStatus: 'successful', amount: 100000, currency: 'huf', inCall: true, projectId: 214 });
		expect(item.payment).toMatchObject({ cardNumberLastDigits: '1234', paymentGateway: 'testgw', statusMessage: 'cde.success' });
	});

	test('IVR, Project Login and users', () => {
		expect(readEvent('ivr', buildPayload('ivr', 1))).toMatchObject({ customer: 'acme', projectId: 4, callShortId: 's1', variables: { pin: '1234' } });
		expect(readEvent('projectLogin', buildPayload('projectLogin', 0))).toEqual({
			projectId: 1,
			secondaryProjectIds: [2, 3, 4, 5],
			agentId: 2,
			agentUsername: 'x',
			groupId: 2,
			customData: [],
		});
		expect(readEvent('userModified', buildPayload('userModified', 1))).toEqual({
			user: { userid: 101, username: 'agent1', name: 'Agent 1 (renamed)' },
			previousUser: { userid: 101, username: 'agent1', name: 'Agent 1' },
		});
	});
});

describe('filters', () => {
	const disposition = buildPayload('callDisposition', 1);

	test('project IDs keep only their projects, for dispositions and payments', () => {
		expect(passesFilters('callDisposition', disposition, { ...noFilters, projectIds: [214, 370] })).toBe(true);
		expect(passesFilters('callDisposition', disposition, { ...noFilters, projectIds: [4] })).toBe(false);
		expect(passesFilters('paymentTransaction', buildPayload('paymentTransaction', 1), { ...noFilters, projectIds: [4] })).toBe(false);
		// Users carry no project: the filter does not apply.
		expect(passesFilters('userCreated', buildPayload('userCreated', 1), { ...noFilters, projectIds: [4] })).toBe(true);
	});

	test('assessment and direction', () => {
		expect(passesFilters('callDisposition', disposition, { ...noFilters, assessments: ['success', 'ordered'] })).toBe(true);
		expect(passesFilters('callDisposition', disposition, { ...noFilters, assessments: ['failed'] })).toBe(false);
		expect(passesFilters('mobileDisposition', { ...disposition, disposition: { assessment: 'failed' } }, { ...noFilters, assessments: ['failed'] })).toBe(true);
		expect(passesFilters('callDisposition', disposition, { ...noFilters, direction: 'out' })).toBe(true);
		expect(passesFilters('callDisposition', disposition, { ...noFilters, direction: 'in' })).toBe(false);
		expect(passesFilters('callDisposition', disposition, noFilters)).toBe(true);
	});
});
