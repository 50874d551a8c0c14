import type { IDataObject } from 'n8n-workflow';

import { combineRealTime, countOf, dollarsOf, secondsOf } from './realTimeFigures';

/** The seed's RTR example, without its "..." elisions. */
const RTR_EXAMPLE: IDataObject = {
	summary: {
		totalCalls: { connected: { liveAnswer: 65, automatedAnswer: 14, total: 79 }, notConnected: 0, successfulOperatorTransfer: 53 },
		totalCallsInLast15Mins: { connected: { liveAnswer: 0, automatedAnswer: 0, total: 0 }, notConnected: 0, successfulOperatorTransfer: 0 },
		clientId: 47415,
	},
	outcomes: [
		{
			totals: { totalCallsInCategoryInPercent: '100%', totalCalls: '61', totalCallsInPercent: '77.2%', avgCallLength: '49.9 Seconds' },
			termcodes: [
				{ name: 'Operator Transfer', totalCallsInCategoryInPercent: '1.6%', totalCalls: '1', totalCallsInPercent: '1.3%', avgCallLength: '36 Seconds' },
				{ name: 'Operator Transfer (Caller Abandoned)', totalCallsInCategoryInPercent: '8.2%', totalCalls: '5', totalCallsInPercent: '6.3%', avgCallLength: '25.2 Seconds' },
			],
			name: 'Operator Transfer',
		},
		{
			totals: { totalCallsInCategoryInPercent: '100%', totalCalls: '81', totalCallsInPercent: '102.5%', avgCallLength: '0 Seconds' },
			termcodes: [{ name: 'Duplicate Call (Not Made)', totalCallsInCategoryInPercent: '11.1%', totalCalls: '9', totalCallsInPercent: '', avgCallLength: '' }],
			name: 'Not Made',
		},
	],
	charges: { connectedCalls: { duration: '10min 7sec', charges: '$.50' }, operatorTransfer: { duration: '47min 5sec', charges: '$2.31' }, total: { duration: '57min 12sec', charges: '$2.80' } },
};

describe('Real Time Report figures', () => {
	test('reads the display text as numbers', () => {
		expect([countOf('61'), countOf('77.2%'), countOf('49.9 Seconds'), countOf(''), countOf(null)]).toEqual([61, 77.2, 49.9, null, null]);
		expect([secondsOf('10min 7sec'), secondsOf('1h 2min 3sec'), secondsOf('')]).toEqual([607, 3723, null]);
		expect([dollarsOf('$.50'), dollarsOf('$2.31'), dollarsOf('$1,204.10')]).toEqual([0.5, 2.31, 1204.1]);
	});

	test('the example twice over date windows: counts and charges doubled, percentages and averages the example\'s', () => {
		const later = { ...RTR_EXAMPLE, summary: { ...(RTR_EXAMPLE.summary as IDataObject), totalCallsInLast15Mins: { connected: { liveAnswer: 1, automatedAnswer: 0, total: 1 }, notConnected: 0, successfulOperatorTransfer: 1 } } };
		const combined = combineRealTime([RTR_EXAMPLE, later], 'windows');
		expect(combined.summary).toEqual({
			totalCalls: { connected: { liveAnswer: 130, automatedAnswer: 28, total: 158 }, notConnected: 0, successfulOperatorTransfer: 106 },
			totalCallsInLast15Mins: (later.summary as IDataObject).totalCallsInLast15Mins,
			clientId: 47415,
		});
		expect(combined.outcomes).toEqual([
			{
				totals: { totalCallsInCategoryInPercent: '100%', totalCalls: '122', totalCallsInPercent: '77.2%', avgCallLength: '49.9 Seconds' },
				termcodes: [
					{ name: 'Operator Transfer', totalCallsInCategoryInPercent: '1.6%', totalCalls: '2', totalCallsInPercent: '1.3%', avgCallLength: '36 Seconds' },
					{ name: 'Operator Transfer (Caller Abandoned)', totalCallsInCategoryInPercent: '8.2%', totalCalls: '10', totalCallsInPercent: '6.3%', avgCallLength: '25.2 Seconds' },
				],
				name: 'Operator Transfer',
			},
			{
				totals: { totalCallsInCategoryInPercent: '100%', totalCalls: '162', totalCallsInPercent: '102.5%', avgCallLength: '0 Seconds' },
				termcodes: [{ name: 'Duplicate Call (Not Made)', totalCallsInCategoryInPercent: '11.1%', totalCalls: '18', totalCallsInPercent: '', avgCallLength: '' }],
				name: 'Not Made',
			},
		]);
		expect(combined.charges).toEqual({
			connectedCalls: { duration: '20min 14sec', charges: '$1.00' },
			operatorTransfer: { duration: '94min 10sec', charges: '$4.62' },
			total: { duration: '114min 24sec', charges: '$5.60' },
		});
		const services = combineRealTime([RTR_EXAMPLE, later], 'services').summary as IDataObject;
		expect((services.totalCallsInLast15Mins as IDataObject).successfulOperatorTransfer).toBe(1);
	});
});
