/**
 * What n8n's verification asks of the repository, checked: the GitHub workflows are valid YAML
 * that run CI on every push and pull request and publish a tag with npm provenance, and
 * package.json's repository, homepage, bugs and author agree.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, { 'runs-on': string; 'timeout-minutes'?: number; services?: Record<string, { image: string }>; steps: Step[] }>;
}

/** Parsed strictly: a YAML error (a tab, a duplicate key, a bad indent) throws. */
const workflow = (file: string) => parse(read(file), { strict: true, uniqueKeys: true, prettyErrors: true }) as Workflow;
const runs = (job: Workflow['jobs'][string]) => job.steps.map((step) => step.run).filter((run): run is string => run !== undefined);

test('ci.yml runs .ci/run on every push and pull request, with PostgreSQL and Redis, inside 90 minutes', () => {
	const ci = workflow('.github/workflows/ci.yml');
	expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
	const [job] = Object.values(ci.jobs);
	expect(runs(job).at(-1)).toBe('.ci/run');
	expect(job['timeout-minutes']).toBe(90);
	expect(job.services?.postgres.image).toMatch(/^postgres:\d+$/);
	expect(job.services?.redis.image).toMatch(/^redis:\d+$/);
	expect(job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20);
	// The n8n installs are cached, keyed by what pins them.
	const cache = job.steps.find((step) => step.uses?.startsWith('actions/cache@'));
	expect(cache?.with).toEqual({
		path: '~/.cache/n8n-nodes-callcenter',
		key: "n8n-installs-${{ runner.os }}-${{ hashFiles('e2e/n8n-versions.json', 'e2e/n8n-*/package-lock.json') }}",
	});
});

test('publish.yml publishes a version tag with provenance after lint, test and build', () => {
	const publish = workflow('.github/workflows/publish.yml');
	expect(Object.keys(publish.on)).toEqual(['push']);
	expect((publish.on.push as { tags: string[] }).tags).toEqual(['v*.*.*']);
	expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
	const [job] = Object.values(publish.jobs);
	const commands = runs(job);
	const order = ['npm run lint', 'npm test', 'npm run build', 'npm publish --provenance --access public'].map((command) => commands.indexOf(command));
	expect(order.every((index) => index >= 0)).toBe(true);
	expect([...order].sort((a, b) => a - b)).toEqual(order);
	expect(commands.indexOf('npm install --no-audit --no-fund')).toBeLessThan(order[0]);
});

test('package.json: repository, homepage, bugs and author agree; strict n8n package without runtime dependencies', () => {
	const manifest = JSON.parse(read('package.json'));
	const repository = /^git\+https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\.git$/.exec(manifest.repository.url)?.[1];
	expect(repository).toBeDefined();
	expect(manifest.homepage).toBe(`https://github.com/${repository}#readme`);
	expect(manifest.bugs).toEqual({ url: `https://github.com/${repository}/issues` });
	expect(manifest.author.name).toMatch(/\S/);
	expect(manifest.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
	expect(manifest.license).toBe('MIT');
	expect(manifest.n8n.strict).toBe(true);
	expect(manifest.dependencies).toBeUndefined();
	// n8n-node's script names, so its habits work here.
	for (const script of ['build', 'build:watch', 'dev', 'lint', 'lint:fix']) expect(manifest.scripts[script]).toBeDefined();
});

test('.ci/run ends by failing on a tree that npm install or npm test changed', () => {
	const lines = read('.ci/run').trim().split('\n');
	expect(lines.slice(-5)).toEqual([
		'npm test',
		'# npm install and npm test must leave the checkout as it was (lockfile, generated files).',
		'if [ -n "$(git status --porcelain)" ]; then',
		'  git status --short; git --no-pager diff --stat; echo "npm install or npm test changed the tree (above)" >&2; exit 1',
		'fi',
	]);
});
