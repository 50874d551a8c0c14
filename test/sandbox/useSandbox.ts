import type { Sandbox } from './server';
import { startSandbox } from './server';

/**
 * Starts a sandbox for the test file and, before each test, puts it back as it started: every
 * vendor's data, no faults, no latency, no recorded requests.
 */
export function useSandbox(): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => {
		await sandbox?.close();
	});
	beforeEach(() => {
		if (!sandbox) return;
		sandbox.livevox.reset();
		sandbox.vcclive.reset();
		sandbox.apio.reset();
		sandbox.faults.clear();
		sandbox.setLatency(0);
		sandbox.clearRequests();
	});
	return () => sandbox as Sandbox;
}
