import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { n8nBin } from './paths';
import { run } from './process';

/** The environment a headless n8n runs with: its own user folder, SQLite, no telemetry, loopback only. */
export function n8nEnv(userFolder: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return {
		PATH: process.env.PATH,
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
		return await run(n8nBin(), args, { env: this.env, cwd: this.userFolder });
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
			if (!stdout.includes('{')) throw error;
		}
		// The run's JSON is printed pretty, so it starts with a line holding only "{".
		const start = stdout.search(/^\{$/m);
		if (start < 0) throw new Error(`n8n execute printed no run data:\n${stdout.slice(-2000)}`);
		return JSON.parse(stdout.slice(start)) as ExecutionOutput;
	}
}

export interface ExecutionOutput {
	data: {
		resultData: {
			runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> }; error?: { message: string } }>>;
			error?: { message: string; description?: string };
		};
	};
	status?: string;
}

/** The items a node put out on its first output, in a run printed by `n8n execute`. */
export function nodeOutput(output: ExecutionOutput, nodeName: string): Array<Record<string, unknown>> {
	const runs = output.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`Node "${nodeName}" did not run; ran: ${Object.keys(output.data.resultData.runData).join(', ')}`);
	return (runs[0].data?.main[0] ?? []).map((item) => item.json);
}
