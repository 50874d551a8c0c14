import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OutputRow } from '../../shared/runPerItem';
import type { VccLiveClient } from '../transport';

/** One operation of the VCC Live node: its fields and its work for one item (each request says whether it reads or writes). */
export interface VccLiveOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, client: VccLiveClient, itemIndex: number): Promise<OutputRow[]>;
}
