/**
 * Real-n8n tests: the packed package installed into a real n8n, workflows run with `n8n execute`
 * and in a started n8n. Every test file runs once per n8n version of e2e/n8n-versions.json (a jest
 * project each: the floor on this machine's Node, the current release on Node 24), or only on
 * the version N8N_VERSION names (`latest`, another release, a pinned one).
 */
const path = require('node:path');

const { pinned } = require('./n8n-versions.json');

const asked = process.env.N8N_VERSION?.trim();
const versions = asked ? [asked] : pinned.map((entry) => entry.n8n);

/** @type {import('jest').Config} */
module.exports = {
	rootDir: path.resolve(__dirname, '..'),
	// The first run of a version installs it (several minutes); every `n8n execute` starts a whole n8n.
	testTimeout: 20 * 60 * 1000,
	maxWorkers: 1,
	projects: versions.map((version) => ({
		displayName: `n8n ${version}`,
		rootDir: path.resolve(__dirname, '..'),
		preset: 'ts-jest',
		testEnvironment: 'node',
		roots: ['<rootDir>/e2e'],
		// Queue mode (main + workers on PostgreSQL and Redis) has its own config: e2e/queue/jest.config.js.
		testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/queue/'],
		transform: { '^.+\\.ts$': 'ts-jest' },
		testTimeout: 20 * 60 * 1000,
		globals: { REAL_N8N_VERSION: version },
		setupFiles: ['<rootDir>/e2e/selectVersion.js'],
	})),
};
