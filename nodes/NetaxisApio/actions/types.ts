import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestKind } from '../../shared/retry';
import type { ApioClient } from '../transport';

/** One operation of the Netaxis APIO node: its fields, whether it reads or writes, and its work for one item. */
export interface NetaxisApioOperation {
	/** By meaning, not by HTTP method: reads are retried on transient failures, writes never once sent. */
	kind: RequestKind;
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		client: ApioClient,
		itemIndex: number,
	): Promise<IDataObject | IDataObject[]>;
}
