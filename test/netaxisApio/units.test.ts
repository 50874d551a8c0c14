/**
 * The pure parts of the Netaxis APIO node on their own: APIO's error bodies, the settings
 * merge, the simplified rows, addresses and paths.
 */
import { statisticsRows } from '../../nodes/NetaxisApio/actions/callCenter/simplifyStatistics';
import { mergeSettings, readSettingsChanges } from '../../nodes/NetaxisApio/actions/callCenter/reportingSettings';
import { apioApiUrl, callCenterPath } from '../../nodes/NetaxisApio/apioAddress';
import { apioErrorMessage, invalidRangeHint } from '../../nodes/NetaxisApio/apioErrors';

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
