/**
 * Statistic → List Voice Files through the engine: the documented path, `lastUuid` empty at
 * first and then the last UUID received, 10 per answer to the short page, Limit stopping the
 * requests, and a future month refused before any request.
 */
import { DateTime } from 'luxon';

import { voiceFilesOfMonth } from '../sandbox/vcclive';
import { jsonOf, runVccLive, useSandbox, vccRequests } from './kit';

const sandbox = useSandbox();

const list = (parameters: Record<string, unknown> = {}) => ({ resource: 'statistic', operation: 'listVoiceFiles', month: '2024-04-09', returnAll: true, ...parameters });
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

it('follows lastUuid through the month and puts out every voice file in order', async () => {
	const files = voiceFilesOfMonth(2024, 4);
	expect(files).toHaveLength(45);
	const result = await runVccLive(sandbox(), list());
	expect(result.error).toBeUndefined();
	expect(jsonOf(result)).toEqual(plain(files));
	expect(vccRequests(sandbox()).map((request) => [request.method, request.path, request.query.lastUuid])).toEqual([
		['GET', '/v2/voicefiles/2024/04', ''],
		...[9, 19, 29, 39].map((index) => ['GET', '/v2/voicefiles/2024/04', files[index].uuid]),
	]);
});

it('stops asking once the limit is reached', async () => {
	const result = await runVccLive(sandbox(), list({ returnAll: false, limit: 12 }));
	expect(jsonOf(result)).toEqual(plain(voiceFilesOfMonth(2024, 4).slice(0, 12)));
	expect(vccRequests(sandbox())).toHaveLength(2);
});

it('refuses a month in the future before any request', async () => {
	const next = DateTime.now().setZone('Europe/Budapest').plus({ months: 1 });
	const result = await runVccLive(sandbox(), list({ month: next.toISODate() }));
	expect(result.error?.message).toBe(`Month ${next.startOf('month').toISODate()} is in the future`);
	expect(vccRequests(sandbox())).toHaveLength(0);
});
