/**
 * Real-n8n tests: the packed package installed into a real n8n, workflows run with `n8n execute`
 * and in a started n8n. Every test file runs once per n8n version (e2e/versionProjects.js).
 */
const { REPO_ROOT, versionProjects } = require('./versionProjects');

// The first run of a version installs it (several minutes); every `n8n execute` starts a whole n8n.
const testTimeout = 20 * 60 * 1000;

/** @type {import('jest').Config} */
module.exports = {
	rootDir: REPO_ROOT,
	testTimeout,
	maxWorkers: 1,
	// A test that fails before its n8n is handed to afterAll must not keep CI waiting for its
	// time limit: jest exits when the tests are done (queue tests check for leftovers themselves).
	forceExit: true,
	projects: versionProjects({
		roots: ['<rootDir>/e2e'],
		// Queue mode (main + workers on PostgreSQL and Redis) has its own config: e2e/queue/jest.config.js.
		testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/queue/'],
		testTimeout,
	}),
};
