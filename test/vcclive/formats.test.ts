/**
 * Get Inbound through the engine: every output format with every combination of dimensions
 * gives the same items, the request carries what the documentation names, and CSV and tab
 * can also give the file.
 */
import type { Dimension } from '../sandbox/vcclive';
import { INBOUND_COLUMNS } from '../sandbox/vcclive';
import {
	binaryText,
	EXPECTED_AUTHORIZATION,
	expectedMonthRows,
	jsonOf,
	runInbound,
	sandboxRows,
	useSandbox,
	vccRequests,
} from './kit';

const sandbox = useSandbox();

const DIMENSION_SETS: Dimension[][] = [
	['project'],
	['queue'],
	['date'],
	['project', 'queue'],
	['project', 'date'],
	['queue', 'date'],
	['project', 'queue', 'date'],
];
const FORMATS = ['json', 'csv', 'tab'] as const;
const CASES = FORMATS.flatMap((format) => DIMENSION_SETS.map((dimensions) => [format, dimensions] as const));

describe.each(CASES)('output format %s with dimensions %j', (format, dimensions) => {
	it('sends one documented request and puts out one item per row with readable names', async () => {
		// Picked in reverse order: the node sends them in the documentation's order.
		const result = await runInbound(sandbox(), {
			from: '2024-04-03T00:00:00',
			to: '2024-04-09T00:00:00',
			dimensions: [...dimensions].reverse(),
			outputFormat: format,
		});

		expect(result.error).toBeUndefined();
		const requests = vccRequests(sandbox());
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			method: 'GET',
			path: '/v2/statistics/inbound',
			status: 200,
			query: { from: '20240403', to: '20240409', dimensions: dimensions.join(','), of: format },
		});
		expect(requests[0].headers.authorization).toBe(EXPECTED_AUTHORIZATION);
		expect(Object.keys(requests[0].query).sort()).toEqual(['dimensions', 'from', 'of', 'to']);

		const expected = expectedMonthRows({ from: '2024-04-03', to: '2024-04-09', dimensions });
		expect(expected.length).toBeGreaterThan(0);
		expect(jsonOf(result)).toEqual(expected);
		expect(result.items.every((item) => item.binary === undefined)).toBe(true);
		expect(result.items.map((item) => item.pairedItem)).toEqual(expected.map(() => ({ item: 0 })));
	});
});

describe('filters and SLA', () => {
	it('sends projects, teams and manual_sla and gets their rows', async () => {
		const result = await runInbound(sandbox(), {
			from: '2024-04-01',
			to: '2024-04-02',
			dimensions: ['project', 'queue'],
			projects: '214, 370',
			teams: '3',
			options: { manualSla: 45 },
		});
		expect(result.error).toBeUndefined();
		expect(vccRequests(sandbox())[0].query).toEqual({
			from: '20240401',
			to: '20240402',
			dimensions: 'project,queue',
			projects: '214,370',
			teams: '3',
			manual_sla: '45',
			of: 'json',
		});
		const rows = jsonOf(result);
		// Project 214 is the only one of the two in team 3; it has two queues.
		expect(rows.map((row) => [row.projectid, row.queueid])).toEqual([
			[214, 902],
			[214, 903],
		]);
		const withDefaultSla = sandboxRows({ from: '2024-04-01', to: '2024-04-02', dimensions: ['project', 'queue'], projects: [214] });
		expect(rows.map((row) => row.answered_before)).not.toEqual(withDefaultSla.map((row) => row.answered_before));
		expect(rows).toEqual(
			expectedMonthRows({ from: '2024-04-01', to: '2024-04-02', dimensions: ['project', 'queue'], projects: [214, 370], teams: [3], sla: 45 }),
		);
	});
});

describe('the CSV spelling', () => {
	it('sends of=csv by default; a server that takes only "cvs" fails with advice to switch', async () => {
		sandbox().vcclive.refusedFormatValues.add('csv');
		const result = await runInbound(sandbox(), { from: '2024-04-01', to: '2024-04-01', outputFormat: 'csv' });
		expect(vccRequests(sandbox())[0].query.of).toBe('csv');
		expect(result.error?.message).toBe('VCC Live rejected a parameter as badly formatted (error.argument_format_error)');
		expect(result.error?.description).toContain('sent of=csv');
		expect(result.error?.description).toContain('CSV Format Value to "cvs"');
	});

	it('sends of=cvs when the option says so, and reads the CSV', async () => {
		sandbox().vcclive.refusedFormatValues.add('csv');
		const result = await runInbound(sandbox(), {
			from: '2024-04-01',
			to: '2024-04-01',
			outputFormat: 'csv',
			options: { csvFormatValue: 'cvs' },
		});
		expect(result.error).toBeUndefined();
		expect(vccRequests(sandbox())[0].query.of).toBe('cvs');
		expect(jsonOf(result)).toEqual(expectedMonthRows({ from: '2024-04-01', to: '2024-04-01', dimensions: ['project'] }));
	});
});

describe('the file', () => {
	it.each([
		['csv', ',', 'text/csv', 'csv'],
		['tab', '\t', 'text/tab-separated-values', 'tsv'],
	] as const)('%s: the answer as VCC Live sent it, on the first item only', async (format, delimiter, mimeType, extension) => {
		const result = await runInbound(sandbox(), {
			from: '2024-04-01',
			to: '2024-04-02',
			outputFormat: format,
			options: { attachFile: true, binaryPropertyName: 'report' },
		});
		expect(result.error).toBeUndefined();
		const rows = sandboxRows({ from: '2024-04-01', to: '2024-04-02', dimensions: ['project'] });
		const lineEnd = format === 'csv' ? '\r\n' : '\n';
		const lines = [INBOUND_COLUMNS.join(delimiter), ...rows.map((row) => INBOUND_COLUMNS.map((column) => row[column]).join(delimiter))];
		expect(binaryText(result, 0, 'report').replace(/^\ufeff/, '')).toBe(lines.join(lineEnd) + lineEnd);
		expect(result.items[0].binary?.report).toMatchObject({ mimeType, fileName: `vcclive-inbound-20240401-20240402.${extension}` });
		expect(result.items.slice(1).every((item) => item.binary === undefined)).toBe(true);
		expect(result.items).toHaveLength(rows.length);
	});

	it('joins the months of a long period under one header', async () => {
		const result = await runInbound(sandbox(), {
			from: '2024-01-30',
			to: '2024-03-02',
			outputFormat: 'csv',
			options: { attachFile: true },
		});
		expect(result.error).toBeUndefined();
		const lines = binaryText(result).replace(/^\ufeff/, '').split('\r\n');
		expect(lines.filter((line) => line.startsWith('projectid,'))).toHaveLength(1);
		expect(lines[0]).toBe(INBOUND_COLUMNS.join(','));
		expect(lines[lines.length - 1]).toBe('');
		const dates = lines.slice(1, -1).map((line) => line.split(',')[2]);
		expect(dates).toEqual(['20240130', '20240130', '20240130', '20240201', '20240201', '20240201', '20240301', '20240301', '20240301']);
		expect(result.items).toHaveLength(9);
	});

	it('puts no file on JSON output, even when asked', async () => {
		const result = await runInbound(sandbox(), { from: '2024-04-01', to: '2024-04-01', options: { attachFile: true } });
		expect(result.error).toBeUndefined();
		expect(result.items.every((item) => item.binary === undefined)).toBe(true);
	});
});
