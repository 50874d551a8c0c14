import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { byId, runLiveVox } from './fixture';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.clearRequests());

const cases: Array<[string, INodeParameters, RegExp, RegExp]> = [
	['a Service ID that resolves to nothing', { operation: 'getGeneral', serviceId: byId('={{ $json.missing }}') }, /Service ID is missing/, /whole number/],
	['a non-numeric Service ID from an expression', { operation: 'getSettings', serviceId: byId('={{ "20575abc" }}') }, /Service ID must be a whole number/, /digits only/],
	['a path hidden in a Service ID', { operation: 'delete', serviceId: byId('={{ "../info" }}') }, /Service ID must be a whole number/, /digits/],
	['a Call Center ID that resolves to nothing', { operation: 'list', callCenterId: '={{ $json.missing }}', returnAll: true }, /Call Center ID is missing/, /whole number/],
	['a Call Center ID that is not a number', { operation: 'getListInfo', callCenterId: '43a' }, /Call Center ID must be a whole number/, /digits only/],
	['an update with no fields', { operation: 'updateGeneral', serviceId: byId(20575), updateFields: {} }, /No fields to update/, /Update Fields/],
	['a settings update with no fields', { operation: 'updateSettings', serviceId: byId(20575), updateFields: {} }, /No fields to update/, /only the fields you add are sent/],
	['an inbound-hours time such as 7:75', { operation: 'addInboundHours', serviceId: byId(20575), dayOfWeek: 'MONDAY', startTime: '7:75', endTime: '17:00' }, /Opens At "7:75" is not a time/, /HH:mm/],
	['a closing time before the opening time', { operation: 'addInboundHours', serviceId: byId(20575), dayOfWeek: 'MONDAY', startTime: '17:00', endTime: '08:00' }, /Closes At must be after Opens At/, /past 24:00/],
	['an update of inbound hours ending before it starts', { operation: 'updateInboundHours', serviceId: byId(20575), hoursId: 1, updateFields: { startTime: '10:00', endTime: '09:59' } }, /Closes At must be after Opens At/, /later/],
	['an update of inbound hours with no time', { operation: 'updateInboundHours', serviceId: byId(20575), hoursId: 1, updateFields: {} }, /No fields to update/, /Update Fields/],
	['a specific date that is not a date', { operation: 'addInboundHours', serviceId: byId(20575), dayOfWeek: 'SPECIFIC_DATE', date: '={{ "not a date" }}', startTime: '08:00', endTime: '17:00' }, /Date is missing or not a date/, /Pick the day/],
	['a page size above 1000', { operation: 'list', callCenterId: 433, returnAll: true, options: { pageSize: 1001 } }, /Page Size must be a whole number from 1 to 1000/, /Limit may still be any number/],
	['a caller ID that is not a phone number', { operation: 'addCallerId', serviceId: byId(20575), callerId: '12/34' }, /is not a phone number/, /digits/],
	['no ACD feature to search for', { operation: 'findMatching', callDirection: 'OUTBOUND', acdFeature: '={{ [] }}', returnAll: true }, /ACD Features is empty/, /at least one/],
	['a call center list with a word in it', { operation: 'findMatching', callDirection: 'OUTBOUND', acdFeature: ['MANUAL'], returnAll: true, filters: { callCenterIds: '429, north' } }, /each of Call Center IDs must be a whole number/, /digits/],
	['a copy without a name', { operation: 'create', serviceId: byId(53661), name: '  ' }, /Name is missing/, /name/],
];

describe('bad input is refused before any request, naming the field and the fix', () => {
	test.each(cases)('%s', async (_title, parameters, message, hint) => {
		const result = await runLiveVox(sandbox, { resource: 'service', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(hint);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('a required field left empty is stopped by n8n itself before the run starts', async () => {
		await expect(runLiveVox(sandbox, { resource: 'service', operation: 'getGeneral', serviceId: byId('') })).rejects.toThrow(
			/workflow has issues/,
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('a Limit above the page cap is fine: pages stay at 1000', async () => {
		sandbox.livevox.seedCallCenter(9100, 1500);
		const result = await runLiveVox(sandbox, { resource: 'service', operation: 'list', callCenterId: 9100, returnAll: false, limit: 5000 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1500);
		const counts = sandbox.requests.filter((request) => request.path === '/configuration/services').map((request) => request.query.count);
		expect(counts).toEqual(['1000', '1000']);
	});
});
