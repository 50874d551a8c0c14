import { IANAZone } from 'luxon';

import { timeZoneOptions } from './timeZones';

describe('timeZoneOptions', () => {
	test('every option is a zone luxon reads, sorted by name, each once, UTC among them; the given ones first', () => {
		const options = timeZoneOptions([{ name: 'Workflow Timezone', value: '' }]);
		expect(options[0]).toEqual({ name: 'Workflow Timezone', value: '' });
		const zones = options.slice(1);
		expect(zones.length).toBeGreaterThan(300);
		expect(zones.every((option) => IANAZone.isValidZone(option.value as string))).toBe(true);
		expect(new Set(zones.map((option) => option.value)).size).toBe(zones.length);
		expect(zones.map((option) => option.value)).toEqual([...zones.map((option) => option.value as string)].sort((a, b) => a.localeCompare(b)));
		expect(zones).toContainEqual({ name: 'America/New York', value: 'America/New_York' });
		expect(zones).toContainEqual({ name: 'UTC', value: 'UTC' });
	});
});
