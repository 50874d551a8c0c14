import type { DateTime } from 'luxon';

import { asEntered, readDateTime } from '../../../shared/dateInput';
import { InvalidInput } from '../../../shared/input';

/** ScheduleCallback's documented timeZone values and the zones they name. */
export const CALLBACK_TIME_ZONES = [
	{ name: 'Eastern Time (ET)', value: 'ET', zone: 'America/New_York' },
	{ name: 'Central Time (CT)', value: 'CT', zone: 'America/Chicago' },
	{ name: 'Mountain Time (MT)', value: 'MT', zone: 'America/Denver' },
	{ name: 'Pacific Time (PT)', value: 'PT', zone: 'America/Los_Angeles' },
	{ name: 'Alaska Time (AT)', value: 'AT', zone: 'America/Anchorage' },
	{ name: 'Hawaiian (HI)', value: 'HI', zone: 'Pacific/Honolulu' },
] as const;

export function readCallbackTimeZone(value: unknown): (typeof CALLBACK_TIME_ZONES)[number] {
	const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
	const found = CALLBACK_TIME_ZONES.find((entry) => entry.value === code);
	if (!found) {
		throw new InvalidInput(
			`Time Zone "${String(value ?? '').slice(0, 20)}" is not one LiveVox knows`,
			`Use one of ${CALLBACK_TIME_ZONES.map((entry) => entry.value).join(', ')}.`,
		);
	}
	return found;
}

/**
 * The callback's moment from the date-and-time field (read as every date field is, see
 * readDateTime): a time without an offset is read in the callback's time zone (what a
 * supervisor means by "9:30 Pacific"); an offset, epoch milliseconds or a date object name the
 * moment themselves. It must lie in the future.
 */
export function readCallbackDate(value: unknown, zone: string, nowMs: number): DateTime {
	const moment = readDateTime(value, {
		label: 'Callback date',
		zone,
		alternative: 'choose "As Soon As Possible"',
	});
	if (moment.toMillis() <= nowMs) {
		throw new InvalidInput(
			`Callback date "${asEntered(value)}" is in the past`,
			'Pick a date and time in the future, or choose "As Soon As Possible".',
		);
	}
	return moment;
}
