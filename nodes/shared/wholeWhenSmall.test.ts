import { wholeWhenSmall } from './wholeWhenSmall';

/** Pieces that arrive one by one, counting how many have been taken. */
function arriving(pieces: string[]) {
	const taken = { count: 0 };
	async function* bytes() {
		for (const piece of pieces) {
			taken.count++;
			yield Buffer.from(piece, 'utf8');
		}
	}
	return { bytes: bytes(), taken };
}

const readAll = async (bytes: AsyncIterable<Uint8Array>) => {
	let text = '';
	for await (const piece of bytes) text += Buffer.from(piece).toString('utf8');
	return { read: text };
};

describe('wholeWhenSmall', () => {
	test('a body within the limit comes back whole, unread', async () => {
		const read = jest.fn(readAll);
		const { bytes } = arriving(['ab', 'cd', 'e']);
		const answer = await wholeWhenSmall(bytes, 5, read);
		expect(Buffer.isBuffer(answer) && answer.toString('utf8')).toBe('abcde');
		expect(read).not.toHaveBeenCalled();
	});

	test('an empty body is an empty buffer', async () => {
		expect(await wholeWhenSmall(arriving([]).bytes, 5, readAll)).toEqual(Buffer.alloc(0));
	});

	test('a longer body is read as it arrives: every byte once, in order, from the first', async () => {
		const { bytes, taken } = arriving(['ab', 'cd', 'ef', 'gh', 'ij']);
		let takenWhenReadStarted = -1;
		const answer = await wholeWhenSmall(bytes, 5, async (rest) => {
			takenWhenReadStarted = taken.count;
			return await readAll(rest);
		});
		expect(answer).toEqual({ read: 'abcdefghij' });
		// Only what was needed to see the limit passed was held before reading began.
		expect(takenWhenReadStarted).toBe(3);
	});

	test('a reader that fails lets go of the rest of the body', async () => {
		let closed = false;
		async function* body() {
			try {
				for (;;) yield Buffer.from('abcdef', 'utf8');
			} finally {
				closed = true;
			}
		}
		const failing = async (bytes: AsyncIterable<Uint8Array>) => {
			for await (const piece of bytes) if (piece.length > 0) throw new Error('not a CSV');
			return 0;
		};
		await expect(wholeWhenSmall(body(), 10, failing)).rejects.toThrow('not a CSV');
		expect(closed).toBe(true);
	});

	test('a body that breaks off while being read fails the read', async () => {
		async function* broken() {
			yield Buffer.from('abcdef', 'utf8');
			throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
		}
		await expect(wholeWhenSmall(broken(), 2, readAll)).rejects.toMatchObject({ code: 'ECONNRESET' });
		await expect(wholeWhenSmall(broken(), 100, readAll)).rejects.toMatchObject({ code: 'ECONNRESET' });
	});
});
