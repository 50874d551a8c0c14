/**
 * The pure parts of the Netaxis APIO node on their own: the statistics period, APIO's error
 * bodies, the settings merge, the simplified rows, addresses and paths.
 */
import { DateTime } from 'luxon';

import { statisticsRows } from '../../nodes/NetaxisApio/actions/callCenter/simplifyStatistics';
import { mergeSettings, readSettingsChanges } from '../../nodes/NetaxisApio/actions/callCenter/reportingSettings';
import { statisticsRange } from '../../nodes/NetaxisApio/actions/callCenter/statisticsRange';
import { apioApiUrl, callCenterPath } from '../../nodes/NetaxisApio/apioAddress';
import { apioErrorMessage, invalidRangeHint } from '../../nodes/NetaxisApio/apioErrors';
import { InvalidInput } from '../../nodes/shared/input';

const NOW = DateTime.fromISO('2026-03-10T14:37:42.500Z');

describe('statisticsRange', () => {
	test('dates without offset are read in the zone and sent with its offset, to the second', () => {
		expect(statisticsRange('2026-01-01T00:00:00', '2026-01-31T23:59:59.900', 'Europe/Brussels', NOW)).toEqual({
			start: '2026-01-01T00:00:00+01:00',
			end: '2026-01-31T23:59:59+01:00',
			endClampedToNow: false,
		});
	});

	test('UTC gets +00:00, as in the example, not Z', () => {
		expect(statisticsRange('2026-01-01T00:00:00', '2026-01-02T00:00:00', 'UTC', NOW).start).toBe('2026-01-01T00:00:00+00:00');
	});

	test('an End after now becomes the current minute in the zone; the End picked is kept', () => {
		expect(statisticsRange('2026-03-01T00:00:00', '2026-04-01T00:00:00', 'Europe/Brussels', NOW)).toEqual({
			start: '2026-03-01T00:00:00+01:00',
			end: '2026-03-10T15:37:00+01:00',
			endClampedToNow: true,
			requestedEnd: '2026-04-01T00:00:00+02:00',
		});
	});

	test('an End within the current minute is already "in the future" for a slightly late APIO clock', () => {
		expect(statisticsRange('2026-03-10T00:00:00Z', '2026-03-10T14:37:30Z', 'UTC', NOW).end).toBe('2026-03-10T14:37:00+00:00');
	});

	test('epoch milliseconds, as every date field reads them', () => {
		expect(statisticsRange(Date.UTC(2026, 1, 1), String(Date.UTC(2026, 1, 2)), 'UTC', NOW)).toMatchObject({ start: '2026-02-01T00:00:00+00:00', end: '2026-02-02T00:00:00+00:00' });
	});

	test('luxon DateTimes and JavaScript Dates from expressions', () => {
		const range = statisticsRange(
			DateTime.fromISO('2026-02-01T10:00:00', { zone: 'America/New_York' }),
			new Date('2026-02-02T00:00:00Z'),
			'Europe/Brussels',
			NOW,
		);
		expect(range).toMatchObject({ start: '2026-02-01T16:00:00+01:00', end: '2026-02-02T01:00:00+01:00' });
	});

	test.each([
		['2026-03-10T14:38:00Z', '2026-03-11T00:00:00Z', 'The period starts in the future (Start "2026-03-10T14:38:00Z")'],
		['2026-02-02 08:00', '2026-02-01', 'End "2026-02-01" is before Start "2026-02-02 08:00"'],
		[1769904000, '2026-02-01', 'Start "1769904000" is not a date'],
		[undefined, '2026-02-01T00:00:00Z', 'Start is missing'],
		['2026-02-01', 'not a date', 'End "not a date" is not a date'],
	])('bad input %s .. %s', (start, end, message) => {
		expect(() => statisticsRange(start, end, 'UTC', NOW)).toThrow(InvalidInput);
		expect(() => statisticsRange(start, end, 'UTC', NOW)).toThrow(message);
	});
});

describe('apioErrorMessage', () => {
	test.each([
		[{ errors: [{ code: 2, message: 'End date can not be earlier than start date.' }] }, 'INVALID_PARAMETERS (2): End date can not be earlier than start date.'],
		[{ errors: [{ code: 2, message: 'INVALID_PARAMETERS', details: 'Start date or end date in the future' }] }, 'INVALID_PARAMETERS (2): Start date or end date in the future'],
		[{ errors: [{ code: 7, message: 'first' }, { code: 2, message: 'second' }] }, '7: first; INVALID_PARAMETERS (2): second'],
		[{ details: 'Permission denied' }, 'Permission denied'],
		[{ error: 'Invalid username or password' }, 'Invalid username or password'],
		[{ error: { code: 2, message: 'bad' } }, 'INVALID_PARAMETERS (2): bad'],
		['plain text answer', 'plain text answer'],
		['<html>bad gateway</html>', undefined],
		[{ unrelated: true }, undefined],
		[undefined, undefined],
	])('%j', (body, message) => {
		expect(apioErrorMessage(body)).toBe(message);
	});

	test('the three documented range messages each have their hint', () => {
		expect(invalidRangeHint('INVALID_PARAMETERS (2): The format of start date or end date is invalid.')).toContain('Query Parameters');
		expect(invalidRangeHint('Start date or end date in the future')).toContain('clock');
		expect(invalidRangeHint('End date can not be earlier than start date.')).toBe('Pick an End after the Start.');
		expect(invalidRangeHint('something else')).toBeUndefined();
	});
});

describe('settings', () => {
	test('the current writable settings with the changes on top; statisticsSource and unset values left out', () => {
		const current = {
			generateDailyReport: true,
			collectionPeriodMinutes: 30,
			reportingEmailAddress1: 'a@example.com',
			reportingEmailAddress2: null,
			statisticsSource: 'Application Server',
		};
		expect(mergeSettings(current, { collectionPeriodMinutes: 15, reportingEmailAddress1: '' })).toEqual({
			generateDailyReport: true,
			collectionPeriodMinutes: 15,
			reportingEmailAddress1: '',
		});
	});

	test('changes are read from the fields added; strings from expressions are accepted', () => {
		expect(
			readSettingsChanges({ generateDailyReport: 'true', collectionPeriodMinutes: '60', reportingEmailAddress2: ' b@example.com ' }),
		).toEqual({ generateDailyReport: true, collectionPeriodMinutes: 60, reportingEmailAddress2: 'b@example.com' });
	});

	test.each([
		[{ generateDailyReport: 'yes' }, 'Generate Daily Report must be true or false'],
		[{ collectionPeriodMinutes: -5 }, 'must be a positive whole number'],
		[{ collectionPeriodMinutes: '' }, 'must be a positive whole number'],
		[{ reportingEmailAddress2: 'two words@example.com' }, 'is not an email address'],
	])('bad input %j', (fields, message) => {
		expect(() => readSettingsChanges(fields)).toThrow(message);
	});
});

describe('statisticsRows', () => {
	test('agent fields beyond the documented ones are kept when flat; missing parts give empty values', () => {
		const rows = statisticsRows(
			{ agentStatistics: [{ agentUserId: 'a@x', available: true, skillLevel: 3, nested: { a: 1 } } as never] },
			{ callCenter: 'cc@x', start: 's', end: 'e' },
		);
		expect(rows).toEqual([
			{ level: 'queue', callCenter: 'cc@x', start: 's', end: 'e' },
			{
				level: 'agent',
				callCenter: 'cc@x',
				start: 's',
				end: 'e',
				agentUserId: 'a@x',
				available: true,
				skillLevel: 3,
				firstName: '',
				lastName: '',
				displayName: '',
			},
		]);
	});
});

describe('addresses', () => {
	test('base URL and prefix are joined with single slashes; an empty prefix is /api/v1', () => {
		expect(apioApiUrl({ baseUrl: ' https://apio.example.com/ ', apiPrefix: 'api/v01/apio/sync/api/v1/' }, '/tenants/')).toBe(
			'https://apio.example.com/api/v01/apio/sync/api/v1/tenants/',
		);
		expect(apioApiUrl({ baseUrl: 'https://apio.example.com', apiPrefix: '' }, '/tenants/')).toBe(
			'https://apio.example.com/api/v1/tenants/',
		);
	});

	test('every part of a call-center path is percent-encoded and the trailing slash is kept', () => {
		expect(callCenterPath('My Tenant', 'grp/1', 'sales@sip.example.com', 'statistics')).toBe(
			'/tenants/My%20Tenant/groups/grp%2F1/services/call_centers/sales%40sip.example.com/statistics/',
		);
	});
});
