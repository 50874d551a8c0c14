/**
 * A real n8n in queue mode (main + workers, PostgreSQL, Redis) with this package installed on
 * every process, and the vendor sandbox on loopback, whose every request is tagged with the
 * n8n process that sent it (the client end of its connection, read from /proc as it arrives).
 */
import { ensureN8nInstalled } from '../../scripts/realN8n/installN8n';
import { packPackage } from '../../scripts/realN8n/installPackage';
import type { QueueClusterOptions } from '../../scripts/realN8n/queueCluster';
import { QueueCluster } from '../../scripts/realN8n/queueCluster';
import { sandboxCredentials } from '../../scripts/realN8n/sandboxCredentials';
import { SocketOwners } from '../../scripts/realN8n/socketOwner';
import type { RecordedRequest, Sandbox } from '../../test/sandbox/server';
import { startSandbox } from '../../test/sandbox/server';

const log = (line: string) => process.stderr.write(`${line}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface QueueN8n {
	cluster: QueueCluster;
	sandbox: Sandbox;
	/** The cluster process ("main", "worker1", …) that sent a request, or "unknown". */
	senderOf(request: RecordedRequest): string;
	/** POST /rest/workflows/:id/run, as the editor's Execute Workflow button; the execution's id. */
	runFromEditor(workflow: { id: string; nodes: Array<{ name: string }> }): Promise<string>;
	/** Waits until n8n's record of the execution is finished (or crashed/failed); its status. */
	waitForExecution(executionId: string, timeoutMs?: number): Promise<string>;
	close(): Promise<void>;
}

export interface QueueN8nOptions extends Omit<QueueClusterOptions, 'tarball'> {
	/** Workflows imported (one import) before n8n starts; those in `publish` are made active. */
	workflows: object[];
	publish?: string[];
}

let tarball: string | undefined;

export async function startQueueN8n(options: QueueN8nOptions): Promise<QueueN8n> {
	await ensureN8nInstalled(log);
	tarball ??= await packPackage(log);
	const owners = new SocketOwners();
	const senders = new WeakMap<RecordedRequest, string>();
	let cluster: QueueCluster | undefined;
	let sandboxPort = 0;
	const sandbox = await startSandbox({
		onRequestArrived: (request) => {
			if (!cluster || request.remotePort === undefined) return;
			const pid = owners.ownerOf(request.remotePort, sandboxPort, cluster.livePids());
			senders.set(request, (pid !== undefined && cluster.processNames().get(pid)) || 'unknown');
		},
	});
	sandboxPort = Number(new URL(sandbox.url).port);
	try {
		cluster = await QueueCluster.prepare({ ...options, tarball, log });
		await cluster.cli.importCredentials(sandboxCredentials(sandbox));
		await cluster.cli.importWorkflow(options.workflows);
		for (const id of options.publish ?? []) await cluster.cli.exec(['publish:workflow', `--id=${id}`]);
		await cluster.start();
	} catch (error) {
		await cluster?.stop();
		await sandbox.close();
		throw error;
	}
	const started = cluster;
	return {
		cluster: started,
		sandbox,
		senderOf: (request) => senders.get(request) ?? 'unknown',
		async runFromEditor(workflow) {
			const session = started.session;
			if (!session) throw new Error('n8n is not running');
			const { executionId } = await session.post<{ executionId: string }>(`workflows/${workflow.id}/run`, {
				workflowData: workflow,
				triggerToStartFrom: { name: workflow.nodes[0].name },
			});
			return executionId;
		},
		async waitForExecution(executionId, timeoutMs = 5 * 60_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const record = (await started.executions()).find((execution) => execution.id === executionId);
				if (record && !['new', 'running', 'waiting'].includes(record.status)) return record.status;
				if (Date.now() > deadline) return record?.status ?? 'missing';
				await pause(250);
			}
		},
		async close() {
			await started.stop();
			await sandbox.close();
		},
	};
}
