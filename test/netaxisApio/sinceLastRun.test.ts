/**
 * Since Last Run on APIO's call-center statistics: up to the current time rounded down to the
 * call center's collection period (read from its statistics reporting settings), each run
 * starting where the last one ended.
 */
import { DateTime } from 'luxon';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { collectionPeriodStart } from '../../nodes/NetaxisApio/actions/callCenter/getStatistics.operation';
import { ScheduledRuns } from '../engine/scheduledRuns';
import { SEED } from '../sandbox/apio';
import { useSandbox } from '../sandbox/useSandbox';
import { apiCalls, callCenterParameters, jsonOf, runApio } from './fixture';

const sandbox = useSandbox();

const PARAMETERS: INodeParameters = { operation: 'getStatistics', ...callCenterParameters(SEED.statistics), period: 'sinceLastRun' };
const scheduled = () => new ScheduledRuns(async (parameters, options) => await runApio(sandbox(), { ...PARAMETERS, ...parameters }, options));
const rangesSent = () =>
	apiCalls(sandbox())
		.filter((request) => request.path.endsWith('/statistics/'))
		.map((request) => (request.body as { statisticsRange: IDataObject }).statisticsRange);

test('each run reads the collection period and pulls from the bookmark to the last whole period', async () => {
	sandbox().apio.callCenters.setSettings(SEED.statistics, { ...sandbox().apio.callCenters.settingsOf(SEED.statistics), collectionPeriodMinutes: 15 });
	const runs = scheduled();
	const first = await runs.at('2024-06-10T08:52:00Z');
	expect(first.error).toBeUndefined();
	expect(apiCalls(sandbox()).map((request) => request.path)).toEqual([
		'/api/v1/tenants/footenant/groups/foogroup/services/call_centers/APIOTestCallCenterP%40sip.netaxis.be/instance_statistics_reporting/',
		'/api/v1/tenants/footenant/groups/foogroup/services/call_centers/APIOTestCallCenterP%40sip.netaxis.be/statistics/',
	]);
	// Brussels is UTC+2 in June: 10:52 local, rounded down to 10:45.
	expect(rangesSent()).toEqual([{ start: '2024-06-09T00:00:00+02:00', end: '2024-06-10T10:45:00+02:00' }]);
	expect(jsonOf(first)[0]).toMatchObject({ rangeStart: '2024-06-09T00:00:00+02:00', rangeEnd: '2024-06-10T10:45:00+02:00', caughtUpDays: 1.45, bookmark: 'firstRun' });

	sandbox().clearRequests();
	await runs.at('2024-06-10T09:14:59Z');
	expect(rangesSent()).toEqual([{ start: '2024-06-10T10:45:00+02:00', end: '2024-06-10T11:00:00+02:00' }]);

	sandbox().clearRequests();
	const same = await runs.at('2024-06-10T09:05:00Z');
	expect(same.items).toEqual([]);
	expect(rangesSent()).toEqual([]);
});

test('without a collection period in the settings, 30 minutes', async () => {
	const settings: Partial<IDataObject> = { ...sandbox().apio.callCenters.settingsOf(SEED.statistics) };
	delete settings.collectionPeriodMinutes;
	sandbox().apio.callCenters.setSettings(SEED.statistics, settings as never);
	await scheduled().at('2024-06-10T08:52:00Z');
	expect(rangesSent()).toEqual([{ start: '2024-06-09T00:00:00+02:00', end: '2024-06-10T10:30:00+02:00' }]);
});

test('collection periods count from midnight in the zone', () => {
	const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
	expect(collectionPeriodStart(at('2024-06-10T08:52:00Z'), 60, 'Asia/Kolkata').toISO()).toBe('2024-06-10T14:00:00.000+05:30');
	expect(collectionPeriodStart(at('2024-06-10T08:52:00Z'), 45, 'Europe/Brussels').toISO()).toBe('2024-06-10T10:30:00.000+02:00');
});

test("the runs' counts add up to one pull of the whole period: nothing counted twice, nothing missed", async () => {
	const runs = scheduled();
	const queueRows: IDataObject[] = [];
	for (const time of ['2024-06-10T08:52:00Z', '2024-06-10T11:14:00Z', '2024-06-11T06:31:00Z']) {
		const result = await runs.at(time);
		queueRows.push(...jsonOf(result).filter((row) => row.level === 'queue'));
	}
	expect(queueRows.map((row) => [row.rangeStart, row.rangeEnd])).toEqual([
		['2024-06-09T00:00:00+02:00', '2024-06-10T10:30:00+02:00'],
		['2024-06-10T10:30:00+02:00', '2024-06-10T13:00:00+02:00'],
		['2024-06-10T13:00:00+02:00', '2024-06-11T08:30:00+02:00'],
	]);
	const [whole] = jsonOf(
		await runApio(sandbox(), { ...PARAMETERS, period: 'custom', start: '2024-06-09T00:00:00', end: '2024-06-11T08:30:00' }),
	);
	for (const figure of ['callsAnswered', 'callsAbandoned', 'callsTransferred', 'busyOverflows']) {
		expect([figure, queueRows.reduce((total, row) => total + Number(row[figure]), 0)]).toEqual([figure, whole[figure]]);
	}
	expect(Number(whole.callsAnswered)).toBeGreaterThan(0);
});
