import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureN8nInstalled } from '../../scripts/realN8n/installN8n';
import { installPackage, packPackage } from '../../scripts/realN8n/installPackage';
import { N8nCli, n8nEnv } from '../../scripts/realN8n/n8nCli';
import type { N8nServer } from '../../scripts/realN8n/n8nServer';
import { freePort, RestSession, setUpOwner, startN8nServer, waitForN8n } from '../../scripts/realN8n/n8nServer';
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

export interface ServedN8n {
	server: N8nServer;
	session: RestSession;
	/** Starts the same n8n again (same user folder and port) after `server.stop()`, and logs in. */
	restart(): Promise<ServedN8n>;
}

/**
 * Imports workflows, publishes them (what the editor's "Publish" does), starts `n8n start` on a
 * free port — which activates what is published — and logs in as the owner. The caller stops
 * the server.
 */
export async function publishAndServe(n8n: RealN8n, ...workflows: Array<{ id: string }>): Promise<ServedN8n> {
	for (const workflow of workflows) {
		await n8n.cli.importWorkflow(workflow);
		await n8n.cli.exec(['publish:workflow', `--id=${workflow.id}`]);
	}
	const env = n8nEnv(n8n.cli.userFolder, { N8N_PORT: String(await freePort()), N8N_LOG_LEVEL: 'warn' });
	const serve = async (): Promise<ServedN8n> => {
		const server = await startN8nServer(env, 'ignore');
		try {
			await waitForN8n(server);
			await setUpOwner(server.url);
			return { server, session: await RestSession.logIn(server.url), restart: serve };
		} catch (error) {
			// The caller never gets this server to stop: a running n8n would keep jest from exiting.
			await server.stop();
			throw error;
		}
	};
	return await serve();
}
