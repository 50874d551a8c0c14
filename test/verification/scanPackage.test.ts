/**
 * The scan step of `npm run lint` (scanPackage.mjs) on small packages of its own: it passes only
 * when the findings are exactly the listed exceptions — another finding fails it, and so does an
 * exception the scan no longer finds.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCAN = path.join(__dirname, 'scanPackage.mjs');
const EXCEPTIONS = path.join(__dirname, 'scan-exceptions.json');

/** This package's own package.json, which the scan passes. */
const MANIFEST = path.join(__dirname, '..', '..', 'package.json');

const transport = (extra: string) => `import type { IRequestOptions } from 'n8n-workflow';
export const getWithBody = (uri: string): IRequestOptions => ({ method: 'GET', uri, body: { a: 1 }, json: true });
${extra}`;

let folder: string;
beforeEach(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'callcenter-scan-fixture-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** A source folder with nodes/NetaxisApio/transport.ts and an unpacked package with one .js file. */
function fixture(transportSource: string) {
	const source = path.join(folder, 'source');
	mkdirSync(path.join(source, 'nodes', 'NetaxisApio'), { recursive: true });
	copyFileSync(MANIFEST, path.join(source, 'package.json'));
	writeFileSync(path.join(source, 'nodes', 'NetaxisApio', 'transport.ts'), transportSource);
	const unpacked = path.join(folder, 'package');
	mkdirSync(path.join(unpacked, 'dist'), { recursive: true });
	copyFileSync(MANIFEST, path.join(unpacked, 'package.json'));
	writeFileSync(path.join(unpacked, 'dist', 'index.js'), 'module.exports = {};\n');
	return spawnSync('node', [SCAN, '--source', source, '--unpacked', unpacked, '--exceptions', EXCEPTIONS], { encoding: 'utf8' });
}

test('the documented exception alone passes', () => {
	const scan = fixture(transport(''));
	expect(scan.stdout).toContain("exception source nodes/NetaxisApio/transport.ts:1 @n8n/community-nodes/no-deprecated-workflow-functions: 'IRequestOptions' is deprecated.");
	expect(scan.status).toBe(0);
}, 180_000);

test('another finding fails the scan', () => {
	const scan = fixture(transport("export const lookup = (name: string) => process.env[name];\n"));
	expect(scan.stdout).toMatch(/^FINDING {3}source nodes\/NetaxisApio\/transport\.ts:3 @n8n\/community-nodes\/no-restricted-globals: /m);
	expect(scan.stderr).toContain('n8n community-package scan: 1 finding(s) not in the exceptions, 0 exception(s) no longer found.');
	expect(scan.status).toBe(1);
}, 180_000);

test('an exception the scan no longer finds fails it', () => {
	const scan = fixture("export const getWithBody = (url: string) => ({ method: 'GET', url });\n");
	expect(scan.stdout).toContain('GONE      nodes/NetaxisApio/transport.ts @n8n/community-nodes/no-deprecated-workflow-functions: the scan no longer finds this');
	expect(scan.stderr).toContain('0 finding(s) not in the exceptions, 1 exception(s) no longer found.');
	expect(scan.status).toBe(1);
}, 180_000);
