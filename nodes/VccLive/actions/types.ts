import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { VccLiveClient } from '../transport';

/** What one item gave: its rows, and a file for the first of them when one was asked for. */
export interface VccLiveResult {
	rows: IDataObject[];
	binary?: IBinaryKeyData;
}

/** One operation of the VCC Live node: its fields and its work for one item (each request says whether it reads or writes). */
export interface VccLiveOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<VccLiveResult>;
}
