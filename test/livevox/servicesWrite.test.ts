import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { apiCalls, byId, jsonOf, runLiveVox, sent } from './fixture';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.livevox.reset();
	sandbox.clearRequests();
});

const service = (parameters: Record<string, unknown>) =>
	runLiveVox(sandbox, { resource: 'service', ...parameters } as never);

/** Reads a service tab through the node, for checking that a change is visible afterwards. */
async function readBack(operation: string, serviceId: number) {
	sandbox.clearRequests();
	return jsonOf(await service({ operation, serviceId: byId(serviceId) }));
}

describe('Service writes send the documented request and say what was done', () => {
	test('Create copies a service under a new name and gives the new ID', async () => {
		const result = await service({ operation: 'create', serviceId: byId(53661), name: 'Documentation' });
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{ method: 'POST', path: '/configuration/services', query: { service: '53661', name: 'Documentation' }, body: undefined },
		]);
		expect(jsonOf(result)).toEqual([{ serviceId: 53701, name: 'Documentation', copiedFrom: 53661 }]);
		expect((await readBack('getGeneral', 53701))[0]).toMatchObject({ name: 'Documentation', callCenterId: 433 });
	});

	test('Delete removes a service; reading it afterwards is a 404', async () => {
		await service({ operation: 'create', serviceId: byId(53661), name: 'One' });
		await service({ operation: 'create', serviceId: byId(53661), name: 'Two' });
		sandbox.clearRequests();
		const result = await service({ operation: 'delete', serviceId: byId(53702) });
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{ method: 'DELETE', path: '/configuration/services/53702', query: {}, body: undefined },
		]);
		expect(jsonOf(result)).toEqual([{ success: true, serviceId: 53702, deleted: true }]);
		sandbox.clearRequests();
		const afterwards = await service({ operation: 'getGeneral', serviceId: byId(53702) });
		expect(afterwards.error?.httpCode).toBe('404');
	});

	test('Add Caller ID, as default, then Remove Caller ID', async () => {
		const added = await service({ operation: 'addCallerId', serviceId: byId(20180), callerId: '(734) 732-4396', makeDefault: true });
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{ method: 'POST', path: '/configuration/services/20180/phone/7347324396', query: { default: 'true' }, body: undefined },
		]);
		expect(jsonOf(added)).toEqual([{ success: true, serviceId: 20180, callerId: '7347324396', default: true }]);
		const phone = (await readBack('getPhone', 20180))[0];
		expect(phone.callerId).toContain('7347324396');
		expect(phone.defaultCallerId).toBe('7347324396');

		sandbox.clearRequests();
		const removed = await service({ operation: 'removeCallerId', serviceId: byId(20180), callerId: '7347324396' });
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{ method: 'DELETE', path: '/configuration/services/20180/phone/7347324396', query: {}, body: undefined },
		]);
		expect(jsonOf(removed)).toEqual([{ success: true, serviceId: 20180, callerId: '7347324396', removed: true }]);
		expect((await readBack('getPhone', 20180))[0].callerId).not.toContain('7347324396');
	});

	test('Add, Update and Remove Inbound Hours with times entered as HH:mm', async () => {
		const added = await service({
			operation: 'addInboundHours',
			serviceId: byId(20575),
			dayOfWeek: 'SATURDAY',
			startTime: '14:00',
			endTime: '17:00',
		});
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{
				method: 'POST',
				path: '/configuration/services/20575/inboundHours',
				query: {},
				body: { dayOfWeek: 'SATURDAY', startTime: 50400000, endTime: 61200000 },
			},
		]);
		expect(jsonOf(added)).toEqual([
			{ id: 29857, serviceId: 20575, dayOfWeek: 'SATURDAY', startTime: 50400000, endTime: 61200000 },
		]);

		sandbox.clearRequests();
		const updated = await service({
			operation: 'updateInboundHours',
			serviceId: byId(20575),
			hoursId: 29857,
			updateFields: { startTime: '17:15', endTime: '22:55' },
		});
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{
				method: 'POST',
				path: '/configuration/services/20575/inboundHours/29857',
				query: {},
				body: { startTime: 62100000, endTime: 82500000 },
			},
		]);
		expect(jsonOf(updated)).toEqual([{ success: true, serviceId: 20575, hoursId: 29857, startTime: 62100000, endTime: 82500000 }]);
		const hours = await readBack('getInboundHours', 20575);
		expect(hours.find((hour) => hour.id === 29857)).toMatchObject({ start: '17:15', end: '22:55' });

		sandbox.clearRequests();
		await service({ operation: 'removeInboundHours', serviceId: byId(20575), hoursId: 29857 });
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{ method: 'DELETE', path: '/configuration/services/20575/inboundHours/29857', query: {}, body: undefined },
		]);
		expect((await readBack('getInboundHours', 20575)).map((hour) => hour.id)).not.toContain(29857);
	});

	test('Add Inbound Hours for a specific date sends that day at midnight Eastern, and closes past midnight', async () => {
		const result = await service({
			operation: 'addInboundHours',
			serviceId: byId(20575),
			dayOfWeek: 'SPECIFIC_DATE',
			date: '2020-01-31T15:30:00.000+01:00',
			startTime: '08:00',
			endTime: '25:59',
		});
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox)[0].body).toEqual({
			dayOfWeek: 'SPECIFIC_DATE',
			date: 1580446800000,
			startTime: 28800000,
			endTime: 93540000,
		});
	});

	test('Update General sends only the fields set, false included', async () => {
		const result = await service({
			operation: 'updateGeneral',
			serviceId: byId(53661),
			updateFields: {
				name: 'Arbitrary',
				abbreviation: 'ARB',
				unattended: false,
				termCodeEnabled: false,
				acdFeatureCode: 'MANUAL',
				inboundService: 33133,
				callDirection: 'BLENDED',
			},
		});
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{
				method: 'POST',
				path: '/configuration/services/53661',
				query: {},
				body: {
					name: 'Arbitrary',
					abbreviation: 'ARB',
					unattended: false,
					termCodeEnabled: false,
					acdFeatureCode: 'MANUAL',
					inboundService: 33133,
					callDirection: 'BLENDED',
				},
			},
		]);
		expect(jsonOf(result)[0]).toMatchObject({ success: true, serviceId: 53661, name: 'Arbitrary' });
		expect((await readBack('getGeneral', 53661))[0]).toMatchObject({ name: 'Arbitrary', previewMode: 'NONE' });
	});

	test('Update Messaging Property sends property and value as query parameters; other properties by expression', async () => {
		await service({ operation: 'updateMessagingProperty', serviceId: byId(20575), property: 'INBOUND_TEMPLATE_ID', value: '14206' });
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{
				method: 'POST',
				path: '/configuration/services/20575/messaging',
				query: { property: 'INBOUND_TEMPLATE_ID', value: '14206' },
				body: undefined,
			},
		]);
		sandbox.clearRequests();
		await service({ operation: 'updateMessagingProperty', serviceId: byId(20575), property: '={{ "CUSTOM_" + "KEY" }}', value: '7' });
		expect(apiCalls(sandbox)[0].query).toEqual({ property: 'CUSTOM_KEY', value: '7' });
		expect((await readBack('getMessaging', 20575))[0].properties).toMatchObject({ inbound_template_id: '14206', custom_key: '7' });
	});

	test('Update Phone is a POST with the numbers set (the documentation example shows GET)', async () => {
		const numbers = { operatorPhone: '8773402033', callbackPhone: '8773402033', agentCallInNumber: '7347324396', defaultCallerId: '8773402031' };
		const result = await service({ operation: 'updatePhone', serviceId: byId(20575), updateFields: numbers });
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{ method: 'POST', path: '/configuration/services/20575/phone', query: {}, body: numbers },
		]);
		expect(jsonOf(result)).toEqual([{ success: true, serviceId: 20575, ...numbers }]);
		expect((await readBack('getPhone', 20575))[0]).toMatchObject(numbers);
	});

	test('Update Settings sends the documented example fields', async () => {
		const settings = {
			cycleSortDaily: false,
			serviceLevelSeconds: 20,
			accountMaxAttemptsPerDay: 0,
			dialingSort: 'DEFAULT',
			zipAreaMismatch: 'OFF',
			voiceId: 1,
			scrubWireless: false,
			answeringMachineOption: 'NO_MESSAGES',
			isCrossRequeueable: true,
			volumeControlEnabled: false,
			acdScheduledCallbackPhReadonly: false,
			acdScheduledCallback: 'ROUTE_TO_ORIG_AGENT_FIRST',
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
			operatorPhoneSourceId: 0,
			callAcceptanceEnabled: false,
		};
		const result = await service({ operation: 'updateSettings', serviceId: byId(18892), updateFields: settings });
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox).map(sent)).toEqual([
			{ method: 'POST', path: '/configuration/services/18892/settings', query: {}, body: settings },
		]);
		expect((await readBack('getSettings', 18892))[0]).toMatchObject({ voiceId: 1, previewTimeout: 1000 });
	});
});
