import { MAX_TIMEOUT_SECONDS, timeoutSecondsOf } from './timeout';

test.each([
	[30, 30],
	[0.5, 0.5],
	['45', 45],
	[0, 60],
	[-5, 60],
	[-0.005, 60],
	[Number.NaN, 60],
	[Number.POSITIVE_INFINITY, 60],
	['', 60],
	['soon', 60],
	[null, 60],
	[undefined, 60],
	[{ seconds: 5 }, 60],
	[1e12, MAX_TIMEOUT_SECONDS],
])('Timeout %p gives %p seconds', (value, expected) => {
	expect(timeoutSecondsOf(value, 60)).toBe(expected);
});
