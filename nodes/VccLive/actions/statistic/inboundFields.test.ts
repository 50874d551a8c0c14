import { withReadableNames } from './inboundFields';

describe('withReadableNames', () => {
	it('adds the documented names beside the short keys and never overwrites a documented field', () => {
		expect(withReadableNames({ lab: 1, lqt: 5, last_answered_after: 7, laa: 9 })).toEqual({
			lab: 1,
			lqt: 5,
			laa: 9,
			last_answered_before: 1,
			last_queue_time: 5,
			last_answered_after: 7,
		});
	});
});
