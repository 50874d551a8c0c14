import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { REPO_ROOT } from './paths';
import { run } from './process';

interface PackageJson {
	name: string;
	version: string;
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
}

/** Builds the package and packs it as npm would publish it; returns the tarball's path. */
export async function packPackage(log: (line: string) => void): Promise<string> {
	log('Building and packing n8n-nodes-callcenter...');
	await run('npm', ['run', 'build'], { cwd: REPO_ROOT });
	const destination = mkdtempSync(path.join(tmpdir(), 'callcenter-pack-'));
	await run('npm', ['pack', '--pack-destination', destination], { cwd: REPO_ROOT });
	const tarball = readdirSync(destination).find((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack made no tarball');
	return path.join(destination, tarball);
}

/**
 * Installs the tarball into an n8n user folder the way n8n 2.8.4's community-package
 * installer does: unpacked into .n8n/nodes/node_modules/<name>, its dev, peer and optional
 * dependencies removed, `npm install` run inside with n8n's flags, and the package listed
 * in .n8n/nodes/package.json. n8n then loads its nodes as `<name>.<node>`, with no dev
 * dependency anywhere near, so an import that only works in tests fails here.
 */
export async function installPackage(tarball: string, userFolder: string): Promise<string> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const unpackDir = mkdtempSync(path.join(tmpdir(), 'callcenter-unpack-'));
	await run('tar', ['-xzf', tarball, '-C', unpackDir]);
	const unpacked = path.join(unpackDir, 'package');
	const manifest = JSON.parse(readFileSync(path.join(unpacked, 'package.json'), 'utf8')) as PackageJson;
	const target = path.join(nodesDir, 'node_modules', manifest.name);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(path.dirname(target), { recursive: true });
	await run('cp', ['-R', unpacked, target]);
	rmSync(unpackDir, { recursive: true, force: true });

	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	writeFileSync(path.join(target, 'package.json'), JSON.stringify(manifest, null, 2));
	await run(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: target },
	);

	const listPath = path.join(nodesDir, 'package.json');
	let list: { name: string; private: boolean; dependencies: Record<string, string> };
	try {
		list = JSON.parse(readFileSync(listPath, 'utf8'));
	} catch {
		list = { name: 'installed-nodes', private: true, dependencies: {} };
	}
	list.dependencies = { ...list.dependencies, [manifest.name]: manifest.version };
	writeFileSync(listPath, JSON.stringify(list, null, 2));
	return target;
}
