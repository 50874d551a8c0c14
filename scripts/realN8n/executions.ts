import { createRequire } from 'node:module';
import path from 'node:path';

import type { RestSession } from './n8nServer';
import { n8nInstallDir } from './paths';

/** An execution as n8n's execution list gives it. */
export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	startedAt?: string;
}

export interface RunData {
	resultData: {
		error?: { message: string };
		runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> }; error?: { message: string } }>>;
	};
}

/** n8n stores run data with `flatted`; the REST API returns it as such. Read with n8n's own copy. */
export function parseRunData(serialized: string, installDir = n8nInstallDir()): RunData {
	const fromN8n = createRequire(path.join(installDir, 'node_modules', 'n8n', 'package.json'));
	return (fromN8n('flatted') as { parse(text: string): RunData }).parse(serialized);
}

/** The items a node put out (first run, first output). */
export function outputOf(runData: RunData, node: string): Array<Record<string, unknown>> {
	return runData.resultData.runData[node]?.[0]?.data?.main[0]?.map((item) => item.json) ?? [];
}

export async function executionsOf(session: RestSession, workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	return (await session.get<{ results: ExecutionSummary[] }>(`executions?filter=${filter}`)).results;
}

/** The run data of one execution. */
export async function runDataOf(session: RestSession, executionId: string, installDir = n8nInstallDir()): Promise<RunData> {
	return parseRunData((await session.get<{ data: string }>(`executions/${executionId}`)).data, installDir);
}

/**
 * Polls n8n's execution list until `count` executions of the workflow have finished (bounded:
 * about four minutes), and gives the finished ones, oldest first.
 */
export async function waitForExecutions(session: RestSession, workflowId: string, count: number): Promise<ExecutionSummary[]> {
	const finished = async () =>
		(await executionsOf(session, workflowId))
			.filter((execution) => execution.status !== 'running' && execution.status !== 'new')
			.sort((a, b) => Number(a.id) - Number(b.id));
	for (let attempt = 0; attempt < 80; attempt++) {
		const executions = await finished();
		if (executions.length >= count) return executions;
		await new Promise((resolve) => setTimeout(resolve, 3000));
	}
	return await finished();
}
