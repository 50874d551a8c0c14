/** Real-n8n tests: the packed package installed into a pinned real n8n, workflows run with `n8n execute`. */
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '..',
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/e2e'],
	// Queue mode (main + workers on PostgreSQL and Redis) has its own config: e2e/queue/jest.config.js.
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/queue/'],
	transform: { '^.+\\.ts$': 'ts-jest' },
	// The first run installs n8n (several minutes); every `n8n execute` starts a whole n8n.
	testTimeout: 20 * 60 * 1000,
	maxWorkers: 1,
};
