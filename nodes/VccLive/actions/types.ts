import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestKind } from '../../shared/retry';
import type { VccLiveClient } from '../transport';

/** What one item gave: its rows, and a file for the first of them when one was asked for. */
export interface VccLiveResult {
	rows: IDataObject[];
	binary?: IBinaryKeyData;
}

/** One operation of the VCC Live node: its fields, whether it reads or writes, and its work for one item. */
export interface VccLiveOperation {
	/** By meaning, not by HTTP method: reads are retried on transient failures, writes never once sent. */
	kind: RequestKind;
	description: INodeProperties[];
	execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<VccLiveResult>;
}
