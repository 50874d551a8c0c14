import { sleep } from 'n8n-workflow';

/**
 * Two turns of the event loop: a call just started opens its connection and sends its
 * request, and other answers that have arrived meanwhile start their next calls too.
 */
async function letCallsGoOut(): Promise<void> {
	await sleep(0);
	await sleep(0);
}

/**
 * Runs `send` over `inputs` with at most `concurrency` calls in flight and returns the
 * results in input order: what `read` makes of each answer, or the answers themselves.
 *
 * With `read`, a worker whose answer has arrived starts its next call first, lets it go out
 * (and the other workers whose answers have arrived do the same), and only then reads:
 * reading (a CSV parsed into items) overlaps the wait for the next answers instead of
 * holding back their requests.
 *
 * After the first failure no new call is started (a worker may already have started its
 * next one before reading); the error is thrown once the calls running have settled, so
 * none is left dangling.
 */
export async function runPool<T, A, R = A>(
	inputs: readonly T[],
	concurrency: number,
	send: (input: T, index: number) => Promise<A>,
	read?: (answer: A, index: number) => R | Promise<R>,
): Promise<R[]> {
	if (!Number.isInteger(concurrency) || concurrency < 1) {
		throw new RangeError(`Concurrency must be a positive whole number, got ${concurrency}`);
	}
	const results = new Array<R>(inputs.length);
	let next = 0;
	let failure: { error: unknown } | undefined;

	// Async, so a `send` that throws at once fails like one whose promise rejects.
	const start = async () => {
		const index = next++;
		return { index, answer: await send(inputs[index], index) };
	};

	const worker = async () => {
		let pending: ReturnType<typeof start> | undefined = start();
		while (pending) {
			let sent: Awaited<ReturnType<typeof start>>;
			try {
				sent = await pending;
			} catch (error) {
				failure ??= { error };
				return;
			}
			pending = failure === undefined && next < inputs.length ? start() : undefined;
			try {
				if (read) {
					await letCallsGoOut();
					results[sent.index] = await read(sent.answer, sent.index);
				} else {
					results[sent.index] = sent.answer as unknown as R;
				}
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
