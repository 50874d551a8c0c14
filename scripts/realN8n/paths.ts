import { homedir } from 'node:os';
import path from 'node:path';

/** The n8n the real-n8n runs use by default: the newest whose engines allow Node 20. */
export const N8N_VERSION = '2.8.4';

/**
 * The n8n asked for with the N8N_VERSION environment variable: unset (or 2.8.4) is the pinned
 * n8n on the Node that runs us; `latest` or another version is installed from the registry and
 * runs on Node 24 (the registry's `node@24` package), as recent n8n versions need.
 */
export function requestedN8nVersion(): string {
	const asked = process.env.N8N_VERSION?.trim();
	return asked ? asked : N8N_VERSION;
}

/** Whether the runs use another n8n than the pinned one, on Node 24. */
export const onNode24Route = (): boolean => requestedN8nVersion() !== N8N_VERSION;

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Where the pinned package.json and lockfile of that n8n live in the repository. */
export const N8N_MANIFEST_DIR = path.join(REPO_ROOT, 'e2e', 'n8n');

/** Outside the repository, so that every clone and run reuses one install (about 2.3 GB). */
export function cacheRoot(): string {
	return process.env.CALLCENTER_N8N_CACHE ?? path.join(homedir(), '.cache', 'n8n-nodes-callcenter');
}

/** One folder for the Node 24 route, whichever version it holds (its marker file says which). */
export const n8nInstallDir = (): string =>
	onNode24Route() ? path.join(cacheRoot(), 'n8n-node24') : path.join(cacheRoot(), `n8n-${N8N_VERSION}`);

/** Where the registry's node@24 package is installed for the Node 24 route. */
export const node24Dir = (): string => path.join(cacheRoot(), 'node24');

/** The folder holding Node 24's `node` binary. */
export const node24BinDir = (): string => path.join(node24Dir(), 'node_modules', 'node', 'bin');

/** Node 24's headers (npm_config_nodedir), for native modules built against it. */
export const node24HeadersDir = (): string => path.join(node24Dir(), 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);

/** PATH for running n8n and npm: Node 24's bin first on the Node 24 route, unchanged otherwise. */
export function runtimePath(): string | undefined {
	if (!onNode24Route()) return process.env.PATH;
	return [node24BinDir(), process.env.PATH].filter(Boolean).join(path.delimiter);
}

export const n8nBin = (): string => path.join(n8nInstallDir(), 'node_modules', '.bin', 'n8n');
