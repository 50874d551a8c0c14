/**
 * One jest project per n8n version of e2e/n8n-versions.json (the floor on this machine's Node,
 * the current release on Node 24), or only the version N8N_VERSION names (`latest`, another
 * release, a pinned one). Each project's test files see their version as N8N_VERSION
 * (e2e/selectVersion.js), which the harness reads (scripts/realN8n/paths.ts). Used by the
 * real-n8n tests (e2e/jest.config.js) and the queue-mode tests (e2e/queue/jest.config.js).
 */
const path = require('node:path');

const { pinned } = require('./n8n-versions.json');

const REPO_ROOT = path.resolve(__dirname, '..');

/** The n8n versions a run covers. */
function n8nVersions() {
	const asked = process.env.N8N_VERSION?.trim();
	return asked ? [asked] : pinned.map((entry) => entry.n8n);
}

/**
 * The jest projects: `project` (roots, ignore patterns, timeout) once per version, named
 * "n8n <version>" (`--selectProjects "n8n 2.41.1"` runs one).
 * @param {import('jest').Config} project
 * @returns {import('jest').Config[]}
 */
function versionProjects(project) {
	return n8nVersions().map((version) => ({
		displayName: `n8n ${version}`,
		rootDir: REPO_ROOT,
		preset: 'ts-jest',
		testEnvironment: 'node',
		transform: { '^.+\\.ts$': 'ts-jest' },
		...project,
		globals: { REAL_N8N_VERSION: version },
		setupFiles: ['<rootDir>/e2e/selectVersion.js'],
	}));
}

module.exports = { REPO_ROOT, versionProjects };
