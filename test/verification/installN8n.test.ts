/**
 * A bad N8N_VERSION or a failed download stops with a message naming what to do, and leaves
 * nothing in the n8n cache that a later run could take for an install.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { installAtomically } from '../../scripts/realN8n/atomicInstall';
import { ensureN8nInstalled } from '../../scripts/realN8n/installN8n';

let cache: string;
const saved = { ...process.env };
const quiet = () => undefined;

beforeEach(() => {
	cache = mkdtempSync(path.join(tmpdir(), 'callcenter-cache-test-'));
	process.env.CALLCENTER_N8N_CACHE = cache;
});
afterEach(() => {
	process.env = { ...saved };
	rmSync(cache, { recursive: true, force: true });
});

test('N8N_VERSION that is not a version: refused before anything is downloaded', async () => {
	process.env.N8N_VERSION = '2.41';
	await expect(ensureN8nInstalled(quiet)).rejects.toThrow('N8N_VERSION=2.41 is not an n8n version: use a released version such as 2.41.1, "latest", or leave it unset (pinned: 2.8.4, 2.41.1).');
	expect(readdirSync(cache)).toEqual([]);
});

test('N8N_VERSION the registry does not have: refused, with the versions that work, nothing installed', async () => {
	process.env.N8N_VERSION = '99.0.0';
	await expect(ensureN8nInstalled(quiet)).rejects.toThrow('N8N_VERSION=99.0.0: the npm registry has no n8n 99.0.0. Use a released version (npm view n8n versions), "latest", or one of the pinned versions: 2.8.4, 2.41.1.');
	expect(readdirSync(cache)).toEqual([]);
}, 120_000);

test('Node 24 that cannot be downloaded: a message saying what to do, no Node folder left', async () => {
	process.env.N8N_VERSION = '2.41.1';
	// A registry nothing answers on, and no retries.
	process.env.npm_config_registry = 'http://127.0.0.1:9/';
	process.env.npm_config_fetch_retries = '0';
	process.env.npm_config_cache = path.join(cache, 'npm-cache');
	const failure = ensureN8nInstalled(quiet);
	await expect(failure).rejects.toThrow(/^Node 24\.21\.0 could not be downloaded from the npm registry \(npm install node@24\.21\.0\): .*Check the network and the registry .*N8N_VERSION=2\.8\.4.*Nothing was kept; the next run tries again\.$/s);
	expect(readdirSync(cache).filter((entry) => entry !== 'npm-cache')).toEqual([]);
}, 120_000);

describe('installAtomically', () => {
	test('a failed install leaves neither the folder nor its work folder', async () => {
		const dir = path.join(cache, 'n8n-x');
		await expect(
			installAtomically(dir, async (work) => {
				writeFileSync(path.join(work, 'half'), 'written');
				throw new Error('npm install failed');
			}),
		).rejects.toThrow('npm install failed');
		expect(readdirSync(cache)).toEqual([]);
	});

	test('a failed reinstall keeps the complete install that was there', async () => {
		const dir = path.join(cache, 'n8n-x');
		mkdirSync(dir);
		writeFileSync(path.join(dir, 'marker'), 'old');
		await expect(installAtomically(dir, async () => Promise.reject(new Error('no network')))).rejects.toThrow('no network');
		expect(readFileSync(path.join(dir, 'marker'), 'utf8')).toBe('old');
		expect(readdirSync(cache)).toEqual(['n8n-x']);
	});

	test('a complete install replaces the folder; a work folder left by an interrupted run is not reused', async () => {
		const dir = path.join(cache, 'n8n-x');
		mkdirSync(`${dir}.partial`);
		writeFileSync(path.join(`${dir}.partial`, 'stale'), 'from an interrupted run');
		await installAtomically(dir, async (work) => writeFileSync(path.join(work, 'marker'), 'new'));
		expect(readdirSync(dir)).toEqual(['marker']);
		expect(existsSync(`${dir}.partial`)).toBe(false);
	});
});
