import { homedir } from 'node:os';
import path from 'node:path';

import versions from '../../e2e/n8n-versions.json';

/** An n8n version pinned in e2e/n8n-versions.json, with the Node it runs on. */
export interface PinnedN8n {
	n8n: string;
	/** `machine`: the Node that runs us; otherwise a release of the registry's `node` package. */
	node: string;
}

export const PINNED_N8N: readonly PinnedN8n[] = versions.pinned;

/** The oldest n8n the package is proven on: the newest whose engines allow Node 20. */
export const FLOOR_N8N_VERSION = versions.floor;

/** The current n8n release, pinned: what `npm start` opens. */
export const CURRENT_N8N_VERSION = versions.current;

/** The n8n the scripts use when N8N_VERSION is unset (the benchmark's, the floor). */
export const N8N_VERSION = FLOOR_N8N_VERSION;

/** The Node release (registry `node` package) that n8n versions newer than the floor run on. */
export const NODE24_VERSION = (PINNED_N8N.find((pinned) => pinned.n8n === CURRENT_N8N_VERSION) as PinnedN8n).node;

/**
 * The n8n asked for with the N8N_VERSION environment variable, or the given default: a pinned
 * version (e2e/n8n-versions.json), `latest`, or another released version.
 */
export function requestedN8nVersion(fallback: string = N8N_VERSION): string {
	const asked = process.env.N8N_VERSION?.trim();
	return asked ? asked : fallback;
}

/** Whether an n8n release (`major.minor.patch`) is `since` ([major, minor]) or newer. */
export function isN8nAtLeast(version: string, since: readonly [number, number]): boolean {
	const [major, minor] = version.split('.').map(Number);
	return major > since[0] || (major === since[0] && minor >= since[1]);
}

/** The pinned entry of the requested version, or undefined for `latest` and other versions. */
export const pinnedN8n = (): PinnedN8n | undefined => PINNED_N8N.find((pinned) => pinned.n8n === requestedN8nVersion());

/** The major version of the Node that runs us. */
const MACHINE_NODE_MAJOR = Number(process.versions.node.split('.')[0]);

/** Whether the requested n8n needs Node 24 (every version but the floor). */
export const needsNode24 = (): boolean => pinnedN8n()?.node !== 'machine';

/** Whether it runs on the registry's Node 24: it needs Node 24 and the Node that runs us is older. */
export const onNode24Route = (): boolean => needsNode24() && MACHINE_NODE_MAJOR < 24;

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Where the package.json and lockfile of a pinned n8n live in the repository. */
export const manifestDir = (version: string): string => path.join(REPO_ROOT, 'e2e', `n8n-${version}`);

/** Outside the repository, so that every clone and run reuses one install per version (2–3 GB each). */
export function cacheRoot(): string {
	return process.env.CALLCENTER_N8N_CACHE ?? path.join(homedir(), '.cache', 'n8n-nodes-callcenter');
}

/**
 * A folder per pinned version; one for `latest` and other versions, whichever it holds (its
 * marker file says which). An n8n that needs Node 24, run on this machine's Node 24 or newer
 * rather than the registry's, has native modules built for that Node: a folder of its own.
 */
export const n8nInstallDir = (): string => {
	const pinned = pinnedN8n();
	const runtime = needsNode24() && !onNode24Route() ? `-node${MACHINE_NODE_MAJOR}` : '';
	return path.join(cacheRoot(), `${pinned ? `n8n-${pinned.n8n}` : 'n8n-unpinned'}${runtime}`);
};

/** Where the registry's node package is installed. */
export const node24Dir = (): string => path.join(cacheRoot(), `node-${NODE24_VERSION}`);

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
