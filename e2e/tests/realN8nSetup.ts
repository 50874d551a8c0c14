import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureN8nInstalled } from '../../scripts/realN8n/installN8n';
import { installPackage, packPackage } from '../../scripts/realN8n/installPackage';
import { N8nCli } from '../../scripts/realN8n/n8nCli';
import type { Sandbox } from '../../test/sandbox/server';
import { startSandbox } from '../../test/sandbox/server';

export interface RealN8n {
	cli: N8nCli;
	sandbox: Sandbox;
	close(): Promise<void>;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * A real n8n with this package installed as a community package, in a fresh user folder,
 * and the vendor sandbox on loopback. The n8n install itself is cached between runs.
 */
export async function startRealN8n(): Promise<RealN8n> {
	await ensureN8nInstalled(log);
	const tarball = await packPackage(log);
	const userFolder = mkdtempSync(path.join(tmpdir(), 'callcenter-n8n-'));
	await installPackage(tarball, userFolder);
	const sandbox = await startSandbox();
	return {
		cli: new N8nCli(userFolder),
		sandbox,
		async close() {
			await sandbox.close();
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}
