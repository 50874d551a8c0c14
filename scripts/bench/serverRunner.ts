/**
 * Runs one imported workflow in a running n8n (`n8n start`), the way its editor's "Execute
 * workflow" does (POST /rest/workflows/:id/run), and measures it as n8n records it:
 * startedAt / stoppedAt of the execution record in n8n's own database, read while n8n runs,
 * and the resident memory of the n8n process while the execution ran.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { RestSession } from '../realN8n/n8nServer';
import { n8nInstallDir } from '../realN8n/paths';
import type { ExecutionMeasure, ExecutionRow, SqliteDatabase } from './n8nRunner';
import { measureOf, procStatus, sqlite } from './n8nRunner';
import type { BenchWorkflow } from './workflows';
import { TRIGGER } from './workflows';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface RunData {
	resultData: {
		error?: { message?: string };
		runData: Record<string, Array<{ data?: { main?: Array<unknown[] | null> } }>>;
	};
}

/** flatted, the format n8n stores run data in, from the n8n install. */
function parseFlatted(text: string): RunData {
	const { parse } = createRequire(__filename)(path.join(n8nInstallDir(), 'node_modules', 'flatted')) as { parse: (text: string) => RunData };
	return parse(text);
}

export class RunningN8nRunner {
	private constructor(
		private readonly session: RestSession,
		private readonly pid: number,
		private readonly db: SqliteDatabase,
	) {}

	/** Reads the execution records of `userFolder`'s database while n8n (`pid`) writes to it. */
	static async open(session: RestSession, pid: number, userFolder: string): Promise<RunningN8nRunner> {
		const { Database, OPEN_READONLY } = sqlite();
		const file = path.join(userFolder, '.n8n', 'database.sqlite');
		const db = await new Promise<SqliteDatabase>((resolve, reject) => {
			const opened = new Database(file, OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)));
		});
		return new RunningN8nRunner(session, pid, db);
	}

	close(): void {
		this.db.close();
	}

	private async record(executionId: string): Promise<ExecutionRow | undefined> {
		const rows = await new Promise<ExecutionRow[]>((resolve) =>
			this.db.all('SELECT id, status, startedAt, stoppedAt FROM execution_entity WHERE id = ?', [executionId], (error, found) =>
				// Busy while n8n writes: asked again on the next poll.
				resolve(error ? [] : found),
			),
		);
		return rows[0];
	}

	async execute(workflow: BenchWorkflow): Promise<ExecutionMeasure> {
		// The process's peak (VmHWM) restarts here, so it covers this run and n8n saving it.
		try {
			writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
		} catch {
			// Not allowed here: the peak then covers n8n's life so far.
		}
		const samples: Array<[number, number]> = [];
		const sampler = setInterval(() => samples.push([Date.now(), procStatus(this.pid).rss]), 20);
		try {
			const { executionId } = await this.session.post<{ executionId: string }>(`workflows/${workflow.id}/run`, {
				workflowData: workflow.workflow,
				triggerToStartFrom: { name: TRIGGER },
			});
			// Polled from this process, through the database file: nothing asks n8n while it runs.
			const deadline = Date.now() + 10 * 60_000;
			let record = await this.record(executionId);
			while (!record?.stoppedAt || record.status === 'running' || record.status === 'new') {
				if (Date.now() > deadline) throw new Error(`Execution ${executionId} of "${workflow.name}" did not finish within 10 minutes`);
				await pause(25);
				record = await this.record(executionId);
			}
			const peakKiB = procStatus(this.pid).hwm;
			const execution = await this.session.get<{ data: string }>(`executions/${executionId}`);
			const runData = parseFlatted(execution.data);
			const runs = runData.resultData.runData[workflow.resultNode] ?? [];
			const rows = runs.reduce((sum, run) => sum + (run.data?.main?.[0]?.length ?? 0), 0);
			const error = record.status === 'success' ? undefined : (runData.resultData.error?.message ?? record.status);
			return measureOf(record, { samples, peakKiB, rows, error });
		} finally {
			clearInterval(sampler);
		}
	}
}
