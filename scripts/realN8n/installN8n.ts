import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
	N8N_MANIFEST_DIR,
	N8N_VERSION,
	n8nBin,
	n8nInstallDir,
	node24BinDir,
	node24Dir,
	node24HeadersDir,
	onNode24Route,
	requestedN8nVersion,
	runtimePath,
} from './paths';
import { run } from './process';

const MARKER = '.installed-lock-sha256';
const NODE24_MARKER = '.installed-version';

function lockHash(): string {
	const lock = readFileSync(path.join(N8N_MANIFEST_DIR, 'package-lock.json'));
	return createHash('sha256').update(lock).digest('hex');
}

/**
 * Installs the n8n the runs use into the cache folder, unless it is there already: the pinned
 * n8n from the committed package.json and lockfile, or — with N8N_VERSION=latest or another
 * version — that n8n on Node 24 (see installOnNode24).
 */
export async function ensureN8nInstalled(log: (line: string) => void): Promise<string> {
	if (onNode24Route()) return await installOnNode24(log);
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

/** The environment npm runs with on the Node 24 route: Node 24 first on PATH, its headers for native builds. */
function node24NpmEnv(): NodeJS.ProcessEnv {
	return { ...process.env, PATH: runtimePath(), npm_config_nodedir: node24HeadersDir() };
}

/** The registry's node@24 package (its install script fetches the platform's Node 24 binary). */
async function ensureNode24(log: (line: string) => void): Promise<void> {
	if (existsSync(path.join(node24BinDir(), 'node'))) return;
	const dir = node24Dir();
	log(`Installing Node 24 (the registry's node@24 package) into ${dir}...`);
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'callcenter-node24', private: true }, null, 2));
	await run('npm', ['install', 'node@24', '--no-audit', '--no-fund', '--ignore-scripts=false'], { cwd: dir, log });
}

/**
 * The versions to try, best first: the one asked for, or for `latest` the registry's latest and
 * the two stable versions before it — a new release can name a dependency the registry does not
 * (yet) have (2.41.3 names @n8n/agents@0.26.2), and is then skipped, saying so.
 */
async function candidateVersions(env: NodeJS.ProcessEnv): Promise<string[]> {
	const asked = requestedN8nVersion();
	if (asked !== 'latest') return [asked];
	const latest = (await run('npm', ['view', 'n8n@latest', 'version'], { env })).stdout.trim();
	const published = JSON.parse((await run('npm', ['view', 'n8n', 'versions', '--json'], { env })).stdout) as string[];
	const stable = published.filter((version) => /^\d+\.\d+\.\d+$/.test(version));
	const index = stable.indexOf(latest);
	return index < 0 ? [latest] : stable.slice(Math.max(0, index - 2), index + 1).reverse();
}

/**
 * Recent n8n needs Node ≥ 22.16 (2.41 needs 24): installed on Node 24 from the registry, with
 * its bin first on PATH and npm_config_nodedir pointing at its headers. Install scripts are
 * skipped (some fail there) and the two native modules n8n needs rebuilt against Node 24:
 * sqlite3 and isolated-vm. Overrides: xlsx from the registry (n8n points it at a tarball host
 * that is unreachable here) and linkedom 0.18.14 (what the DESIGN notes found working).
 */
async function installOnNode24(log: (line: string) => void): Promise<string> {
	await ensureNode24(log);
	const env = node24NpmEnv();
	const dir = n8nInstallDir();
	mkdirSync(dir, { recursive: true });
	const marker = path.join(dir, NODE24_MARKER);
	const skipFile = path.join(dir, '.uninstallable-versions');
	const skipped = new Set(existsSync(skipFile) ? readFileSync(skipFile, 'utf8').split('\n').filter(Boolean) : []);
	const installed = existsSync(n8nBin()) && existsSync(marker) ? readFileSync(marker, 'utf8') : undefined;
	for (const version of await candidateVersions(env)) {
		if (version === installed) {
			log(`n8n ${version} (Node 24) is installed in ${dir}`);
			return dir;
		}
		if (skipped.has(version)) {
			log(`n8n ${version} could not be installed from this registry before; trying the version before it.`);
			continue;
		}
		log(`Installing n8n ${version} on Node 24 into ${dir} — first run only, it takes about 7 minutes and a few GB...`);
		const manifest = {
			name: 'n8n-nodes-callcenter-real-n8n-node24',
			private: true,
			dependencies: { n8n: version },
			overrides: { xlsx: 'npm:@e965/xlsx@0.20.3', linkedom: '0.18.14' },
		};
		writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
		try {
			await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts=true'], { cwd: dir, env, log });
		} catch (error) {
			const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
			// Only "a dependency is not in the registry" moves on to an older version; anything else is a real failure.
			if (requestedN8nVersion() !== 'latest' || !/ETARGET|notarget/.test(output)) throw error;
			log(`n8n ${version} names a dependency this registry does not have; trying the version before it.`);
			skipped.add(version);
			writeFileSync(skipFile, [...skipped].join('\n'));
			continue;
		}
		await run('npm', ['rebuild', 'sqlite3', 'isolated-vm', '--ignore-scripts=false'], { cwd: dir, env, log });
		writeFileSync(marker, version);
		log(`n8n ${version} (Node 24) installed.`);
		return dir;
	}
	throw new Error(`No n8n version among those tried could be installed on Node 24 (see above)`);
}
