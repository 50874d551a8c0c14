import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { freePort } from './n8nServer';
import { n8nBin, runtimePath } from './paths';
import { run } from './process';

/** The environment a headless n8n runs with: its own user folder, SQLite, no telemetry, loopback only. */
export function n8nEnv(userFolder: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return {
		// Node 24 first on the Node 24 route (N8N_VERSION=latest), the current PATH otherwise.
		PATH: runtimePath(),
		HOME: process.env.HOME,
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// `n8n execute` prints its JSON through the logger at info level.
		N8N_LOG_LEVEL: 'info',
		GENERIC_TIMEZONE: 'America/New_York',
		...extra,
	};
}

export class N8nCli {
	constructor(
		readonly userFolder: string,
		readonly env: NodeJS.ProcessEnv = n8nEnv(userFolder),
	) {
		mkdirSync(userFolder, { recursive: true });
	}

	async exec(args: string[]) {
		// Every n8n process opens a task-runner broker (5679 by default): a port of its own lets
		// CLI commands run while another n8n (npm start, another test run) is up.
		const env = this.env.N8N_RUNNERS_BROKER_PORT ? this.env : { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		return await run(n8nBin(), args, { env, cwd: this.userFolder });
	}

	private writeInput(name: string, data: unknown): string {
		const file = path.join(this.userFolder, `${name}.json`);
		writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/** Imports credentials given with plain data (n8n encrypts them on import). */
	async importCredentials(credentials: object[]) {
		await this.exec(['import:credentials', `--input=${this.writeInput('credentials-import', credentials)}`]);
	}

	async importWorkflow(workflow: object) {
		const name = `workflow-import-${(workflow as { id?: string }).id ?? 'new'}`;
		await this.exec(['import:workflow', `--input=${this.writeInput(name, workflow)}`]);
	}

	/** The workflow as n8n holds it, with the static data its runs saved. */
	async exportWorkflow(workflowId: string): Promise<Record<string, unknown>> {
		const file = path.join(this.userFolder, `workflow-export-${workflowId}.json`);
		await this.exec(['export:workflow', `--id=${workflowId}`, `--output=${file}`]);
		const exported = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>> | Record<string, unknown>;
		return Array.isArray(exported) ? exported[0] : exported;
	}

	/**
	 * Runs a workflow that starts with a Manual Trigger and returns its run data. n8n prints
	 * some log lines before the JSON, and exits non-zero when the workflow failed.
	 */
	async execute(workflowId: string): Promise<ExecutionOutput> {
		let stdout: string;
		try {
			stdout = (await this.exec(['execute', `--id=${workflowId}`, '--rawOutput'])).stdout;
		} catch (error) {
			stdout = (error as { stdout?: string }).stdout ?? '';
			if (!stdout.includes('{')) throw new Error(`${(error as Error).message}\n${stdout.slice(-3000)}`);
		}
		// The run's JSON is printed pretty, so it starts with a line holding only "{" and ends
		// with the next line holding only "}"; n8n may log more lines after it.
		const start = stdout.search(/^\{$/m);
		if (start < 0) throw new Error(`n8n execute printed no run data:\n${stdout.slice(-2000)}`);
		const end = stdout.slice(start).search(/^\}$/m);
		return JSON.parse(end < 0 ? stdout.slice(start) : stdout.slice(start, start + end + 1)) as ExecutionOutput;
	}
}

export interface ExecutionOutput {
	data: {
		resultData: {
			runData: Record<string, Array<{ data?: { main: Array<Array<OutputItem>> }; error?: { message: string } }>>;
			error?: { message: string; description?: string };
		};
	};
	status?: string;
}

/** An output item: its JSON and, for files, the binary's metadata (the content is stored apart). */
export interface OutputItem {
	json: Record<string, unknown>;
	binary?: Record<string, { fileName?: string; mimeType?: string; fileExtension?: string; fileSize?: string }>;
}

/** The items a node put out on its first output, with their binary metadata. */
export function nodeItems(output: ExecutionOutput, nodeName: string): OutputItem[] {
	const runs = output.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`Node "${nodeName}" did not run; ran: ${Object.keys(output.data.resultData.runData).join(', ')}`);
	return runs[0].data?.main[0] ?? [];
}

/** The items a node put out on its first output, in a run printed by `n8n execute`. */
export function nodeOutput(output: ExecutionOutput, nodeName: string): Array<Record<string, unknown>> {
	return nodeItems(output, nodeName).map((item) => item.json);
}
