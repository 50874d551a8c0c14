import fc from 'fast-check';
import { DateTime, Settings } from 'luxon';

import { parseCsv } from '../../../shared/csv';
import type { CsvTable } from './callDetailsCsv';
import { csvAnswerText, parseCsvBytes, recordBuilder, zonedIsoFromStamp } from './callDetailsCsv';
import { mergeTables } from './callDetailsMerge';

describe('CSV of Call Event Recovery', () => {
	const text = '\ufeffaccount,lvResult,zipCode,duration,sessionId,transactionId\r\n@12345,"Hung Up, ""Rude""\r\nline two",02139,34,U1@10.0.0.1,126035363681\r\n12,Café 日本,,7,U2@10.0.0.1,126035363690\r\n';

	const expectRead = (table: CsvTable) => {
		expect(table.header).toEqual(['account', 'lvResult', 'zipCode', 'duration', 'sessionId', 'transactionId']);
		expect(table.rows).toEqual(parseCsv(text.slice(1)).slice(1));
		expect(table.rows[0][1]).toBe('Hung Up, "Rude"\r\nline two');
		expect(table.rows[1][1]).toBe('Café 日本');
	};

	test.each([1, 2, 3, 5, 7, 64])('reads bytes in chunks of %i: BOM, CRLF, quotes, embedded line breaks, multi-byte characters', async (chunkBytes) => {
		expectRead(await parseCsvBytes(Buffer.from(text, 'utf8'), chunkBytes));
	});

	test.each([1, 3, 64])('reads bytes as they arrive, in pieces of %i, the same way; the text of the answer too', async (pieceBytes) => {
		const bytes = Buffer.from(text, 'utf8');
		async function* arriving() {
			for (let offset = 0; offset < bytes.length; offset += pieceBytes) yield bytes.subarray(offset, offset + pieceBytes);
		}
		expectRead(await parseCsvBytes(arriving()));
		expect(await csvAnswerText(arriving())).toBe(text);
	});

	test('types the numeric columns only; identifiers stay text; times get an ISO twin', () => {
		const toIso = zonedIsoFromStamp('America/New_York');
		const header = ['account', 'zipCode', 'duration', 'agentId', 'phoneDialed', 'transactionId', 'start'];
		expect(recordBuilder(header, toIso)(['@12345', '02139', '34', '', '9176754178', '126035363681', '20211013 05:12:08'])).toEqual({
			account: '@12345', zipCode: '02139', duration: 34, agentId: null, phoneDialed: '9176754178', transactionId: '126035363681',
			start: '20211013 05:12:08', startIso: '2021-10-13T05:12:08-04:00',
		});
	});

	test('ISO times across DST: standard and summer offsets, the skipped hour as luxon reads it', () => {
		const toIso = zonedIsoFromStamp('America/New_York');
		expect(toIso('20240310 01:59:59')).toBe('2024-03-10T01:59:59-05:00');
		expect(toIso('20240310 03:00:00')).toBe('2024-03-10T03:00:00-04:00');
		expect(toIso('20240310 02:30:00')).toBe(DateTime.fromObject({ year: 2024, month: 3, day: 10, hour: 2, minute: 30 }, { zone: 'America/New_York' }).toISO({ suppressMilliseconds: true }));
		expect(toIso('not a time')).toBeNull();
	});

	test('ISO times name the instant and offset luxon gives, in zones whose DST changes at midnight or by 30 minutes too', () => {
		const zones = ['America/New_York', 'Europe/London', 'America/Santiago', 'America/Havana', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
		const stamp = fc
			.record({ day: fc.integer({ min: 0, max: 3 * 366 }), second: fc.integer({ min: 0, max: 86_399 }) })
			.map(({ day, second }) => DateTime.utc(2023, 1, 1).plus({ days: day, seconds: second }).toFormat('yyyyMMdd HH:mm:ss'));
		for (const zone of zones) {
			const toIso = zonedIsoFromStamp(zone);
			fc.assert(
				fc.property(fc.array(stamp, { minLength: 1, maxLength: 50 }), (stamps) => {
					for (const text of stamps) {
						const expected = DateTime.fromFormat(text, 'yyyyMMdd HH:mm:ss', { zone });
						const actual = DateTime.fromISO(toIso(text) ?? '', { setZone: true });
						expect([text, actual.toMillis(), actual.offset]).toEqual([text, expected.toMillis(), expected.offset]);
					}
				}),
				{ numRuns: 200 },
			);
		}
	});

	test('ISO times on every DST-change day, minute by minute, whichever season it is now', () => {
		// The 30-minute change of Lord Howe: 02:00-02:29 does not exist on 2024-10-06, 02:30 does.
		expect(zonedIsoFromStamp('Australia/Lord_Howe')('20241006 02:00:00')).toBe('2024-10-06T02:30:00+11:00');
		expect(zonedIsoFromStamp('Australia/Lord_Howe')('20241006 02:45:00')).toBe('2024-10-06T02:45:00+11:00');
		const zones = ['America/New_York', 'Europe/London', 'America/Santiago', 'America/Havana', 'Australia/Lord_Howe'];
		// Days whose offset at their start differs from the next day's, and those next days.
		const changeDays = (zone: string) => {
			const dayStart = (date: DateTime) => DateTime.fromObject({ year: date.year, month: date.month, day: date.day }, { zone });
			const dates: string[] = [];
			for (let date = DateTime.utc(2024, 1, 1); date.year === 2024; date = date.plus({ days: 1 })) {
				if (dayStart(date).offset !== dayStart(date.plus({ days: 1 })).offset) dates.push(date.toFormat('yyyyMMdd'), date.plus({ days: 1 }).toFormat('yyyyMMdd'));
			}
			return dates;
		};
		const realNow = Settings.now;
		try {
			// Luxon places a repeated wall-clock time by the zone's offset at the current instant.
			for (const now of [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)]) {
				Settings.now = () => now;
				for (const zone of zones) {
					const days = changeDays(zone);
					expect(days.length).toBeGreaterThanOrEqual(4);
					const toIso = zonedIsoFromStamp(zone);
					for (const day of days) {
						// Wall-clock texts counted in UTC, which has no DST to skip or repeat any.
						const midnight = DateTime.fromFormat(day, 'yyyyMMdd', { zone: 'utc' });
						for (let minute = 0; minute < 24 * 60; minute++) {
							for (const second of [0, 59]) {
								const text = midnight.plus({ minutes: minute, seconds: second }).toFormat('yyyyMMdd HH:mm:ss');
								const [actual, expected] = [toIso(text), DateTime.fromFormat(text, 'yyyyMMdd HH:mm:ss', { zone }).toISO({ suppressMilliseconds: true })];
								if (actual !== expected) expect([zone, text, actual]).toEqual([zone, text, expected]);
							}
						}
					}
				}
			}
		} finally {
			Settings.now = realNow;
		}
	});

	test('merging windows keeps each session and transaction once, in order, under the first header', () => {
		const first = { header: ['sessionId', 'transactionId', 'duration'], rows: [['S1', 'T1', '5'], ['S2', 'T2', '6']] };
		const second = { header: ['duration', 'sessionId', 'transactionId'], rows: [['6', 'S2', 'T2'], ['7', 'S2', 'T3']] };
		expect(mergeTables([first, second])).toEqual({
			header: ['sessionId', 'transactionId', 'duration'],
			rows: [['S1', 'T1', '5'], ['S2', 'T2', '6'], ['S2', 'T3', '7']],
		});
	});

	test('windows of items only are merged by the session and transaction in their items', () => {
		const header = ['sessionId', 'transactionId', 'duration'];
		const first = { header, rows: [], records: [{ sessionId: 'S1', transactionId: 'T1', duration: 5 }, { sessionId: 'S2', transactionId: 'T2', duration: 6 }] };
		const second = { header, rows: [], records: [{ sessionId: 'S2', transactionId: 'T2', duration: 6 }, { sessionId: 'S2', transactionId: 'T3', duration: 7 }] };
		expect(mergeTables([first, second]).records).toEqual([first.records[0], first.records[1], second.records[1]]);
		const noIds = ['agentId', 'duration'];
		const repeated = { agentId: 1, duration: 5 };
		expect(mergeTables([{ header: noIds, rows: [], records: [repeated] }, { header: noIds, rows: [], records: [{ ...repeated }, { agentId: 1, duration: 6 }] }]).records).toEqual([repeated, { agentId: 1, duration: 6 }]);
	});

	test('one answer is taken as it is: rows come twice only where windows meet', () => {
		const only = { header: ['sessionId', 'transactionId'], rows: [], records: [{ sessionId: 'S1', transactionId: 'T1' }] };
		expect(mergeTables([only])).toBe(only);
	});
});
