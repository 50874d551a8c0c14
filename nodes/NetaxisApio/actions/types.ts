import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApioClient } from '../transport';

/** One operation of the Netaxis APIO node: its fields and its work for one item (each request says whether it reads or writes). */
export interface NetaxisApioOperation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		client: ApioClient,
		itemIndex: number,
	): Promise<IDataObject | IDataObject[]>;
}
