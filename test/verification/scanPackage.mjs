#!/usr/bin/env node
/**
 * n8n's community-package scan (`npx @n8n/scan-community-package <package>`), offline, on what
 * would be published: the scanner's own analyzer (its ESLint rules, inline eslint-disable
 * comments ignored) run on the two things it lints — the source (nodes/, credentials/,
 * package.json; the scanner fetches it from the commit the npm provenance names) and the
 * packed tarball, unpacked (its .js and package.json). The provenance check needs a published
 * version and is left to the publish workflow. Findings are compared with scan-exceptions.json:
 * any other finding fails, and so does an exception the scan no longer finds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

// The ESLint the scanner lints with (its own dependency, wherever npm put it).
const { ESLint } = createRequire(fileURLToPath(import.meta.resolve('@n8n/scan-community-package/scanner/scanner.mjs')))('eslint');

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Options (for the check's own tests): --source DIR and --unpacked DIR instead of the repository and its packed tarball, --exceptions FILE. */
function option(name) {
	const index = process.argv.indexOf(`--${name}`);
	return index < 0 ? undefined : path.resolve(process.argv[index + 1]);
}
const exceptionsFile = option('exceptions') ?? path.join(repo, 'test', 'verification', 'scan-exceptions.json');
const { exceptions } = JSON.parse(readFileSync(exceptionsFile, 'utf8'));

/** The findings of one leg, as `file|rule|message` with the file relative to the leg's folder. */
async function findings(folder, patterns) {
	// analyzePackage only says pass or fail and prints the formatted text; lint with the same
	// configuration through it, reading the findings from the formatter's input.
	const found = [];
	const format = ESLint.prototype.loadFormatter;
	ESLint.prototype.loadFormatter = async function (...args) {
		const formatter = await format.apply(this, args);
		return {
			format(results, context) {
				for (const result of results) {
					for (const message of result.messages) {
						if (message.severity === 2) found.push({ file: path.relative(folder, result.filePath), rule: message.ruleId, message: message.message, line: message.line });
					}
				}
				return formatter.format(results, context);
			},
		};
	};
	try {
		const result = await analyzePackage(folder, patterns);
		if (!result.passed && found.length === 0) throw new Error(`The scanner failed: ${result.message}`);
	} finally {
		ESLint.prototype.loadFormatter = format;
	}
	return found;
}

/** Builds the package and packs it as npm would publish it; returns the unpacked folder. */
function packed(folder) {
	execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
	execFileSync('npm', ['pack', '--silent', '--pack-destination', folder], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = readdirSync(folder).find((file) => file.endsWith('.tgz'));
	execFileSync('tar', ['-xzf', tarball, '-C', folder], { cwd: folder });
	return path.join(folder, 'package');
}

const pack = mkdtempSync(path.join(tmpdir(), 'callcenter-scan-'));
try {
	const source = option('source') ?? repo;
	const unpacked = option('unpacked') ?? packed(pack);
	const all = [
		...(await findings(source, SOURCE_FILE_PATTERNS)).map((finding) => ({ ...finding, leg: 'source' })),
		...(await findings(unpacked, ['**/*.js', 'package.json'])).map((finding) => ({ ...finding, leg: 'tarball' })),
	];
	const matches = (exception, finding) => exception.file === finding.file && exception.rule === finding.rule && exception.message === finding.message;
	const unexpected = all.filter((finding) => !exceptions.some((exception) => matches(exception, finding)));
	const gone = exceptions.filter((exception) => !all.some((finding) => matches(exception, finding)));
	for (const finding of all) {
		const known = !unexpected.includes(finding);
		console.log(`${known ? 'exception' : 'FINDING  '} ${finding.leg} ${finding.file}:${finding.line} ${finding.rule}: ${finding.message}`);
	}
	for (const exception of gone) console.log(`GONE      ${exception.file} ${exception.rule}: the scan no longer finds this; remove it from ${path.relative(repo, exceptionsFile)} and the README`);
	if (unexpected.length > 0 || gone.length > 0) {
		console.error(`n8n community-package scan: ${unexpected.length} finding(s) not in the exceptions, ${gone.length} exception(s) no longer found.`);
		process.exitCode = 1;
	} else {
		console.log(`n8n community-package scan (@n8n/scan-community-package, offline): source and packed tarball clean but for the ${exceptions.length} documented exception(s).`);
	}
} finally {
	rmSync(pack, { recursive: true, force: true });
}
