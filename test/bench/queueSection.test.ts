import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { queueSectionOf, writeQueueSection } from '../../scripts/bench/queueSection';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'queue-section-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the Queue mode section is appended, then replaced, and the rest of the file kept', () => {
	const file = path.join(dir, 'BENCHMARKS.md');
	writeFileSync(file, '# Benchmarks\n\n## Results\n\nfigures\n');
	writeQueueSection(file, 'first run');
	expect(readFileSync(file, 'utf8')).toBe('# Benchmarks\n\n## Results\n\nfigures\n\n## Queue mode\n\nfirst run\n');
	writeQueueSection(file, 'second run\n');
	expect(readFileSync(file, 'utf8')).toBe('# Benchmarks\n\n## Results\n\nfigures\n\n## Queue mode\n\nsecond run\n');
	expect(queueSectionOf(file)).toBe('\n## Queue mode\n\nsecond run\n');
});

test('a file without the section, or no file, has none to keep', () => {
	const file = path.join(dir, 'BENCHMARKS.md');
	expect(queueSectionOf(file)).toBe('');
	writeFileSync(file, '# Benchmarks\n\n## Queue modes of something else\n');
	expect(queueSectionOf(file)).toBe('');
});
