import type { IDataObject } from 'n8n-workflow';

/**
 * The objects of a list in a VCC Live answer: an array, or an object keyed by position (as
 * PHP writes some arrays), read the same way; entries that are not objects are left out.
 */
export function objectsOf(value: unknown): IDataObject[] {
	const listed = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : [];
	return listed.filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null && !Array.isArray(entry));
}
