/**
 * Statistic → Get CDR Log and Get CDR through the engine: the documented paths and options,
 * paging by start and num with Return All and Limit, a future day and a bad UUID refused
 * before any request, and an unknown call in plain words.
 */
import { DateTime } from 'luxon';

import { retryClock } from '../../nodes/shared/retry';
import { cdrsOfDay, cdrUuid } from '../sandbox/vcclive';
import { jsonOf, runVccLive, useSandbox, vccRequests } from './kit';

const sandbox = useSandbox();

const realSleep = retryClock.sleep;
beforeAll(() => {
	retryClock.sleep = async () => {};
});
afterAll(() => {
	retryClock.sleep = realSleep;
});

const DAY = DateTime.fromISO('2024-04-01', { zone: 'UTC' });
const cdrLog = (parameters: Record<string, unknown> = {}) => ({
	resource: 'statistic',
	operation: 'getCdrLog',
	day: '2024-04-01T00:00:00',
	returnAll: true,
	...parameters,
});
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('Statistic → Get CDR Log', () => {
	it('pages through the day by start and num and puts out every CDR in order', async () => {
		const result = await runVccLive(sandbox(), cdrLog());
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual(plain(cdrsOfDay(DAY)));
		expect(jsonOf(result)).toHaveLength(23);
		expect(vccRequests(sandbox()).map((request) => [request.method, request.path, request.query])).toEqual([
			['GET', '/v2/cdrs/2024/04/01', { start: '0', num: '10' }],
			['GET', '/v2/cdrs/2024/04/01', { start: '10', num: '10' }],
			['GET', '/v2/cdrs/2024/04/01', { start: '20', num: '10' }],
		]);
	});

	it('asks only for what the limit still misses, with the project filter', async () => {
		const result = await runVccLive(sandbox(), cdrLog({ returnAll: false, limit: 11, projectId: '4' }));
		expect(jsonOf(result)).toEqual(plain(cdrsOfDay(DAY, 4).slice(0, 11)));
		expect(vccRequests(sandbox()).map((request) => request.query)).toEqual([
			{ projectid: '4', start: '0', num: '10' },
			{ projectid: '4', start: '10', num: '1' },
		]);
	});

	it('retries a page the server failed, as a read', async () => {
		sandbox().faults.add({ vendor: 'vcclive', fault: { kind: 'status', status: 503 } });
		const result = await runVccLive(sandbox(), cdrLog({ returnAll: false, limit: 5 }));
		expect(jsonOf(result)).toHaveLength(5);
		expect(vccRequests(sandbox())).toHaveLength(2);
	});

	it('refuses a day in the future before any request', async () => {
		const tomorrow = DateTime.now().setZone('Europe/Budapest').plus({ days: 1 }).toISODate();
		const result = await runVccLive(sandbox(), cdrLog({ day: tomorrow }));
		expect(result.error?.message).toBe(`Day ${tomorrow} is in the future`);
		expect(result.error?.description).toMatch(/today or an earlier day/);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('refuses a project ID that is not a number before any request', async () => {
		const result = await runVccLive(sandbox(), cdrLog({ projectId: 'sales' }));
		expect(result.error?.message).toMatch(/Project ID must be a whole number/);
		expect(vccRequests(sandbox())).toHaveLength(0);
	});
});

describe('Statistic → Get CDR', () => {
	const uuid = cdrUuid(DAY, 214, 5);

	it('sends GET /v2/cdr/[year]/[month]/[uuid] and puts out the CDR', async () => {
		const result = await runVccLive(sandbox(), { resource: 'statistic', operation: 'getCdr', uuid: uuid.toUpperCase(), callDate: '2024-04-17' });
		expect(result.error).toBeUndefined();
		expect(vccRequests(sandbox()).map((request) => [request.method, request.path])).toEqual([['GET', `/v2/cdr/2024/04/${uuid}`]]);
		expect(jsonOf(result)).toEqual([plain(cdrsOfDay(DAY, 214)[5])]);
	});

	it('refuses a UUID that is not one before any request', async () => {
		const result = await runVccLive(sandbox(), { resource: 'statistic', operation: 'getCdr', uuid: '12/../../x', callDate: '2024-04-17' });
		expect(result.error?.message).toBe('Call UUID "12/../../x" is not a UUID');
		expect(vccRequests(sandbox())).toHaveLength(0);
	});

	it('says which call VCC Live has no CDR of (a wrong month)', async () => {
		const result = await runVccLive(sandbox(), { resource: 'statistic', operation: 'getCdr', uuid, callDate: '2024-05-01' });
		expect(result.error).toMatchObject({ httpCode: '404' });
		expect(result.error?.description).toContain(`VCC Live has no CDR of call ${uuid} in 2024-05`);
	});
});
