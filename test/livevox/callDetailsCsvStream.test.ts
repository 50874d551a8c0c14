/**
 * parseCsvRecords (items built row by row as the CSV is read) gives exactly the items that
 * parsing the whole table first and then building the items gives, whatever the chunk size,
 * and an item's call event key is its row's.
 */
import {
	callEventKey,
	parseCsvBytes,
	parseCsvRecords,
	recordBuilder,
	recordEventKey,
	zonedIsoFromStamp,
} from '../../nodes/LiveVox/actions/report/callDetailsCsv';

const text = [
	'\ufeffaccount,agentId,duration,start,end,lvResult,sessionId,transactionId',
	'@1,7,30,20240603 09:00:00,20240603 09:00:30,"AGENT - Wrong Party, ""Do Not Call""",S1,T1',
	'@2,,12,20240603 10:00:00,20240603 10:00:12,"multi\r\nline",S2,T2',
	'@3,9,0,20240603 11:00:00,20240603 11:00:00,No Answer,S3,T3',
].join('\r\n');

test.each([1, 7, 64, 1 << 20])('chunks of %i bytes: the same items as parse-then-build, and the same keys', async (chunkBytes) => {
	const toIso = zonedIsoFromStamp('America/New_York');
	const table = await parseCsvBytes(Buffer.from(text, 'utf8'), chunkBytes);
	const streamed = await parseCsvRecords(Buffer.from(text, 'utf8'), toIso, chunkBytes);
	expect(streamed.header).toEqual(table.header);
	expect(streamed.rows).toEqual([]);
	expect(streamed.records).toEqual(table.rows.map(recordBuilder(table.header, toIso)));
	expect(streamed.records.map(recordEventKey(table.header))).toEqual(table.rows.map(callEventKey(table.header)));
	expect(streamed.records[0]).toMatchObject({ account: '@1', agentId: 7, lvResult: 'AGENT - Wrong Party, "Do Not Call"', startIso: '2024-06-03T09:00:00-04:00' });
	expect(streamed.records).toHaveLength(3);
});

test('an empty answer is an empty table', async () => {
	expect(await parseCsvRecords('', zonedIsoFromStamp('UTC'))).toEqual({ header: [], rows: [], records: [] });
});
