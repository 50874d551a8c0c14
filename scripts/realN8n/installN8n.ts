import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { N8N_MANIFEST_DIR, N8N_VERSION, n8nBin, n8nInstallDir } from './paths';
import { run } from './process';

const MARKER = '.installed-lock-sha256';

function lockHash(): string {
	const lock = readFileSync(path.join(N8N_MANIFEST_DIR, 'package-lock.json'));
	return createHash('sha256').update(lock).digest('hex');
}

/**
 * Installs the pinned n8n into the cache folder from the committed package.json and
 * lockfile, unless the same lockfile was installed there already.
 */
export async function ensureN8nInstalled(log: (line: string) => void): Promise<string> {
	const dir = n8nInstallDir();
	const marker = path.join(dir, MARKER);
	const hash = lockHash();
	if (existsSync(n8nBin()) && existsSync(marker) && readFileSync(marker, 'utf8') === hash) {
		log(`n8n ${N8N_VERSION} is installed in ${dir}`);
		return dir;
	}
	log(`Installing n8n ${N8N_VERSION} into ${dir} — first run only, it takes about 7 minutes and 2.3 GB...`);
	mkdirSync(dir, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) {
		copyFileSync(path.join(N8N_MANIFEST_DIR, file), path.join(dir, file));
	}
	// Install scripts must run here (sqlite3 builds its native module); npm install with the
	// lockfile present installs exactly the locked tree.
	await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts=false'], { cwd: dir, log });
	writeFileSync(marker, hash);
	log(`n8n ${N8N_VERSION} installed.`);
	return dir;
}
