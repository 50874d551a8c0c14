/**
 * `npm start`: n8n with these nodes installed, a local sandbox of the vendors, credentials
 * pointing at it and the example workflows imported. Ctrl-C stops everything it started.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { startSandbox } from '../test/sandbox/server';
import { ensureN8nInstalled } from './realN8n/installN8n';
import { installPackage, packPackage } from './realN8n/installPackage';
import { N8nCli, n8nEnv } from './realN8n/n8nCli';
import { cacheRoot, n8nBin, REPO_ROOT } from './realN8n/paths';
import { sandboxCredentials } from './realN8n/sandboxCredentials';

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4010);
const OWNER = { email: 'demo@callcenter.local', firstName: 'Demo', lastName: 'Owner', password: 'CallCenter2026' };

const log = (line: string) => console.log(line);

async function waitForN8n(url: string, isRunning: () => boolean): Promise<void> {
	for (let attempt = 0; attempt < 240; attempt++) {
		if (!isRunning()) throw new Error('n8n stopped while starting; see its output above');
		try {
			if ((await fetch(`${url}/healthz`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error('n8n did not answer within two minutes');
}

/**
 * Creates the owner account the first time; later runs find it there (n8n answers 400).
 * /healthz answers before the REST routes are registered, so a 404 means "not yet".
 */
async function setUpOwner(url: string): Promise<void> {
	for (let attempt = 0; attempt < 120; attempt++) {
		const answer = await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (answer.ok || answer.status === 400) return;
		if (answer.status !== 404) throw new Error(`Owner setup answered ${answer.status}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error('n8n did not offer the owner setup within a minute');
}

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
	const userFolder = path.join(cacheRoot(), 'start-user');
	log(`Installing the package into ${userFolder} the way n8n installs community packages...`);
	await installPackage(tarball, userFolder);

	const sandbox = await startSandbox({ port: SANDBOX_PORT });
	log(`Vendor sandbox on ${sandbox.url}`);
	const cli = new N8nCli(userFolder, n8nEnv(userFolder, { N8N_PORT: String(N8N_PORT), N8N_LOG_LEVEL: 'warn' }));
	log('Importing sandbox credentials and example workflows...');
	await cli.importCredentials(sandboxCredentials(sandbox));
	for (const workflow of exampleWorkflows()) await cli.importWorkflow(workflow);

	log('Starting n8n...');
	const n8n = spawn(n8nBin(), ['start'], { env: cli.env, stdio: ['ignore', 'inherit', 'inherit'] });
	let running = true;
	n8n.on('exit', () => {
		running = false;
	});
	const stop = async () => {
		log('\nStopping n8n and the sandbox...');
		if (running) {
			const exited = new Promise((resolve) => n8n.once('exit', resolve));
			n8n.kill('SIGTERM');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
		}
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	const url = `http://127.0.0.1:${N8N_PORT}`;
	await waitForN8n(url, () => running);
	await setUpOwner(url);
	log('');
	log(`n8n is ready: ${url}`);
	log(`Log in as ${OWNER.email} with the password ${OWNER.password}`);
	log(`The credentials point at the sandbox (${sandbox.url}); the example workflows are in the Overview.`);
	log('Press Ctrl-C to stop.');
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
