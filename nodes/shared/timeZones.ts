import type { INodePropertyOptions } from 'n8n-workflow';

type IntlWithZones = { supportedValuesOf?: (key: 'timeZone') => string[] };

/**
 * The IANA time zones this Node.js knows, as a dropdown's options sorted by name, after
 * `first` (e.g. "use the workflow's time zone"). As n8n's own nodes list them: the zone
 * names themselves, which are what the vendors' documentation and users' settings use.
 */
export function timeZoneOptions(first: INodePropertyOptions[] = []): INodePropertyOptions[] {
	const known = (Intl as unknown as IntlWithZones).supportedValuesOf?.('timeZone') ?? [];
	const zones = [...new Set([...known, 'UTC'])].sort((a, b) => a.localeCompare(b));
	return [...first, ...zones.map((zone) => ({ name: zone.replace(/_/g, ' '), value: zone }))];
}
