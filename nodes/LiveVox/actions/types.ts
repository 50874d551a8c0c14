import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { RequestKind } from '../../shared/retry';
import type { OutputRow } from '../../shared/runPerItem';
import type { LiveVoxClient } from '../transport';

/** One operation of the LiveVox node: its fields and its work for one item. */
export interface LiveVoxOperation {
	/** Unused: each request declares its own kind (read or write), which drives its retries. */
	kind?: RequestKind;
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		client: LiveVoxClient,
		itemIndex: number,
	): Promise<OutputRow | OutputRow[]>;
}

/**
 * An operation that works on all input items at once (Launch Manual Calls batches calls
 * across items). It reads every item itself, pairs each output with its item and honours
 * Continue On Fail, since only it knows which items a failed request concerned.
 */
export interface LiveVoxAllItemsOperation {
	kind?: RequestKind;
	description: INodeProperties[];
	executeAll(this: IExecuteFunctions, client: LiveVoxClient): Promise<INodeExecutionData[]>;
}
