/**
 * The package installed by n8n itself from the environment (n8n 2.21 and later):
 * N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV=true and N8N_COMMUNITY_PACKAGES naming it, in a started
 * n8n with an empty user folder. The package is not on the public registry, so n8n's npm is
 * answered by a local registry (localNpmRegistry.ts) that serves the packed tarball; then its
 * nodes run a workflow against the sandbox.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureN8nInstalled } from '../../scripts/realN8n/installN8n';
import { packPackage } from '../../scripts/realN8n/installPackage';
import { N8nCli, n8nEnv, nodeOutput } from '../../scripts/realN8n/n8nCli';
import type { N8nServer } from '../../scripts/realN8n/n8nServer';
import { freePort, RestSession, setUpOwner, startN8nServer, waitForN8n } from '../../scripts/realN8n/n8nServer';
import { isN8nAtLeast, requestedN8nVersion } from '../../scripts/realN8n/paths';
import { liveVoxCredential, reference } from '../../scripts/realN8n/sandboxCredentials';
import type { Sandbox } from '../../test/sandbox/server';
import { startSandbox } from '../../test/sandbox/server';
import type { LocalRegistry } from './localNpmRegistry';
import { REGISTRY_HOST, startLocalRegistry } from './localNpmRegistry';
import { chainWorkflow, PACKAGE_PREFIX } from './workflowBuilder';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** The first n8n that reads N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV. */
const ENV_ROUTE_SINCE = [2, 21] as const;
const n8nVersion = requestedN8nVersion();
const hasEnvRoute = n8nVersion === 'latest' || isN8nAtLeast(n8nVersion, ENV_ROUTE_SINCE);
const envRouteTest = hasEnvRoute ? test : test.skip;
if (!hasEnvRoute) log(`envInstall.test.ts skipped: n8n ${n8nVersion} has no N8N_COMMUNITY_PACKAGES route (n8n ${ENV_ROUTE_SINCE.join('.')} and later)`);
const skipped = hasEnvRoute ? '' : ` (skipped: n8n ${n8nVersion} has no environment route; n8n ${ENV_ROUTE_SINCE.join('.')} and later have it)`;

let workDir: string | undefined;
let registry: LocalRegistry | undefined;
let sandbox: Sandbox | undefined;
let server: N8nServer | undefined;

afterAll(async () => {
	await server?.stop();
	await registry?.close();
	await sandbox?.close();
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/**
 * Waits for n8n's readiness check: on a new database n8n answers "n8n is starting up" (200) to
 * every other route while it migrates, and it installs the listed packages before it is ready.
 */
async function waitForReadiness(started: N8nServer): Promise<void> {
	for (let attempt = 0; attempt < 360; attempt++) {
		if (!started.isRunning()) throw new Error('n8n stopped while starting');
		try {
			if ((await fetch(`${started.url}/healthz/readiness`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error('n8n was not ready within three minutes');
}


interface InstalledPackage {
	packageName: string;
	installedVersion: string;
	installedNodes: Array<{ type: string }>;
}

envRouteTest(`N8N_COMMUNITY_PACKAGES: n8n installs the package from the registry at start, without its dev dependencies, and its nodes run${skipped}`, async () => {
	await ensureN8nInstalled(log);
	const tarball = await packPackage(log);
	workDir = mkdtempSync(path.join(tmpdir(), 'callcenter-envinstall-'));
	registry = await startLocalRegistry(tarball, workDir);
	rmSync(path.dirname(tarball), { recursive: true, force: true });
	sandbox = await startSandbox();
	const userFolder = path.join(workDir, 'n8n');

	server = await startN8nServer(
		n8nEnv(userFolder, {
			N8N_PORT: String(await freePort()),
			N8N_LOG_LEVEL: 'warn',
			N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV: 'true',
			N8N_COMMUNITY_PACKAGES: JSON.stringify([{ name: registry.name, version: registry.version }]),
			...registry.npmEnv,
		}),
		'ignore',
	);
	await waitForN8n(server);
	await waitForReadiness(server);
	await setUpOwner(server.url);
	const session = await RestSession.logIn(server.url);

	// What the editor's Community Nodes page lists: the package, its version, its five nodes.
	const installed = await session.get<InstalledPackage[]>('community-packages');
	expect(installed.map(({ packageName, installedVersion }) => ({ packageName, installedVersion }))).toEqual([
		{ packageName: registry.name, installedVersion: registry.version },
	]);
	expect(installed[0].installedNodes.map((node) => node.type).sort()).toEqual(
		['liveVox', 'liveVoxTrigger', 'netaxisApio', 'vccLive', 'vccLiveTrigger'].map((name) => `${PACKAGE_PREFIX}.${name}`),
	);

	// n8n checked the version and npm fetched the package's metadata and tarball from the local
	// registry, and asked it for nothing else (no dependency of any kind).
	const versionDocument = `GET /${registry.name}/${registry.version} 200`;
	const packument = `GET /${registry.name} 200`;
	const tarballFile = `GET /${registry.name}/-/${registry.name}-${registry.version}.tgz 200`;
	const asked = registry.requests.map((request) => `${request.method} ${request.path} ${request.status}`);
	expect(asked).toEqual(expect.arrayContaining([versionDocument, packument, tarballFile]));
	expect(asked.filter((request) => ![versionDocument, packument, tarballFile].includes(request))).toEqual([]);
	expect(new Set(registry.requests.map((request) => request.host))).toEqual(new Set([REGISTRY_HOST]));
	// The only other hosts asked for: n8n's own service (is the package vetted, allowed), refused here.
	expect(registry.refused.filter((target) => !/^CONNECT api(-staging)?\.n8n\.io:443$/.test(target))).toEqual([]);

	// Installed where n8n keeps community packages, alone: no dependency of any kind beside or inside it.
	const nodesModules = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
	expect(readdirSync(nodesModules).filter((entry) => !entry.startsWith('.'))).toEqual([registry.name]);
	const packageDir = path.join(nodesModules, registry.name);
	expect(existsSync(path.join(packageDir, 'node_modules'))).toBe(false);
	const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
	expect(manifest).toMatchObject({ name: registry.name, version: registry.version });
	expect(manifest.dependencies).toBeUndefined();
	expect(manifest.devDependencies).toBeUndefined();
	expect(JSON.parse(readFileSync(path.join(userFolder, '.n8n', 'nodes', 'package.json'), 'utf8')).dependencies).toEqual({
		[registry.name]: registry.version,
	});

	// The installed nodes work: a LiveVox workflow against the sandbox, in the same user folder.
	await server.stop();
	const cli = new N8nCli(userFolder);
	const credential = liveVoxCredential(sandbox);
	await cli.importCredentials([credential]);
	const workflow = chainWorkflow('envInstallWf0001', 'LiveVox from the environment install', [
		{
			name: 'List Services',
			type: `${PACKAGE_PREFIX}.liveVox`,
			parameters: { resource: 'service', operation: 'list', callCenterId: 2829, returnAll: true },
			credentials: { liveVoxApi: reference(credential) },
		},
	]);
	await cli.importWorkflow(workflow);
	const output = await cli.execute(workflow.id);
	expect(output.data.resultData.error).toBeUndefined();
	expect(nodeOutput(output, 'List Services')).toEqual([{ serviceId: 40790, name: 'California_QC', callCenterId: 2829 }]);
	expect(sandbox.requests.map((request) => `${request.vendor} ${request.method} ${request.path}`)).toEqual([
		'livevox POST /session/login',
		'livevox GET /configuration/services',
		'livevox GET /configuration/services/info',
	]);
});
