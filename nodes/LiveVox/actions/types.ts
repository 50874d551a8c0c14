import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { RequestKind } from '../../shared/retry';
import type { LiveVoxClient } from '../transport';

/** One operation of the LiveVox node: its fields, whether it reads or writes, and its work for one item. */
export interface LiveVoxOperation {
	/** By meaning, not by HTTP method: reads are retried on transient failures, writes never once sent. */
	kind: RequestKind;
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		client: LiveVoxClient,
		itemIndex: number,
	): Promise<IDataObject | IDataObject[]>;
}

/**
 * An operation that works on all input items at once (Launch Manual Calls batches calls
 * across items). It reads every item itself, pairs each output with its item and honours
 * Continue On Fail, since only it knows which items a failed request concerned.
 */
export interface LiveVoxAllItemsOperation {
	kind: RequestKind;
	description: INodeProperties[];
	executeAll(this: IExecuteFunctions, client: LiveVoxClient): Promise<INodeExecutionData[]>;
}
