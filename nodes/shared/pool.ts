/**
 * Runs `task` over `inputs` with at most `concurrency` tasks in flight and returns the
 * results in input order. On the first failure no new task is started; the error is
 * thrown once the tasks already running have settled, so none is left dangling.
 */
export async function runPool<T, R>(
	inputs: readonly T[],
	concurrency: number,
	task: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	if (!Number.isInteger(concurrency) || concurrency < 1) {
		throw new RangeError(`Concurrency must be a positive whole number, got ${concurrency}`);
	}
	const results = new Array<R>(inputs.length);
	let next = 0;
	let failure: { error: unknown } | undefined;

	const worker = async () => {
		while (failure === undefined && next < inputs.length) {
			const index = next++;
			try {
				results[index] = await task(inputs[index], index);
			} catch (error) {
				failure ??= { error };
			}
		}
	};

	const workers = Array.from({ length: Math.min(concurrency, inputs.length) }, worker);
	await Promise.all(workers);
	if (failure) throw failure.error;
	return results;
}
