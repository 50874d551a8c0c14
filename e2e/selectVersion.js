// Each jest project of e2e/versionProjects.js runs its test files on one n8n version: the harness
// (scripts/realN8n/paths.ts) reads it from N8N_VERSION, in this test file's own environment.
process.env.N8N_VERSION = globalThis.REAL_N8N_VERSION;
