import type { IDataObject } from 'n8n-workflow';

/** Voice files per answer: "This resource provides a maximum of 10 elements in its response." */
export const VOICE_FILE_PAGE_SIZE = 10;

const uuidOf = (entry: IDataObject): string | undefined => {
	const uuid = entry.uuid ?? entry.UUID;
	return typeof uuid === 'string' && uuid !== '' ? uuid : undefined;
};

/**
 * Every entry of a list read by `lastUuid` (empty at first, then the last UUID received), at
 * most `limit`: a page of fewer than 10 is the last, and so is one whose last entry has no
 * UUID or repeats the one asked with (it could not move on).
 */
export async function collectByLastUuid(
	fetchPage: (lastUuid: string | undefined) => Promise<IDataObject[]>,
	limit: number | undefined,
): Promise<IDataObject[]> {
	const entries: IDataObject[] = [];
	let lastUuid: string | undefined;
	for (;;) {
		const page = await fetchPage(lastUuid);
		for (const entry of page) {
			if (limit !== undefined && entries.length >= limit) return entries;
			entries.push(entry);
		}
		if (limit !== undefined && entries.length >= limit) return entries;
		const next = page.length > 0 ? uuidOf(page[page.length - 1]) : undefined;
		if (page.length < VOICE_FILE_PAGE_SIZE || next === undefined || next === lastUuid) return entries;
		lastUuid = next;
	}
}
