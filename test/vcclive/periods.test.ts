/**
 * Periods: one request per calendar month (VCC Live's longest period), across year ends
 * and leap Februaries; presets read in the workflow's time zone; the months in time order
 * whatever order they come back in; dates from expressions per item.
 */
import { Settings } from 'luxon';
import type { INodeParameters } from 'n8n-workflow';

import { expectedMonthRows, jsonOf, periodsSent, runInbound, useSandbox, vccRequests } from './kit';

const sandbox = useSandbox();

describe('month splitting', () => {
	it('splits across a year end into calendar months, one request each', async () => {
		const result = await runInbound(sandbox(), { from: '2023-11-20', to: '2024-01-05', dimensions: ['project', 'date'] });
		expect(result.error).toBeUndefined();
		expect(periodsSent(sandbox())).toEqual(['20231120-20231130', '20231201-20231231', '20240101-20240105']);
		const rows = jsonOf(result);
		// 47 days of 3 projects; the months concatenated in time order, each row inside its month.
		expect(rows).toHaveLength(47 * 3);
		const months = rows.map((row) => String(row.period_from));
		expect(months).toEqual([...months].sort());
		for (const row of rows) {
			const day = String(row.date).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
			expect(day >= String(row.period_from) && day <= String(row.period_to)).toBe(true);
		}
		expect(new Set(rows.map((row) => row.date)).size).toBe(47);
	});

	it('ends a leap February on the 29th and a common one on the 28th', async () => {
		await runInbound(sandbox(), { from: '2024-02-10', to: '2024-03-03' });
		expect(periodsSent(sandbox())).toEqual(['20240210-20240229', '20240301-20240303']);
		sandbox().clearRequests();
		await runInbound(sandbox(), { from: '2023-02-10', to: '2023-03-03' });
		expect(periodsSent(sandbox())).toEqual(['20230210-20230228', '20230301-20230303']);
	});

	it('sends a whole month as one request, and a year as twelve', async () => {
		await runInbound(sandbox(), { from: '2024-02-01', to: '2024-02-29' });
		expect(periodsSent(sandbox())).toEqual(['20240201-20240229']);
		sandbox().clearRequests();
		const result = await runInbound(sandbox(), { from: '2024-01-01', to: '2024-12-31' });
		expect(result.error).toBeUndefined();
		expect(periodsSent(sandbox())).toHaveLength(12);
		expect(vccRequests(sandbox()).every((request) => request.status === 200)).toBe(true);
	});

	it('keeps the months in time order when a later month answers first', async () => {
		sandbox().faults.add({ vendor: 'vcclive', fault: { kind: 'delay', ms: 150 } });
		const result = await runInbound(sandbox(), { from: '2024-01-15', to: '2024-03-10' });
		expect(result.error).toBeUndefined();
		const arrival = vccRequests(sandbox()).map((request) => request.query.from);
		expect(arrival[0]).toBe('20240115');
		expect(jsonOf(result).map((row) => row.period_from)).toEqual([
			...Array(3).fill('2024-01-15'),
			...Array(3).fill('2024-02-01'),
			...Array(3).fill('2024-03-01'),
		]);
		expect(jsonOf(result)).toEqual([
			...expectedMonthRows({ from: '2024-01-15', to: '2024-01-31', dimensions: ['project'] }),
			...expectedMonthRows({ from: '2024-02-01', to: '2024-02-29', dimensions: ['project'] }),
			...expectedMonthRows({ from: '2024-03-01', to: '2024-03-10', dimensions: ['project'] }),
		]);
	});

	/** The most requests unanswered at once, counted as each request arrives (every month slow to answer). */
	async function mostInFlight(requestOptions: INodeParameters): Promise<number> {
		const faults = sandbox().faults;
		const take = faults.take.bind(faults);
		let most = 0;
		const spy = jest.spyOn(faults, 'take').mockImplementation((...args) => {
			most = Math.max(most, vccRequests(sandbox()).filter((request) => request.status === 0).length);
			return take(...args);
		});
		// Slow enough that every request the node sends at once arrives before the first answer, however busy the machine.
		faults.add({ vendor: 'vcclive', times: 4, fault: { kind: 'delay', ms: 1000 } });
		try {
			const result = await runInbound(sandbox(), { from: '2024-01-15', to: '2024-04-10', requestOptions });
			expect(result.error).toBeUndefined();
		} finally {
			spy.mockRestore();
		}
		return most;
	}

	it('sends one month at a time, in order, with one concurrent request', async () => {
		expect(await mostInFlight({ concurrency: 1 })).toBe(1);
		expect(vccRequests(sandbox()).map((request) => request.query.from)).toEqual(['20240115', '20240201', '20240301', '20240401']);
		sandbox().clearRequests();
		expect(await mostInFlight({})).toBe(4);
		sandbox().clearRequests();
		expect(await mostInFlight({ concurrency: 2 })).toBe(2);
	});
});

describe('presets in the workflow time zone', () => {
	const realNow = Settings.now;
	afterEach(() => {
		Settings.now = realNow;
	});

	// 22:30 UTC on 31 March 2024 is already 1 April in Budapest, still 31 March in New York.
	const atInstant = () => {
		Settings.now = () => Date.parse('2024-03-31T22:30:00Z');
	};

	it.each([
		['Europe/Budapest', 'yesterday', ['20240331-20240331']],
		['America/New_York', 'yesterday', ['20240330-20240330']],
		['Europe/Budapest', 'lastMonth', ['20240301-20240331']],
		['America/New_York', 'lastMonth', ['20240201-20240229']],
		['Europe/Budapest', 'last7Days', ['20240325-20240331']],
		['America/New_York', 'thisMonth', ['20240301-20240331']],
		['Europe/Budapest', 'today', ['20240401-20240401']],
		['America/New_York', 'thisYear', ['20240101-20240131', '20240201-20240229', '20240301-20240331']],
	])('%s %s', async (timezone, period, expected) => {
		atInstant();
		const result = await runInbound(sandbox(), { period }, { timezone });
		expect(result.error).toBeUndefined();
		expect(periodsSent(sandbox())).toEqual(expected);
	});

	it('reads a custom date with a time as its calendar day in the workflow zone', async () => {
		await runInbound(sandbox(), { from: '2024-03-31T23:59:59', to: '2024-04-01T00:00:00' }, { timezone: 'Pacific/Auckland' });
		expect(periodsSent(sandbox())).toEqual(['20240331-20240331', '20240401-20240401']);
	});
});

describe('dates from expressions', () => {
	it('takes each item its own period, and pairs the rows with their item', async () => {
		const result = await runInbound(
			sandbox(),
			{ from: '={{ $json.first }}', to: '={{ $json.last }}', projects: '={{ $json.project }}' },
			{ items: [{ first: '2024-05-01', last: '2024-05-31', project: 4 }, { first: '20240602', last: '20240603', project: '370' }] },
		);
		expect(result.error).toBeUndefined();
		expect(vccRequests(sandbox()).map((request) => [request.query.from, request.query.to, request.query.projects])).toEqual([
			['20240501', '20240531', '4'],
			['20240602', '20240603', '370'],
		]);
		expect(result.items.map((item) => [item.json.projectid, item.pairedItem])).toEqual([
			[4, { item: 0 }],
			[370, { item: 1 }],
		]);
	});
});
