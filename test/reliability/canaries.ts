/**
 * The secret scan: every credential field holds a recognisable canary, the sandbox is set up
 * to accept exactly these values, and everything a run leaves behind (output items, the error
 * with its description, the stored execution data, every line n8n logs) is searched for them.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { ICredentialDataDecryptedObject, IDataObject, Logger as N8nLogger } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import type { RunResult } from '../engine/harness';
import type { Sandbox } from '../sandbox/server';

/** The marker every canary carries, so a scan can also spot a canary cut or re-cased. */
export const CANARY_MARK = 'CANARY';

/** A canary: the marker, what it stands for, and a tail so no real value can match it by chance. */
const canary = (what: string) => [CANARY_MARK, what, '7d1f9b2e'].join('-');

export const CANARIES = {
	liveVox: {
		clientName: canary('lvClient'),
		userName: canary('lv.user'),
		password: canary('lv-password'),
		accessToken: canary('lv-access-token'),
	},
	vccLive: { customer: canary('vccCustomer').toLowerCase(), apiToken: canary('vcc-api-token') },
	apio: { username: canary('apio.user'), password: canary('apio-password') },
};

/** The credential data for each vendor: canaries in every field that is not an address. */
export function canaryCredentials(sandbox: Sandbox): Record<string, ICredentialDataDecryptedObject> {
	return {
		liveVoxApi: {
			environment: 'custom',
			customBaseUrl: sandbox.livevoxUrl,
			apiVersion: '',
			...CANARIES.liveVox,
			agent: false,
			sessionId: '',
		},
		vccLiveApi: {
			customer: CANARIES.vccLive.customer,
			baseUrl: sandbox.vccliveUrl,
			user: '',
			apiToken: CANARIES.vccLive.apiToken,
		},
		netaxisApioApi: {
			accessToken: '',
			baseUrl: sandbox.apioUrl,
			apiPrefix: '/api/v1',
			authMethod: 'password',
			...CANARIES.apio,
		},
	};
}

/** Makes the sandbox accept the canary accounts (call after each vendor reset). */
export function acceptCanaries(sandbox: Sandbox): void {
	sandbox.livevox.account = { ...CANARIES.liveVox };
	sandbox.vcclive.account = { user: CANARIES.vccLive.customer, token: CANARIES.vccLive.apiToken };
	sandbox.apio.users.set(CANARIES.apio.username, { password: CANARIES.apio.password });
}

/** Every secret to look for: the canaries, the Basic header made of them, and the sessions issued in the run. */
export function secretsToFind(stored: Map<string, ICredentialDataDecryptedObject>): string[] {
	const fixed = [
		...Object.values(CANARIES.liveVox),
		...Object.values(CANARIES.vccLive),
		...Object.values(CANARIES.apio),
		Buffer.from(`${CANARIES.vccLive.customer}:${CANARIES.vccLive.apiToken}`).toString('base64'),
	];
	const issued: string[] = [];
	for (const data of stored.values()) {
		for (const key of ['sessionId', 'accessToken']) {
			const value = data[key];
			if (typeof value === 'string' && value.length >= 8) issued.push(value);
		}
	}
	return [...new Set([...fixed, ...issued])];
}

/** JSON that survives cycles, buffers and errors: what a scan needs, not a faithful copy. */
export function safeStringify(value: unknown): string {
	const seen = new WeakSet<object>();
	try {
		return (
			JSON.stringify(value, (_key, inner: unknown) => {
				if (inner instanceof Error) {
					return { ...(inner as unknown as IDataObject), name: inner.name, message: inner.message, stack: inner.stack };
				}
				if (typeof inner === 'bigint') return String(inner);
				if (typeof inner === 'object' && inner !== null) {
					if (seen.has(inner)) return '[cycle]';
					seen.add(inner);
				}
				return inner;
			}) ?? ''
		);
	} catch (error) {
		return `[unserializable: ${String(error)}]`;
	}
}

/** One line n8n logged, as it would be written out. */
export interface LogLine {
	level: string;
	text: string;
}

/**
 * Records what n8n logs through LoggerProxy (the engine) and through the DI Logger (the nodes'
 * `this.logger`, the request helpers), at every level.
 */
export class LogRecorder {
	readonly lines: LogLine[] = [];
	private previous: unknown;

	private logger(): N8nLogger {
		const record = (level: string) => (message: string, metadata?: unknown) => {
			this.lines.push({ level, text: `${message} ${metadata === undefined ? '' : safeStringify(metadata)}` });
		};
		return { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
	}

	install(): void {
		const logger = this.logger();
		LoggerProxy.init(logger);
		this.previous = Container.has(Logger) ? Container.get(Logger) : undefined;
		Container.set(Logger, { ...logger, scoped: () => logger } as unknown as Logger);
	}

	uninstall(): void {
		const silent = () => {};
		LoggerProxy.init({ error: silent, warn: silent, info: silent, debug: silent });
		const quiet = { error: silent, warn: silent, info: silent, debug: silent, scoped: () => quiet };
		Container.set(Logger, (this.previous ?? quiet) as Logger);
	}

	clear(): void {
		this.lines.length = 0;
	}
}

export interface Leak {
	where: string;
	secret: string;
}

/** Where a secret shows up in what one run left behind. */
export function findLeaks(result: RunResult, logLines: LogLine[], secrets: string[]): Leak[] {
	const places: Array<[string, string]> = [
		['output items', safeStringify(result.items.map((item) => item.json))],
		[
			'output files',
			result.items
				.flatMap((item) => Object.values(item.binary ?? {}))
				.map((file) => Buffer.from(file.data, 'base64').toString('utf8'))
				.join('\n'),
		],
		['error message', result.error?.message ?? ''],
		['error description', result.error?.description ?? ''],
		['error (serialized)', safeStringify(result.error)],
		['execution data', safeStringify(result.run.data)],
		['n8n log', logLines.map((line) => `${line.level} ${line.text}`).join('\n')],
	];
	const leaks: Leak[] = [];
	for (const [where, text] of places) {
		for (const secret of secrets) if (text.includes(secret)) leaks.push({ where, secret });
		if (text.includes(CANARY_MARK) && !secrets.some((secret) => text.includes(secret))) {
			leaks.push({ where, secret: `${CANARY_MARK} (part of a canary)` });
		}
	}
	return leaks;
}
