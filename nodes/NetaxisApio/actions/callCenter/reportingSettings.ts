import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';

/** The settings APIO's PUT takes; statisticsSource is answered but cannot be set. */
export const WRITABLE_SETTINGS = [
	'generateDailyReport',
	'collectionPeriodMinutes',
	'reportingEmailAddress1',
	'reportingEmailAddress2',
] as const;

const EMAIL_FIELDS = [
	{ name: 'reportingEmailAddress1', label: 'Reporting Email Address 1' },
	{ name: 'reportingEmailAddress2', label: 'Reporting Email Address 2' },
] as const;

// Deliberately loose: one @, something on each side, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const settingsFields: INodeProperties[] = [
	{
		displayName: 'Collection Period (Minutes)',
		name: 'collectionPeriodMinutes',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 30,
		description: 'How often the call center statistics are collected, in minutes',
	},
	{
		displayName: 'Generate Daily Report',
		name: 'generateDailyReport',
		type: 'boolean',
		default: false,
		description: 'Whether a statistics report is generated and sent every day',
	},
	...EMAIL_FIELDS.map(
		({ name, label }): INodeProperties => ({
			displayName: label,
			name,
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Where the report is sent. Add this field and leave it empty to remove the address.',
		}),
	),
];

function readBoolean(value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	const text = String(value ?? '').trim().toLowerCase();
	if (text === 'true' || text === 'false') return text === 'true';
	throw new InvalidInput(
		`Generate Daily Report must be true or false, got "${text.slice(0, 20)}"`,
		'Switch Generate Daily Report on or off, or give true or false.',
	);
}

function readPeriod(value: unknown): number {
	const period = typeof value === 'number' ? value : Number(String(value ?? '').trim() || Number.NaN);
	if (!Number.isInteger(period) || period < 1) {
		throw new InvalidInput(
			`Collection Period (Minutes) must be a positive whole number, got "${String(value).slice(0, 20)}"`,
			'Enter the collection period in whole minutes, for example 15, 30 or 60.',
		);
	}
	return period;
}

/**
 * The changes the user added, checked before any request. An email field added but left
 * empty stays empty: APIO removes the address for an empty string.
 */
export function readSettingsChanges(fields: IDataObject): IDataObject {
	const changes: IDataObject = {};
	if (fields.generateDailyReport !== undefined) changes.generateDailyReport = readBoolean(fields.generateDailyReport);
	if (fields.collectionPeriodMinutes !== undefined) changes.collectionPeriodMinutes = readPeriod(fields.collectionPeriodMinutes);
	for (const { name, label } of EMAIL_FIELDS) {
		if (fields[name] === undefined || fields[name] === null) continue;
		const email = String(fields[name]).trim();
		if (email !== '' && !EMAIL.test(email)) {
			throw new InvalidInput(
				`${label} "${email.slice(0, 60)}" is not an email address`,
				`Enter an address such as reports@example.com, or leave ${label} empty to remove it.`,
			);
		}
		changes[name] = email;
	}
	if (Object.keys(changes).length === 0) {
		throw new InvalidInput('No setting to update', 'Add at least one field under Update Fields.');
	}
	return changes;
}

/**
 * What the PUT sends: the current writable settings with the user's changes on top. Whether
 * APIO's PUT replaces every setting or only those sent is undocumented; sending them all
 * gives the same result either way.
 */
export function mergeSettings(current: IDataObject, changes: IDataObject): IDataObject {
	const merged: IDataObject = {};
	for (const name of WRITABLE_SETTINGS) {
		const value = current?.[name];
		if (value !== undefined && value !== null) merged[name] = value;
	}
	return { ...merged, ...changes };
}
