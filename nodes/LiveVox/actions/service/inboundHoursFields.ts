import type { INodeProperties } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';

/** LiveVox enters inbound hours in Eastern Time, as milliseconds from midnight. */
export const LIVEVOX_HOURS_ZONE = 'America/New_York';

export const hoursIdField: INodeProperties = {
	displayName: 'Inbound Hours ID',
	name: 'hoursId',
	type: 'number',
	default: 0,
	required: true,
	description: 'The ID of the inbound hours entry, as Get Inbound Hours shows it',
};

export function clockTimeField(which: 'start' | 'end', required: boolean): INodeProperties {
	return {
		displayName: which === 'start' ? 'Opens At' : 'Closes At',
		name: which === 'start' ? 'startTime' : 'endTime',
		type: 'string',
		default: '',
		required,
		placeholder: which === 'start' ? '08:00' : '17:30',
		description:
			which === 'start'
				? 'Opening time as HH:mm, Eastern Time'
				: 'Closing time as HH:mm, Eastern Time. For a closing time after midnight go past 24:00: 25:59 closes at 1:59 am the next day.',
	};
}

/** An end must come after its start. */
export function assertEndAfterStart(startMs: number, endMs: number): void {
	if (endMs <= startMs) {
		throw new InvalidInput(
			'Closes At must be after Opens At',
			'Enter a closing time later than the opening time; for a closing time after midnight go past 24:00 (25:59 is 1:59 am the next day).',
		);
	}
}
