/**
 * Queue-mode tests: a real n8n as main + workers on this machine's PostgreSQL (127.0.0.1:5432)
 * and Redis (127.0.0.1:6379), each test file with its own database and Bull prefix.
 * `npx jest -c e2e/queue/jest.config.js`
 */
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '../..',
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/e2e/queue'],
	transform: { '^.+\\.ts$': 'ts-jest' },
	// Three n8n processes per file and n8n's own timers (poll minute, stalled-job checks): minutes.
	testTimeout: 15 * 60 * 1000,
	maxWorkers: 1,
};
