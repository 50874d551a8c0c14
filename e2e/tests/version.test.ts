/**
 * Each jest project runs on the n8n it names, on the Node that n8n needs: the floor on the Node
 * that runs the tests, every newer n8n on the registry's Node 24. (A run that silently used the
 * floor twice would fail here.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ensureN8nInstalled } from '../../scripts/realN8n/installN8n';
import { n8nBin, NODE24_VERSION, onNode24Route, pinnedN8n, runtimePath } from '../../scripts/realN8n/paths';
import { run } from '../../scripts/realN8n/process';

const log = (line: string) => process.stderr.write(`${line}\n`);

test('n8n --version is the version asked for, on the Node it needs', async () => {
	const dir = await ensureN8nInstalled(log);
	const expected = pinnedN8n()?.n8n ?? readFileSync(path.join(dir, '.installed-version'), 'utf8');
	const env = { ...process.env, PATH: runtimePath() };
	expect((await run(n8nBin(), ['--version'], { env })).stdout.trim()).toBe(expected);
	const node = (await run('node', ['--version'], { env })).stdout.trim();
	expect(node).toBe(onNode24Route() ? `v${NODE24_VERSION}` : process.version);
	expect(JSON.parse(readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version).toBe(expected);
});
