import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OutputRow } from '../../shared/runPerItem';
import type { LiveVoxClient } from '../transport';

/** One operation of the LiveVox node: its fields and its work for one item (each request says whether it reads or writes). */
export interface LiveVoxOperation {
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
	description: INodeProperties[];
	executeAll(this: IExecuteFunctions, client: LiveVoxClient): Promise<INodeExecutionData[]>;
}
