import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestKind } from '../../shared/retry';
import type { OutputRow } from '../../shared/runPerItem';
import type { VccLiveClient } from '../transport';

/** One operation of the VCC Live node: its fields, whether it reads or writes, and its work for one item. */
export interface VccLiveOperation {
	/** By meaning, not by HTTP method: reads are retried on transient failures, writes never once sent. */
	kind: RequestKind;
	description: INodeProperties[];
	execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]>;
}
