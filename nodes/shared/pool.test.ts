import fc from 'fast-check';
import { sleep } from 'n8n-workflow';

import { runPool } from './pool';

interface Deferred<T> {
	promise: Promise<T>;
	resolve: (value: T) => void;
	reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

/** Lets every pending promise callback run (a macrotask turn; nothing is timed). */
const settle = async () => await sleep(0);

/** A task whose every call waits on its own deferred, counting the calls in flight. */
function controlledTask() {
	const calls: Array<{ input: number; index: number; done: Deferred<string> }> = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const task = async (input: number, index: number) => {
		const done = deferred<string>();
		calls.push({ input, index, done });
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		try {
			return await done.promise;
		} finally {
			inFlight--;
		}
	};
	return {
		task,
		calls,
		get inFlight() {
			return inFlight;
		},
		get maxInFlight() {
			return maxInFlight;
		},
	};
}

/** Tracks whether a promise has settled, and how. */
function watch<T>(promise: Promise<T>) {
	const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
	promise.then(
		(value) => Object.assign(state, { settled: true, value }),
		(error: unknown) => Object.assign(state, { settled: true, error }),
	);
	return state;
}

describe('runPool', () => {
	it('gives an empty result for no inputs without calling the task', async () => {
		const task = jest.fn(async () => 1);
		await expect(runPool([], 3, task)).resolves.toEqual([]);
		expect(task).not.toHaveBeenCalled();
	});

	it('starts all inputs at once when there are fewer than the concurrency', async () => {
		const control = controlledTask();
		const run = runPool([10, 20], 5, control.task);
		await settle();
		expect(control.calls.map((call) => [call.input, call.index])).toEqual([
			[10, 0],
			[20, 1],
		]);
		control.calls[1].done.resolve('b');
		control.calls[0].done.resolve('a');
		await expect(run).resolves.toEqual(['a', 'b']);
	});

	it('never has more than `concurrency` tasks in flight and starts the next as one ends', async () => {
		const control = controlledTask();
		const run = watch(runPool([0, 1, 2, 3, 4, 5], 2, control.task));
		await settle();
		expect(control.calls).toHaveLength(2);
		control.calls[1].done.resolve('r1');
		await settle();
		expect(control.calls.map((call) => call.index)).toEqual([0, 1, 2]);
		expect(control.inFlight).toBe(2);
		for (let index = 0; index < 6; index++) {
			await settle();
			control.calls[index].done.resolve(`r${index}`);
		}
		await settle();
		expect(run.value).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
		expect(control.maxInFlight).toBe(2);
	});

	it.each([0, -1, 2.5, Number.NaN])('rejects a concurrency of %p', async (concurrency) => {
		await expect(runPool([1], concurrency, async (x) => x)).rejects.toThrow(RangeError);
	});

	it('on the first failure starts no new task and rejects only after the running tasks settled', async () => {
		const control = controlledTask();
		const run = watch(runPool([0, 1, 2, 3, 4], 3, control.task));
		await settle();
		expect(control.calls).toHaveLength(3);

		const failure = new Error('task 1 failed');
		control.calls[1].done.reject(failure);
		await settle();
		expect(control.calls).toHaveLength(3); // nothing new launched
		expect(run.settled).toBe(false); // tasks 0 and 2 still running

		control.calls[0].done.resolve('r0');
		await settle();
		expect(run.settled).toBe(false);
		expect(control.calls).toHaveLength(3);

		control.calls[2].done.reject(new Error('a later failure'));
		await settle();
		expect(run.settled).toBe(true);
		expect(run.error).toBe(failure); // the first failure, not the later one
		expect(control.calls).toHaveLength(3);
		expect(control.inFlight).toBe(0);
	});

	it('treats a task that throws synchronously as a failure', async () => {
		const started: number[] = [];
		const task = (input: number): Promise<number> => {
			started.push(input);
			if (input === 0) throw new Error('sync');
			return Promise.resolve(input);
		};
		await expect(runPool([0, 1, 2, 3], 1, task)).rejects.toThrow('sync');
		expect(started).toEqual([0]);
	});

	it('with read: starts the next call before reading an answer, and gives what read made of each, in input order', async () => {
		const control = controlledTask();
		const reads: Array<{ index: number; callsStarted: number }> = [];
		const read = (answer: string, index: number) => {
			reads.push({ index, callsStarted: control.calls.length });
			return answer.toUpperCase();
		};
		const run = watch(runPool([0, 1, 2, 3, 4], 2, control.task, read));
		await settle();
		control.calls[1].done.resolve('b');
		control.calls[0].done.resolve('a');
		for (let turn = 0; turn < 4; turn++) await settle();
		// Both answers were read after calls 2 and 3 had been started.
		expect(reads).toEqual([
			{ index: 1, callsStarted: 4 },
			{ index: 0, callsStarted: 4 },
		]);
		for (const call of control.calls.slice(2)) call.done.resolve(String.fromCharCode(97 + call.index));
		for (let turn = 0; turn < 6; turn++) await settle();
		control.calls[4]?.done.resolve('e');
		for (let turn = 0; turn < 6; turn++) await settle();
		expect(run.value).toEqual(['A', 'B', 'C', 'D', 'E']);
		expect(control.maxInFlight).toBe(2);
	});

	it('a read that throws: no call started after it, and the error once the running calls settled', async () => {
		const control = controlledTask();
		const failure = new Error('unreadable answer');
		const read = (answer: string) => {
			if (answer === 'bad') throw failure;
			return answer;
		};
		const run = watch(runPool([0, 1, 2, 3, 4, 5], 2, control.task, read));
		await settle();
		control.calls[0].done.resolve('bad');
		for (let turn = 0; turn < 4; turn++) await settle();
		// Call 2 went out before the bad answer was read; nothing after it.
		expect(control.calls).toHaveLength(3);
		expect(run.settled).toBe(false);
		control.calls[1].done.resolve('ok');
		control.calls[2].done.resolve('ok');
		for (let turn = 0; turn < 6; turn++) await settle();
		expect(run.error).toBe(failure);
		expect(control.calls).toHaveLength(3);
		expect(control.inFlight).toBe(0);
	});

	it('property: results in input order and bounded in-flight count, whatever the completion order', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.integer(), { maxLength: 25 }),
				fc.integer({ min: 1, max: 6 }),
				fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
				async (inputs, concurrency, picks) => {
					const control = controlledTask();
					const run = watch(runPool(inputs, concurrency, control.task));
					const finished = new Set<number>();
					for (let step = 0; finished.size < inputs.length; step++) {
						await settle();
						const pending = control.calls.filter((call) => !finished.has(call.index));
						expect(pending.length).toBeGreaterThan(0);
						expect(pending.length).toBeLessThanOrEqual(concurrency);
						const call = pending[picks[step % picks.length] % pending.length];
						finished.add(call.index);
						call.done.resolve(`out-${call.input}-${call.index}`);
					}
					await settle();
					expect(run.value).toEqual(inputs.map((input, index) => `out-${input}-${index}`));
					expect(control.maxInFlight).toBeLessThanOrEqual(concurrency);
					expect(control.maxInFlight).toBe(Math.min(concurrency, inputs.length));
					expect(control.calls).toHaveLength(inputs.length);
				},
			),
			{ numRuns: 60 },
		);
	});
});
