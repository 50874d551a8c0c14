import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { installAtomically } from './atomicInstall';
import {
	CURRENT_N8N_VERSION,
	manifestDir,
	n8nBin,
	n8nInstallDir,
	needsNode24,
	NODE24_VERSION,
	node24BinDir,
	node24Dir,
	node24HeadersDir,
	onNode24Route,
	pinnedN8n,
	PINNED_N8N,
	requestedN8nVersion,
	runtimePath,
} from './paths';
import { run } from './process';

const MARKER = '.installed-lock-sha256';
const UNPINNED_MARKER = '.installed-version';
/** n8n-nodes-base points xlsx at a tarball host that is not always reachable; 2.41's linkedom needs 0.18.14. */
const UNPINNED_OVERRIDES = { xlsx: 'npm:@e965/xlsx@0.20.3', linkedom: '0.18.14' };

const seconds = (since: number) => `${Math.round((Date.now() - since) / 1000)} s`;
const lockHash = (lockfile: string) => createHash('sha256').update(readFileSync(lockfile)).digest('hex');
const pinnedList = () => PINNED_N8N.map((pinned) => pinned.n8n).join(', ');

/**
 * Installs the n8n the runs use into the cache folder, unless it is there already: a pinned n8n
 * (e2e/n8n-versions.json) from its committed package.json and lockfile, or — with
 * N8N_VERSION=latest or another released version — that n8n on Node 24. An install is made in
 * a folder of its own and moved into place only once complete: a failed one leaves nothing.
 */
export async function ensureN8nInstalled(log: (line: string) => void): Promise<string> {
	const pinned = pinnedN8n();
	if (!pinned) return await installUnpinned(log);
	const skipScripts = needsNode24();
	if (onNode24Route()) await ensureNode24(log);
	const dir = n8nInstallDir();
	const manifest = manifestDir(pinned.n8n);
	const lockfile = path.join(manifest, 'package-lock.json');
	const hash = existsSync(lockfile) ? lockHash(lockfile) : undefined;
	const marker = path.join(dir, MARKER);
	if (hash && existsSync(n8nBin()) && existsSync(marker) && readFileSync(marker, 'utf8') === hash) {
		log(`n8n ${pinned.n8n} is installed in ${dir}`);
		return dir;
	}
	const runtime = onNode24Route() ? `Node ${NODE24_VERSION}` : `Node ${process.version}`;
	log(`Installing n8n ${pinned.n8n} (on ${runtime}) into ${dir} — first run only, about 7 minutes and 2–3 GB...`);
	const started = Date.now();
	await installAtomically(dir, async (work) => {
		copyFileSync(path.join(manifest, 'package.json'), path.join(work, 'package.json'));
		if (hash) copyFileSync(lockfile, path.join(work, 'package-lock.json'));
		const env = onNode24Route() ? node24NpmEnv() : process.env;
		// With the lockfile present, npm install installs exactly the locked tree. On Node 20 the
		// install scripts run (sqlite3 builds its native module); on Node 24 some fail, so they
		// are skipped and the two native modules n8n needs rebuilt.
		await run('npm', ['install', '--no-audit', '--no-fund', `--ignore-scripts=${skipScripts}`], { cwd: work, env, log });
		if (skipScripts) await run('npm', ['rebuild', 'sqlite3', 'isolated-vm', '--ignore-scripts=false'], { cwd: work, env, log });
		if (!hash) {
			// A newly pinned version: its lockfile, to commit.
			copyFileSync(path.join(work, 'package-lock.json'), lockfile);
			log(`Wrote ${path.relative(process.cwd(), lockfile)}: commit it.`);
		}
		writeFileSync(path.join(work, MARKER), lockHash(lockfile));
	}).catch((error: unknown) => {
		throw new Error(`n8n ${pinned.n8n} could not be installed into ${dir}: ${firstLine(error)}. Nothing was kept (see the npm output above); the next run installs it afresh.`);
	});
	log(`n8n ${pinned.n8n} installed in ${seconds(started)}.`);
	return dir;
}

/** The environment npm runs with for an n8n that needs Node 24: on the registry's Node 24, its bin first on PATH and its headers for native builds. */
function node24NpmEnv(): NodeJS.ProcessEnv {
	if (!onNode24Route()) return process.env;
	return { ...process.env, PATH: runtimePath(), npm_config_nodedir: node24HeadersDir() };
}

/** The registry's node package at the pinned release (its install script fetches the platform's Node binary). */
async function ensureNode24(log: (line: string) => void): Promise<void> {
	if (existsSync(path.join(node24BinDir(), 'node'))) return;
	const dir = node24Dir();
	log(`This machine's Node is ${process.version}; n8n ${requestedN8nVersion()} needs Node 24. Downloading Node ${NODE24_VERSION} (the registry's node package, about 50 MB) into ${dir}...`);
	const started = Date.now();
	try {
		await installAtomically(dir, async (work) => {
			writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'callcenter-node24', private: true }, null, 2));
			await run('npm', ['install', `node@${NODE24_VERSION}`, '--no-audit', '--no-fund', '--ignore-scripts=false'], { cwd: work, log });
			const version = (await run(path.join(work, 'node_modules', 'node', 'bin', 'node'), ['--version'])).stdout.trim();
			if (version !== `v${NODE24_VERSION}`) throw new Error(`the node package installed ${version || 'no Node binary'}, not v${NODE24_VERSION}`);
		});
	} catch (error) {
		throw new Error(
			`Node ${NODE24_VERSION} could not be downloaded from the npm registry (npm install node@${NODE24_VERSION}): ${firstLine(error)}. ` +
				`Check the network and the registry (npm config get registry), or run with N8N_VERSION=${PINNED_N8N[0].n8n}, which runs on your Node. Nothing was kept; the next run tries again.`,
		);
	}
	log(`Node ${NODE24_VERSION} downloaded in ${seconds(started)}.`);
}

const firstLine = (error: unknown) => String((error as Error).message ?? error).split('\n')[0];

/** Checks what N8N_VERSION asks for before anything is downloaded; returns the versions to try, best first. */
export async function candidateVersions(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
	const asked = requestedN8nVersion();
	if (asked !== 'latest' && !/^\d+\.\d+\.\d+$/.test(asked)) {
		throw new Error(`N8N_VERSION=${asked} is not an n8n version: use a released version such as ${CURRENT_N8N_VERSION}, "latest", or leave it unset (pinned: ${pinnedList()}).`);
	}
	const published = JSON.parse((await run('npm', ['view', 'n8n', 'versions', '--json'], { env })).stdout) as string[];
	if (asked !== 'latest') {
		if (!published.includes(asked)) {
			throw new Error(`N8N_VERSION=${asked}: the npm registry has no n8n ${asked}. Use a released version (npm view n8n versions), "latest", or one of the pinned versions: ${pinnedList()}.`);
		}
		return [asked];
	}
	// `latest` and the two stable versions before it: a new release can name a dependency the
	// registry does not (yet) have (2.41.3 names @n8n/agents@0.26.2), and is then skipped, saying so.
	const latest = (await run('npm', ['view', 'n8n@latest', 'version'], { env })).stdout.trim();
	const stable = published.filter((version) => /^\d+\.\d+\.\d+$/.test(version));
	const index = stable.indexOf(latest);
	return index < 0 ? [latest] : stable.slice(Math.max(0, index - 2), index + 1).reverse();
}

/**
 * `latest` or a version that is not pinned: installed from the registry without a lockfile on
 * Node 24, with the overrides above, install scripts skipped and sqlite3 and isolated-vm rebuilt.
 */
async function installUnpinned(log: (line: string) => void): Promise<string> {
	const versions = await candidateVersions();
	const dir = n8nInstallDir();
	const marker = path.join(dir, UNPINNED_MARKER);
	const installed = existsSync(n8nBin()) && existsSync(marker) ? readFileSync(marker, 'utf8') : undefined;
	for (const version of versions) {
		if (version === installed) {
			log(`n8n ${version} is installed in ${dir}`);
			return dir;
		}
		if (onNode24Route()) await ensureNode24(log);
		const env = node24NpmEnv();
		log(`Installing n8n ${version} on Node ${onNode24Route() ? NODE24_VERSION : process.versions.node} into ${dir} — first run only, about 7 minutes and 3 GB...`);
		const started = Date.now();
		try {
			await installAtomically(dir, async (work) => {
				const manifest = { name: 'n8n-nodes-callcenter-real-n8n-unpinned', private: true, dependencies: { n8n: version }, overrides: UNPINNED_OVERRIDES };
				writeFileSync(path.join(work, 'package.json'), JSON.stringify(manifest, null, 2));
				await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts=true'], { cwd: work, env, log });
				await run('npm', ['rebuild', 'sqlite3', 'isolated-vm', '--ignore-scripts=false'], { cwd: work, env, log });
				writeFileSync(path.join(work, UNPINNED_MARKER), version);
			});
		} catch (error) {
			const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
			// Only "a dependency is not in the registry" moves on to an older version; anything else is a real failure.
			if (requestedN8nVersion() === 'latest' && /ETARGET|notarget/.test(output)) {
				log(`n8n ${version} names a dependency this registry does not have; trying the version before it.`);
				continue;
			}
			throw new Error(`n8n ${version} could not be installed: ${firstLine(error)}. Nothing was kept; see the npm output above. The pinned versions (${pinnedList()}) install from their lockfiles.`);
		}
		log(`n8n ${version} installed in ${seconds(started)}.`);
		return dir;
	}
	throw new Error(`None of n8n ${versions.join(', ')} could be installed from this registry (see above); N8N_VERSION=${CURRENT_N8N_VERSION} installs the pinned current release.`);
}
