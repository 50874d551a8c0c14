import { DateTime } from 'luxon';

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

const EPOCH_MS = /^\d{12,13}$/;

/**
 * The callback's moment from the date-and-time field: a time without an offset is read in the
 * callback's time zone (what a supervisor means by "9:30 Pacific"); an offset, epoch
 * milliseconds or a date object name the moment themselves. It must lie in the future.
 */
export function readCallbackDate(value: unknown, zone: string, nowMs: number): DateTime {
	let moment: DateTime | undefined;
	if (DateTime.isDateTime(value)) moment = value;
	else if (value instanceof Date) moment = DateTime.fromJSDate(value);
	else if (typeof value === 'number') moment = DateTime.fromMillis(value);
	else if (typeof value === 'string' && EPOCH_MS.test(value.trim())) moment = DateTime.fromMillis(Number(value.trim()));
	else if (typeof value === 'string' && value.trim() !== '') moment = DateTime.fromISO(value.trim(), { zone });
	if (!moment?.isValid) {
		const shown = value === undefined || value === null || value === '' ? '' : ` "${String(value).slice(0, 40)}"`;
		throw new InvalidInput(
			shown === '' ? 'Callback date is missing' : `Callback date${shown} is not a date and time`,
			'Pick a date and time, or choose "As Soon As Possible".',
		);
	}
	const inZone = moment.setZone(zone);
	if (inZone.toMillis() <= nowMs) {
		throw new InvalidInput(
			`Callback date ${inZone.toISO()} is in the past`,
			'Pick a date and time in the future, or choose "As Soon As Possible".',
		);
	}
	return inZone;
}
