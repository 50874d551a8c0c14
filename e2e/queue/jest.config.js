/**
 * Queue-mode tests: a real n8n as main + workers on this machine's PostgreSQL (127.0.0.1:5432)
 * and Redis (127.0.0.1:6379), each test file with its own database and Bull prefix. Every test
 * file runs once per n8n version, like the real-n8n tests (e2e/versionProjects.js).
 * `npx jest -c e2e/queue/jest.config.js [--selectProjects "n8n 2.41.1"]`
 */
const { REPO_ROOT, versionProjects } = require('../versionProjects');

// Three n8n processes per file and n8n's own timers (poll minute, stalled-job checks): minutes.
// The first run of a version installs it (several minutes more).
const testTimeout = 20 * 60 * 1000;

/** @type {import('jest').Config} */
module.exports = {
	rootDir: REPO_ROOT,
	testTimeout,
	maxWorkers: 1,
	// A test that fails before its n8n is handed to afterAll must not keep CI waiting for its
	// time limit: jest exits when the tests are done (queue tests check for leftovers themselves).
	forceExit: true,
	projects: versionProjects({ roots: ['<rootDir>/e2e/queue'], testTimeout }),
};
