import { DateTime, Settings } from 'luxon';
import type { IDataObject, INodeParameters, WorkflowExecuteMode } from 'n8n-workflow';

import type { RunOptions, RunResult } from './harness';

let workflowCount = 0;

/**
 * One workflow run again and again, as n8n runs a scheduled workflow: each execution gets the
 * static data saved by the last one (n8n saves it after every execution in which it changed,
 * failed or not, except manual ones), at a clock time the test picks.
 */
export class ScheduledRuns {
	staticData: IDataObject = {};
	readonly workflowId = `scheduled-${++workflowCount}`;

	constructor(private readonly runNode: (parameters: INodeParameters, options: Partial<RunOptions>) => Promise<RunResult>) {}

	/** Runs the node as if the clock said `iso` (in UTC unless it has an offset). */
	async at(iso: string, parameters: INodeParameters = {}, mode: WorkflowExecuteMode = 'trigger'): Promise<RunResult> {
		const realNow = Settings.now;
		const nowMs = DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
		if (Number.isNaN(nowMs)) throw new Error(`Not a time: ${iso}`);
		Settings.now = () => nowMs;
		try {
			const result = await this.runNode(parameters, { mode, staticData: this.staticData, workflowId: this.workflowId });
			if (result.savedStaticData) this.staticData = result.savedStaticData;
			return result;
		} finally {
			Settings.now = realNow;
		}
	}
}
