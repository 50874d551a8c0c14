import { sleep } from 'n8n-workflow';

import { RAISE_AFTER, sharedThrottle, Throttle } from './throttle';

/** A vendor that serves `allowed` requests at a time and refuses (429) any beyond. */
function tenant(allowed: number) {
	const state = { inFlight: 0, maxInFlight: 0, served: 0, refused: 0 };
	const send = async () => {
		state.inFlight++;
		state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
		const status = state.inFlight > allowed ? 429 : 200;
		await sleep(2);
		state.inFlight--;
		if (status === 429) state.refused++;
		else state.served++;
		return { status };
	};
	return { state, send };
}

const refused = (answer: { status: number }) => answer.status === 429;

describe('Throttle', () => {
	test('sets no limit of its own until a refusal', async () => {
		const throttle = new Throttle();
		const { state, send } = tenant(10);
		await Promise.all(Array.from({ length: 6 }, async () => await throttle.run(send, refused)));
		expect(state.maxInFlight).toBe(6);
		expect(throttle.maxInFlight).toBe(Infinity);
	});

	test('after refusals, keeps below what was refused: the tenant limit of 2 with 4 sent at once', async () => {
		const throttle = new Throttle();
		const { state, send } = tenant(2);
		const first = await Promise.all(Array.from({ length: 4 }, async () => await throttle.run(send, refused)));
		expect(first.filter(refused)).toHaveLength(2);
		expect(throttle.maxInFlight).toBe(2);
		// From now on no more refusals, however many are asked for at once.
		const later = await Promise.all(Array.from({ length: 8 }, async () => await throttle.run(send, refused)));
		expect(later.filter(refused)).toHaveLength(0);
		expect(state.served).toBe(10);
	});

	test('never goes below one request at a time', async () => {
		const throttle = new Throttle();
		const { send } = tenant(0);
		await throttle.run(send, refused);
		expect(throttle.maxInFlight).toBe(1);
		await throttle.run(send, refused);
		expect(throttle.maxInFlight).toBe(1);
	});

	test('a call that throws frees its slot for the ones waiting', async () => {
		const throttle = new Throttle();
		await throttle.run(async () => ({ status: 429 }), refused);
		await throttle.run(async () => ({ status: 429 }), refused);
		expect(throttle.maxInFlight).toBe(1);
		const failing = throttle.run(async () => {
			await sleep(1);
			throw new Error('connection reset');
		}, refused);
		const waiting = throttle.run(async () => ({ status: 200 }), refused);
		await expect(failing).rejects.toThrow('connection reset');
		await expect(waiting).resolves.toEqual({ status: 200 });
	});

	test(`a learned limit is tried one higher after ${RAISE_AFTER} answers in a row at the limit, and learned again if still refused`, async () => {
		const throttle = new Throttle();
		const { state, send } = tenant(2);
		await Promise.all(Array.from({ length: 3 }, async () => await throttle.run(send, refused)));
		expect(throttle.maxInFlight).toBe(2);
		// Answers sent below the limit (one at a time) say nothing about it: it stays.
		for (let index = 0; index < RAISE_AFTER; index++) await throttle.run(send, refused);
		expect(throttle.maxInFlight).toBe(2);
		// Two at a time: the second of each pair is sent at the limit; after RAISE_AFTER of them one more is tried.
		for (let round = 0; round < RAISE_AFTER; round++) await Promise.all([throttle.run(send, refused), throttle.run(send, refused)]);
		expect(throttle.maxInFlight).toBe(3);
		const refusedBefore = state.refused;
		await Promise.all(Array.from({ length: 3 }, async () => await throttle.run(send, refused)));
		expect(state.refused).toBe(refusedBefore + 1);
		expect(throttle.maxInFlight).toBe(2);
	});
});

describe('sharedThrottle', () => {
	test('one throttle per credential key in the process: what one execution learns, the next keeps to', async () => {
		const first = sharedThrottle('liveVoxApi\u0000cred-1\u0000https://a');
		const { send } = tenant(1);
		await Promise.all([first.run(send, refused), first.run(send, refused)]);
		expect(first.maxInFlight).toBe(1);
		expect(sharedThrottle('liveVoxApi\u0000cred-1\u0000https://a')).toBe(first);
		expect(sharedThrottle('liveVoxApi\u0000cred-1\u0000https://a').maxInFlight).toBe(1);
		expect(sharedThrottle('liveVoxApi\u0000cred-2\u0000https://a').maxInFlight).toBe(Infinity);
	});
});
