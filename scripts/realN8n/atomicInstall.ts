import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';

/**
 * Builds an install in `<dir>.partial` and moves it to `dir` only when `install` succeeds: a
 * failed or interrupted install leaves neither a half-filled `dir` nor a work folder that a
 * later run could trust. What `dir` held before is replaced only by a complete install.
 */
export async function installAtomically(dir: string, install: (work: string) => Promise<void>): Promise<void> {
	const work = `${dir}.partial`;
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	try {
		await install(work);
	} catch (error) {
		rmSync(work, { recursive: true, force: true });
		throw error;
	}
	if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
	renameSync(work, dir);
}
