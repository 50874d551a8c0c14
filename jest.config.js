/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test', '<rootDir>/nodes'],
	transform: { '^.+\\.ts$': 'ts-jest' },
	testTimeout: 30000,
	setupFilesAfterEnv: ['<rootDir>/test/engine/setup.ts'],
};
