/**
 * `npm start`: n8n with these nodes installed, a local sandbox of the vendors, credentials
 * pointing at it and the example workflows imported; prints the login and the sandbox's IDs to
 * try. Ctrl-C stops everything it started.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { guideLines } from '../test/sandbox/guide';
import { startSandbox } from '../test/sandbox/server';
import { ensureN8nInstalled } from './realN8n/installN8n';
import { installPackage, packPackage } from './realN8n/installPackage';
import { N8nCli, n8nEnv } from './realN8n/n8nCli';
import { DEMO_OWNER, setUpOwner, startN8nServer, waitForN8n } from './realN8n/n8nServer';
import { cacheRoot, CURRENT_N8N_VERSION, n8nInstallDir, REPO_ROOT } from './realN8n/paths';
import { sandboxCredentials } from './realN8n/sandboxCredentials';

// The current n8n unless N8N_VERSION names another (2.8.4: the floor, on this machine's Node).
process.env.N8N_VERSION = process.env.N8N_VERSION?.trim() || CURRENT_N8N_VERSION;
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4010);
const log = (line: string) => console.log(line);

/** The example workflows, as files in examples/ (each a workflow n8n can import). */
function exampleWorkflows(): object[] {
	const folder = path.join(REPO_ROOT, 'examples');
	if (!existsSync(folder)) return [];
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.map((file) => JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as object);
}

async function main(): Promise<void> {
	await ensureN8nInstalled(log);
	const tarball = await packPackage(log);
	// n8n migrates its database forward: each n8n install keeps a user folder of its own.
	const userFolder = path.join(cacheRoot(), `start-user-${path.basename(n8nInstallDir())}`);
	log(`Installing the package into ${userFolder} the way n8n installs community packages...`);
	await installPackage(tarball, userFolder);

	const sandbox = await startSandbox({ port: SANDBOX_PORT });
	log(`Vendor sandbox on ${sandbox.url}`);
	const cli = new N8nCli(userFolder, n8nEnv(userFolder, { N8N_PORT: String(N8N_PORT), N8N_LOG_LEVEL: 'warn' }));
	log('Importing sandbox credentials and example workflows...');
	await cli.importCredentials(sandboxCredentials(sandbox));
	for (const workflow of exampleWorkflows()) await cli.importWorkflow(workflow);

	log('Starting n8n...');
	const n8n = await startN8nServer(cli.env);
	const stop = async () => {
		log('\nStopping n8n and the sandbox...');
		await n8n.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	await waitForN8n(n8n);
	log('Setting up the owner account...');
	await setUpOwner(n8n.url);
	log('');
	log(`n8n is ready: ${n8n.url}`);
	log(`Log in as ${DEMO_OWNER.email} with the password ${DEMO_OWNER.password}`);
	log(`The credentials point at the sandbox (${sandbox.url}); the example workflows are in the Overview.`);
	log('');
	for (const line of guideLines(sandbox)) log(line);
	log('');
	log('Press Ctrl-C to stop.');
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
