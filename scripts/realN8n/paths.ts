import { homedir } from 'node:os';
import path from 'node:path';

/** The n8n the real-n8n runs use: the newest whose engines allow Node 20. */
export const N8N_VERSION = '2.8.4';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Where the pinned package.json and lockfile of that n8n live in the repository. */
export const N8N_MANIFEST_DIR = path.join(REPO_ROOT, 'e2e', 'n8n');

/** Outside the repository, so that every clone and run reuses one install (about 2.3 GB). */
export function cacheRoot(): string {
	return process.env.CALLCENTER_N8N_CACHE ?? path.join(homedir(), '.cache', 'n8n-nodes-callcenter');
}

export const n8nInstallDir = (): string => path.join(cacheRoot(), `n8n-${N8N_VERSION}`);

export const n8nBin = (): string => path.join(n8nInstallDir(), 'node_modules', '.bin', 'n8n');
