import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** One operation of a node: the name shown in the Operation dropdown and what it does. */
export interface OperationChoice {
	name: string;
	value: string;
	/** What the operation does, lower case: it follows the name in the palette's action. */
	does: string;
	description?: string;
}

/**
 * The options of an Operation field. Each action (the palette's entry, searched by name)
 * starts with the operation's own name, as LiveVox and the README call it: "Call Event
 * Recovery: get call events of a period", so a search for the report's name finds it.
 */
export function operationOptions(choices: readonly OperationChoice[]): INodePropertyOptions[] {
	return choices.map(({ does, ...option }) => ({ ...option, action: `${option.name}: ${does}` }));
}

/** A resource's Operation field, then the fields of each of its operations. */
export function resourceDescription(
	resource: string,
	operations: Record<string, { description: INodeProperties[] }>,
	choices: readonly OperationChoice[],
	defaultOperation: string,
): INodeProperties[] {
	const operationField: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operationOptions(choices),
		default: defaultOperation,
	};
	return [operationField, ...Object.values(operations).flatMap((operation) => operation.description)];
}

/** An operation's Options collection: optional fields, each added by the user. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options };
}
