/**
 * Get and Update Statistics Reporting Settings through n8n's engine: the seed's examples,
 * the read-merge-write of an update (APIO's PUT may replace every setting), removing an
 * address with an empty value, bad input, and a change that is never sent twice.
 */
import type { INodeParameters } from 'n8n-workflow';

import { retryClock } from '../../nodes/shared/retry';
import { SEED } from '../sandbox/apio';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apiCalls, callCenterParameters, jsonOf, runApio, sent } from './fixture';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.apio.reset();
	sandbox.clearRequests();
	sandbox.faults.clear();
});

const BASIC_PATH =
	'/api/v1/tenants/foo/groups/foogroup/services/call_centers/APIOTestCCBasic%40sip.netaxis.be/instance_statistics_reporting/';
const PREMIUM_PATH = BASIC_PATH.replace('APIOTestCCBasic', 'APIOTestCCPremium');
const PREMIUM = { tenantId: 'foo', groupId: 'foogroup', callCenter: 'APIOTestCCPremium@sip.netaxis.be' };

const update = (updateFields: INodeParameters, key = SEED.premium) => ({
	operation: 'updateReportingSettings',
	...callCenterParameters(key),
	updateFields,
});

describe('Get Statistics Reporting Settings', () => {
	test('the seed example: GET .../APIOTestCCBasic%40sip.netaxis.be/instance_statistics_reporting/', async () => {
		const result = await runApio(sandbox, { operation: 'getReportingSettings', ...callCenterParameters(SEED.basic) });
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox).map(sent)).toEqual([{ method: 'GET', path: BASIC_PATH, query: {}, body: undefined }]);
		expect(jsonOf(result)).toEqual([
			{
				tenantId: 'foo',
				groupId: 'foogroup',
				callCenter: 'APIOTestCCBasic@sip.netaxis.be',
				generateDailyReport: false,
				collectionPeriodMinutes: 30,
				statisticsSource: 'Application Server',
			},
		]);
	});
});

describe('Update Statistics Reporting Settings', () => {
	test('the seed example: the current settings are read, then the PUT carries the four fields', async () => {
		const result = await runApio(
			sandbox,
			update({
				generateDailyReport: false,
				collectionPeriodMinutes: 30,
				reportingEmailAddress1: 'apio_test_1@netaxis.be',
				reportingEmailAddress2: 'apio_test_2@netaxis.be',
			}),
		);
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{ method: 'GET', path: PREMIUM_PATH, query: {}, body: undefined },
			{
				method: 'PUT',
				path: PREMIUM_PATH,
				query: {},
				body: {
					generateDailyReport: false,
					collectionPeriodMinutes: 30,
					reportingEmailAddress1: 'apio_test_1@netaxis.be',
					reportingEmailAddress2: 'apio_test_2@netaxis.be',
				},
			},
		]);
		expect(jsonOf(result)).toEqual([
			{
				...PREMIUM,
				generateDailyReport: false,
				collectionPeriodMinutes: 30,
				reportingEmailAddress1: 'apio_test_1@netaxis.be',
				reportingEmailAddress2: 'apio_test_2@netaxis.be',
				statisticsSource: 'Application Server',
			},
		]);
	});

	test('one field changed: the others are sent as they are, so a PUT that replaces all keeps them', async () => {
		sandbox.apio.routeOptions.putReplacesAll = true;
		sandbox.apio.callCenters.setSettings(SEED.premium, {
			...sandbox.apio.callCenters.settingsOf(SEED.premium),
			generateDailyReport: true,
		});
		const result = await runApio(sandbox, update({ collectionPeriodMinutes: 60 }));
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox)[1].body).toEqual({
			generateDailyReport: true,
			collectionPeriodMinutes: 60,
			reportingEmailAddress1: 'apio_test_1@netaxis.be',
			reportingEmailAddress2: 'apio_test_2@netaxis.be',
		});
		expect(sandbox.apio.callCenters.settingsOf(SEED.premium)).toEqual({
			generateDailyReport: true,
			collectionPeriodMinutes: 60,
			reportingEmailAddress1: 'apio_test_1@netaxis.be',
			reportingEmailAddress2: 'apio_test_2@netaxis.be',
			statisticsSource: 'Application Server',
		});
		expect(jsonOf(result)[0]).toMatchObject({ collectionPeriodMinutes: 60, generateDailyReport: true });
	});

	test('an address added and left empty is sent empty, and APIO removes it', async () => {
		const result = await runApio(sandbox, update({ reportingEmailAddress2: '' }));
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox)[1].body).toMatchObject({ reportingEmailAddress2: '' });
		expect(sandbox.apio.callCenters.settingsOf(SEED.premium).reportingEmailAddress2).toBeUndefined();
		expect(jsonOf(result)[0]).not.toHaveProperty('reportingEmailAddress2');
		expect(jsonOf(result)[0]).toMatchObject({ reportingEmailAddress1: 'apio_test_1@netaxis.be' });
	});

	test.each([
		['an invalid email address', { reportingEmailAddress1: 'reports.example.com' }, 'Reporting Email Address 1 "reports.example.com" is not an email address'],
		['a collection period of 0', { collectionPeriodMinutes: 0 }, 'Collection Period (Minutes) must be a positive whole number, got "0"'],
		['a collection period of 2.5', { collectionPeriodMinutes: 2.5 }, 'Collection Period (Minutes) must be a positive whole number, got "2.5"'],
		['no field to update', {}, 'No setting to update'],
	])('%s: a NodeOperationError before any request', async (_, fields, message) => {
		const result = await runApio(sandbox, update(fields));
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(sandbox.requests).toEqual([]);
	});

	test('a 500 to the PUT is not retried: the change may or may not be applied, and the error says how to check', async () => {
		const sleep = jest.spyOn(retryClock, 'sleep').mockResolvedValue(undefined);
		sandbox.faults.add({ vendor: 'apio', method: 'PUT', times: 3, fault: { kind: 'status', status: 500 } });
		const result = await runApio(sandbox, update({ collectionPeriodMinutes: 15 }));
		sleep.mockRestore();
		expect(apiCalls(sandbox).map((call) => `${call.method} ${call.status}`)).toEqual(['GET 200', 'PUT 500']);
		expect(result.error?.message).toContain('Netaxis APIO answered 500 to a change, which may or may not have been applied');
		expect(result.error?.description).toContain('Get the statistics reporting settings of the call center and compare them');
	});

	test('a connection lost after APIO applied the PUT: sent once, the outcome is said to be unknown', async () => {
		const sleep = jest.spyOn(retryClock, 'sleep').mockResolvedValue(undefined);
		sandbox.faults.add({ vendor: 'apio', method: 'PUT', times: 3, fault: { kind: 'dropAfterProcessing' } });
		const result = await runApio(sandbox, update({ collectionPeriodMinutes: 15 }));
		sleep.mockRestore();
		expect(apiCalls(sandbox).filter((call) => call.method === 'PUT')).toHaveLength(1);
		expect(sandbox.apio.callCenters.settingsOf(SEED.premium).collectionPeriodMinutes).toBe(15);
		expect(result.error?.message).toContain('The outcome is unknown');
	});

	test("APIO's 400 sub-error becomes a clear message", async () => {
		sandbox.faults.add({
			vendor: 'apio',
			method: 'PUT',
			fault: {
				kind: 'status',
				status: 400,
				body: { errors: [{ code: 2, message: 'collectionPeriodMinutes must be one of 15, 30, 60' }] },
			},
		});
		const result = await runApio(sandbox, update({ collectionPeriodMinutes: 45 }));
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			'Netaxis APIO rejected the request as invalid: INVALID_PARAMETERS (2): collectionPeriodMinutes must be one of 15, 30, 60',
		);
		expect(result.error?.httpCode).toBe('400');
	});

	test('a 403 says the call needs Group Admin rights', async () => {
		sandbox.faults.add({ vendor: 'apio', method: 'GET', fault: { kind: 'status', status: 403, body: { details: 'Permission denied' } } });
		const result = await runApio(sandbox, update({ collectionPeriodMinutes: 15 }));
		expect(result.error?.message).toBe('Netaxis APIO refused this call for your user: Permission denied');
		expect(result.error?.description).toContain('Group Admin');
		expect(apiCalls(sandbox).filter((call) => call.method === 'PUT')).toEqual([]);
	});

	test('with Continue On Fail a bad item gives an error item and the others go on', async () => {
		const result = await runApio(sandbox, update({ reportingEmailAddress1: '={{ $json.email }}' }), {
			items: [{ email: 'not-an-address' }, { email: 'team@example.com' }],
			continueOnFail: true,
		});
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ error: 'Reporting Email Address 1 "not-an-address" is not an email address' }),
			expect.objectContaining({ ...PREMIUM, reportingEmailAddress1: 'team@example.com' }),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(apiCalls(sandbox).map((call) => call.method)).toEqual(['GET', 'PUT']);
	});
});
