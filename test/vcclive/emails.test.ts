/**
 * Statistic → Get Email Log through the engine: the documented path and options, paging by
 * start and num to the end of the month (also when VCC Live gives fewer than asked), Limit
 * passed into the requests, and bad input refused before any request.
 */
import { DateTime } from 'luxon';

import { emailsOfMonth } from '../sandbox/vcclive';
import { jsonOf, runVccLive, useSandbox, vccRequests } from './kit';

const sandbox = useSandbox();

const emailLog = (parameters: Record<string, unknown> = {}) => ({
	resource: 'statistic',
	operation: 'getEmailLog',
	projectId: '4',
	month: '2024-04-17',
	returnAll: true,
	...parameters,
});
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

it('pages through the month by start and num and puts out every email in order', async () => {
	const result = await runVccLive(sandbox(), emailLog());
	expect(result.error).toBeUndefined();
	expect(jsonOf(result)).toEqual(plain(emailsOfMonth(4, 2024, 4)));
	expect(vccRequests(sandbox()).map((request) => [request.method, request.path, request.query])).toEqual([
		['GET', '/v2/projects/4/emails/2024/04', { start: '0', num: '100' }],
		['GET', '/v2/projects/4/emails/2024/04', { start: '100', num: '100' }],
		['GET', '/v2/projects/4/emails/2024/04', { start: '130', num: '100' }],
	]);
});

it('loses nothing when VCC Live gives fewer emails than asked for', async () => {
	sandbox().vcclive.emailPageCap = 40;
	const result = await runVccLive(sandbox(), emailLog());
	expect(jsonOf(result)).toEqual(plain(emailsOfMonth(4, 2024, 4)));
	expect(vccRequests(sandbox()).map((request) => request.query.start)).toEqual(['0', '40', '80', '120', '130']);
});

it('asks only for what the limit still misses, in the order chosen', async () => {
	const result = await runVccLive(sandbox(), emailLog({ returnAll: false, limit: 5, options: { direction: 'DESC' } }));
	expect(jsonOf(result)).toEqual(plain([...emailsOfMonth(4, 2024, 4)].reverse().slice(0, 5)));
	expect(vccRequests(sandbox()).map((request) => request.query)).toEqual([{ start: '0', num: '5', direction: 'DESC' }]);
});

it('puts out nothing for a month without emails, after one request', async () => {
	const result = await runVccLive(sandbox(), emailLog({ projectId: '370' }));
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(0);
	expect(vccRequests(sandbox())).toHaveLength(1);
});

it.each([
	[{ projectId: 'sales' }, /Project ID must be a whole number/],
	[{ month: DateTime.now().setZone('Europe/Budapest').plus({ months: 1 }).toISODate() }, /^Month \d{4}-\d{2}-01 is in the future$/],
	[{ month: 'April' }, /Month "April" is not a date/],
])('refuses %j before any request', async (parameters, message) => {
	const result = await runVccLive(sandbox(), emailLog(parameters));
	expect(result.error?.message).toMatch(message);
	expect(vccRequests(sandbox())).toHaveLength(0);
});
