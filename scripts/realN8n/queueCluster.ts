/**
 * n8n in queue mode, as n8n documents scaling out: one main (`n8n start`, the editor, the REST
 * API, webhooks and the active triggers) and workers (`n8n worker`) that run the executions
 * the main hands them through Redis (Bull), all on one PostgreSQL database and one encryption
 * key. Each process has its own user folder with this package installed in it (n8n's docs: in
 * queue mode, install community nodes on the main and on every worker), its own ports, its own
 * process group; the cluster has its own database and Bull prefix, removed by stop().
 *
 * Parameterized by the n8n binary, its install folder and the environment builder, so the same
 * harness runs any n8n version the real-n8n scripts install.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { installPackage } from './installPackage';
import { N8nCli, n8nEnv } from './n8nCli';
import { freePort, RestSession, setUpOwner } from './n8nServer';
import { isN8nAtLeast, n8nBin, n8nInstallDir } from './paths';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres' };
export const REDIS = { host: '127.0.0.1', port: 6379 };

/** The first n8n with durable poll cursors (N8N_POLLER_DURABLE_CURSORS_ENABLED). */
export const DURABLE_POLL_CURSORS_SINCE = [2, 36] as const;

/**
 * What turns n8n's durable poll cursors on, as n8n 2.41.1 reads it: the cursor variable acts
 * only when the durable scheduler runs the poll triggers and the workflow publication service is
 * on (n8n dist/scheduling/poll-trigger-node/durable-poller-chain.js:4-8 and
 * dist/workflows/triggers/poll-cursor.service.js:60-62; otherwise n8n logs that "durable poll
 * cursors stay disabled", :30-31). The first three are off by default
 * (@n8n/config dist/configs/scheduler.config.js:21,40,42); the publication service is on
 * (dist/configs/workflows.config.js:25), set here all the same.
 */
const DURABLE_POLL_CURSORS_ENV: NodeJS.ProcessEnv = {
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
};

export interface QueueClusterOptions {
	/** The packed package (installPackage's tarball), installed into every process's user folder. */
	tarball: string;
	workers?: number;
	/** Jobs a worker runs at once (`n8n worker --concurrency`, n8n's default 10). */
	concurrency?: number;
	/** false leaves the workers without the package (what n8n does then is tested). Default true. */
	packageOnWorkers?: boolean;
	/** false: start() starts the main only, and a test starts the workers itself (`workers[i].start()`). Default true. */
	startWorkers?: boolean;
	/**
	 * Durable poll cursors where the n8n has them (2.36 and later; `durablePollCursors` says
	 * whether they are on): a poll trigger's memory kept in n8n's poller_state table, committed
	 * with the execution a poll starts, and after a poll that finds nothing. Default false.
	 */
	durablePollCursors?: boolean;
	/** More environment for every process (after the cluster's own). */
	env?: NodeJS.ProcessEnv;
	/** Defaults: the real-n8n scripts' n8n (n8nBin, n8nInstallDir) and environment (n8nEnv). */
	n8nBinary?: string;
	installDir?: string;
	baseEnv?: (userFolder: string, extra: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
	log?: (line: string) => void;
}

/** One n8n process of the cluster, with its output kept (n8n's JSON log lines). */
export class N8nProcess {
	readonly lines: string[] = [];
	child?: ChildProcess;
	private exited?: Promise<void>;
	/** Every pid this role has had (a restarted main gets a new one). */
	readonly pids: number[] = [];

	constructor(
		readonly name: string,
		readonly userFolder: string,
		readonly env: NodeJS.ProcessEnv,
		readonly args: string[],
		readonly healthUrl: string,
		private readonly binary: string,
	) {}

	get pid(): number | undefined {
		return this.running ? this.child?.pid : undefined;
	}

	get running(): boolean {
		return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
	}

	/** Starts the process in its own process group and waits until its health endpoint answers. */
	async start(): Promise<void> {
		const child = spawn(this.binary, this.args, { env: this.env, cwd: this.userFolder, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		this.child = child;
		if (child.pid) this.pids.push(child.pid);
		this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
		let rest = '';
		const collect = (chunk: Buffer) => {
			const text = rest + chunk.toString('utf8');
			const parts = text.split('\n');
			rest = parts.pop() ?? '';
			this.lines.push(...parts.filter((line) => line.trim() !== ''));
		};
		child.stdout?.on('data', collect);
		child.stderr?.on('data', collect);
		for (let attempt = 0; attempt < 360; attempt++) {
			if (!this.running) throw new Error(`${this.name} stopped while starting:\n${this.lines.slice(-40).join('\n')}`);
			try {
				if ((await fetch(this.healthUrl)).ok) return;
			} catch {
				// not listening yet
			}
			await pause(500);
		}
		throw new Error(`${this.name} was not ready within three minutes:\n${this.lines.slice(-40).join('\n')}`);
	}

	/** Sends a signal to the whole process group (n8n and its task runner). */
	signal(signal: NodeJS.Signals): void {
		const pid = this.child?.pid;
		if (!pid || !this.running) return;
		try {
			process.kill(-pid, signal);
		} catch {
			// already gone
		}
	}

	/** SIGTERM (n8n's graceful shutdown), SIGKILL to the group after `graceMs`, and waits for the exit. */
	async stop(graceMs = 20_000): Promise<void> {
		if (this.running) {
			this.signal('SIGTERM');
			const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
			await this.exited;
			clearTimeout(timer);
		}
		// What the group may have left (a task runner): nothing of it survives the cluster.
		const pid = this.child?.pid;
		if (pid) {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// the group is empty
			}
		}
	}

	async kill(): Promise<void> {
		this.signal('SIGKILL');
		await this.exited;
	}

	/** n8n's JSON log records (N8N_LOG_FORMAT=json) of this process, in order. */
	logRecords(): Array<{ message: string; metadata?: Record<string, unknown> }> {
		return this.lines.flatMap((line) => {
			if (!line.startsWith('{')) return [];
			try {
				return [JSON.parse(line) as { message: string; metadata?: Record<string, unknown> }];
			} catch {
				return [];
			}
		});
	}

	/** The execution ids this process logged "Worker started execution" for (n8n's job processor). */
	startedExecutions(): string[] {
		return this.logRecords()
			.map((record) => /^Worker started execution (\S+) /.exec(record.message)?.[1])
			.filter((id): id is string => id !== undefined);
	}
}

interface PgClient {
	connect(): Promise<void>;
	on(event: 'error', listener: (error: Error) => void): void;
	query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
	end(): Promise<void>;
}
interface RedisClient {
	scan(cursor: string, match: 'MATCH', pattern: string, count: 'COUNT', n: number): Promise<[string, string[]]>;
	del(...keys: string[]): Promise<number>;
	pubsub(subcommand: 'NUMSUB', channel: string): Promise<[string, number]>;
	quit(): Promise<unknown>;
}

export class QueueCluster {
	main!: N8nProcess;
	workers: N8nProcess[] = [];
	/** A CLI on the main's user folder and database (import, publish), for before and after start. */
	cli!: N8nCli;
	session?: RestSession;
	private db?: Promise<PgClient>;
	private readonly folders: string[] = [];

	private constructor(
		readonly database: string,
		readonly bullPrefix: string,
		readonly encryptionKey: string,
		private readonly options: QueueClusterOptions,
	) {}

	get installDir(): string {
		return this.options.installDir ?? n8nInstallDir();
	}

	/** A module from the n8n install (pg, ioredis, flatted): no dependency of this package. */
	fromN8n<T>(name: string): T {
		return createRequire(path.join(this.installDir, 'node_modules', 'n8n', 'package.json'))(name) as T;
	}

	/** The version of the n8n the cluster runs (its installed package.json). */
	get n8nVersion(): string {
		return this.fromN8n<{ version: string }>('n8n/package.json').version;
	}

	/** Whether the cluster runs with n8n's durable poll cursors (asked for, and the n8n has them). */
	get durablePollCursors(): boolean {
		return this.options.durablePollCursors === true && isN8nAtLeast(this.n8nVersion, DURABLE_POLL_CURSORS_SINCE);
	}

	get url(): string {
		return `http://127.0.0.1:${this.main.env.N8N_PORT}`;
	}

	/**
	 * Creates the database, the user folders with the package installed, and the processes'
	 * settings; nothing runs yet, so workflows can be imported and published with `cli` first.
	 */
	static async prepare(options: QueueClusterOptions): Promise<QueueCluster> {
		const tag = randomBytes(4).toString('hex');
		const cluster = new QueueCluster(`callcenter_queue_${tag}`, `callcenter-queue-${tag}`, randomBytes(24).toString('hex'), options);
		await cluster.adminQuery(`CREATE DATABASE ${cluster.database}`);
		try {
			await cluster.setUp();
		} catch (error) {
			await cluster.stop();
			throw error;
		}
		return cluster;
	}

	private async setUp(): Promise<void> {
		const { options } = this;
		const binary = options.n8nBinary ?? n8nBin();
		const baseEnv = options.baseEnv ?? n8nEnv;
		const shared: NodeJS.ProcessEnv = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: POSTGRES.host,
			DB_POSTGRESDB_PORT: String(POSTGRES.port),
			DB_POSTGRESDB_USER: POSTGRES.user,
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_DATABASE: this.database,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: REDIS.host,
			QUEUE_BULL_REDIS_PORT: String(REDIS.port),
			QUEUE_BULL_PREFIX: this.bullPrefix,
			// n8n's own keys and pub/sub channels (cache, commands to the instances) under the same
			// prefix: no two clusters hear each other, and stop() finds every key.
			N8N_REDIS_KEY_PREFIX: this.bullPrefix,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			// Executions started from the editor or the REST API run on the workers too (the default from n8n 3.0).
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_LOG_FORMAT: 'json',
			N8N_LOG_LEVEL: 'info',
			N8N_RUNNERS_ENABLED: 'true',
			...(this.durablePollCursors ? DURABLE_POLL_CURSORS_ENV : {}),
			...options.env,
		};
		const folder = (name: string) => {
			const made = mkdtempSync(path.join(tmpdir(), `callcenter-queue-${name}-`));
			this.folders.push(made);
			return made;
		};
		const mainFolder = folder('main');
		await installPackage(options.tarball, mainFolder);
		const mainPort = await freePort();
		const mainEnv = baseEnv(mainFolder, { ...shared, N8N_PORT: String(mainPort), N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		this.main = new N8nProcess('main', mainFolder, mainEnv, ['start'], `http://127.0.0.1:${mainPort}/healthz/readiness`, binary);
		this.cli = new N8nCli(mainFolder, { ...mainEnv, N8N_LOG_FORMAT: 'text' });
		const concurrency = options.concurrency ?? 10;
		for (let index = 1; index <= (options.workers ?? 2); index++) {
			const workerFolder = folder(`worker${index}`);
			if (options.packageOnWorkers !== false) await installPackage(options.tarball, workerFolder);
			const healthPort = await freePort();
			const env = baseEnv(workerFolder, {
				...shared,
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				N8N_PORT: String(await freePort()),
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			});
			const health = `http://127.0.0.1:${healthPort}/healthz/readiness`;
			this.workers.push(new N8nProcess(`worker${index}`, workerFolder, env, ['worker', `--concurrency=${concurrency}`], health, binary));
		}
	}

	/** Starts the main (which migrates the database), sets up its owner, then the workers (unless `startWorkers: false`). */
	async start(): Promise<void> {
		await this.main.start();
		await setUpOwner(this.url);
		this.session = await RestSession.logIn(this.url);
		if (this.options.startWorkers === false) return;
		await Promise.all(this.workers.map(async (worker) => await worker.start()));
	}

	/** Stops the main gracefully and starts it again (same user folder, database and ports). */
	async restartMain(): Promise<void> {
		await this.main.stop();
		await this.main.start();
		// Ready can come before the REST routes exist: setUpOwner asks until n8n's own answer says they do.
		await setUpOwner(this.url);
		this.session = await RestSession.logIn(this.url);
	}

	/** pid → process name, for every process the cluster has run. */
	processNames(): Map<number, string> {
		const names = new Map<number, string>();
		for (const process of [this.main, ...this.workers]) for (const pid of process.pids) names.set(pid, process.name);
		return names;
	}

	livePids(): number[] {
		return [this.main, ...this.workers].map((process) => process.pid).filter((pid): pid is number => pid !== undefined);
	}

	/** The worker that logged "Worker started execution <id>", if any. */
	workerOf(executionId: string): string | undefined {
		return this.workers.find((worker) => worker.startedExecutions().includes(executionId))?.name;
	}

	/** n8n's execution records, read from its database. */
	async executions(): Promise<Array<{ id: string; workflowId: string; mode: string; status: string; finished: boolean }>> {
		// One client for every caller (many wait for executions at once).
		this.db ??= this.connect(this.database);
		const { rows } = await (await this.db).query<{ id: number; workflowId: string; mode: string; status: string; finished: boolean }>(
			'SELECT id, "workflowId", mode, status, finished FROM execution_entity ORDER BY id',
		);
		return rows.map((row) => ({ ...row, id: String(row.id) }));
	}

	/** A query on n8n's database. */
	async query<R>(text: string, values?: unknown[]): Promise<R[]> {
		this.db ??= this.connect(this.database);
		return (await (await this.db).query<R>(text, values)).rows;
	}

	/**
	 * Whether the main listens for the end of the jobs it queued: its Bull queue subscribed to
	 * the queue's `failed` channel. n8n's main learns that a job ended only from Bull's
	 * job.finished() (n8n 2.41.1 dist/workflow-runner.js:523, 2.8.4 :310), and Bull subscribes
	 * to that channel on the first call (bull 4.16.4 lib/job.js:481-485, lib/queue.js:523-549)
	 * and stays subscribed; the job's own listener follows one Redis call later (lib/job.js:487-524).
	 */
	private async mainAwaitsJobs(): Promise<boolean> {
		const [, subscribers] = await this.withRedis(async (redis) => await redis.pubsub('NUMSUB', `${this.bullPrefix}:jobs:failed`));
		return Number(subscribers) > 0;
	}

	/** Waits (up to a minute) until the main listens for the end of the jobs it queued; see mainAwaitsJobs. */
	async untilMainAwaitsJobs(): Promise<void> {
		for (let attempt = 0; attempt < 600; attempt++) {
			if (await this.mainAwaitsJobs()) return;
			await pause(100);
		}
		throw new Error(`The main does not listen for its jobs' end after a minute:\n${this.main.lines.slice(-20).join('\n')}`);
	}

	/** Redis keys under the cluster's Bull prefix (none after stop()). */
	async redisKeys(): Promise<string[]> {
		return await this.withRedis(async (redis) => await scanKeys(redis, `${this.bullPrefix}*`));
	}

	/** What the cluster left behind (after stop(): nothing): its database, its Redis keys, its processes' groups. */
	async leftovers(): Promise<{ database: boolean; redisKeys: string[]; processGroups: number[] }> {
		const client = await this.connect('postgres');
		let database: boolean;
		try {
			database = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [this.database])).rows.length > 0;
		} finally {
			await client.end();
		}
		const processGroups = [...this.processNames().keys()].filter((pid) => {
			try {
				process.kill(-pid, 0);
				return true;
			} catch {
				return false;
			}
		});
		return { database, redisKeys: await this.redisKeys(), processGroups };
	}

	/** Stops every process (graceful, then SIGKILL to its group), drops the database, deletes the prefix's keys. */
	async stop(): Promise<void> {
		await Promise.all([...this.workers, ...(this.main ? [this.main] : [])].map(async (process) => await process.stop()));
		await this.db?.then(async (client) => await client.end()).catch(() => undefined);
		this.db = undefined;
		await this.adminQuery(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
		await this.withRedis(async (redis) => {
			const keys = await scanKeys(redis, `${this.bullPrefix}*`);
			for (let start = 0; start < keys.length; start += 500) await redis.del(...keys.slice(start, start + 500));
		});
		for (const folder of this.folders) rmSync(folder, { recursive: true, force: true });
	}

	private async connect(database: string): Promise<PgClient> {
		const { Client } = this.fromN8n<{ Client: new (config: object) => PgClient }>('pg');
		const client = new Client({ ...POSTGRES, database });
		// A connection ended by the server (the database dropped) is no error of the test's.
		client.on('error', () => undefined);
		await client.connect();
		return client;
	}

	private async adminQuery(text: string): Promise<void> {
		const client = await this.connect('postgres');
		try {
			await client.query(text);
		} finally {
			await client.end();
		}
	}

	private async withRedis<T>(use: (redis: RedisClient) => Promise<T>): Promise<T> {
		const Redis = this.fromN8n<new (options: object) => RedisClient>('ioredis');
		const redis = new Redis({ ...REDIS, lazyConnect: false, maxRetriesPerRequest: 2 });
		try {
			return await use(redis);
		} finally {
			await redis.quit();
		}
	}
}

async function scanKeys(redis: RedisClient, pattern: string): Promise<string[]> {
	const keys: string[] = [];
	let cursor = '0';
	do {
		const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
		keys.push(...found);
		cursor = next;
	} while (cursor !== '0');
	return keys;
}
