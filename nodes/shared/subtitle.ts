import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

function optionsOf(property: INodeProperties | undefined): INodePropertyOptions[] {
	return ((property?.options ?? []) as INodePropertyOptions[]).filter((option) => 'value' in option);
}

/** A JavaScript object literal from a map of texts, for use inside an n8n expression. */
function literal(labels: Record<string, string>): string {
	// No "}}" can occur: keys and labels are quoted strings, and the object is closed by ")".
	return `(${JSON.stringify(labels)})`;
}

/**
 * The node's subtitle as an expression showing labels, e.g. "Agent Summary: Report" rather
 * than the values "agentSummary: report". Built from the Resource field and the Operation
 * fields of each resource, so the words are those of the dropdowns; an operation given by a
 * value the node does not list (an older workflow) shows as its value.
 */
export function operationSubtitle(properties: readonly INodeProperties[]): string {
	const resources = optionsOf(properties.find((property) => property.name === 'resource'));
	const labels: Record<string, string> = {};
	for (const field of properties.filter((property) => property.name === 'operation')) {
		const shownFor = (field.displayOptions?.show?.resource ?? []) as string[];
		for (const resource of resources.filter((entry) => shownFor.includes(String(entry.value)))) {
			for (const operation of optionsOf(field)) labels[`${resource.value}/${operation.value}`] = `${operation.name}: ${resource.name}`;
		}
	}
	return `={{ ${literal(labels)}[$parameter["resource"] + "/" + $parameter["operation"]] ?? $parameter["operation"] + ": " + $parameter["resource"] }}`;
}

/** A subtitle showing the label of the option chosen in one field (the trigger's Event). */
export function optionSubtitle(properties: readonly INodeProperties[], fieldName: string): string {
	const labels = Object.fromEntries(
		optionsOf(properties.find((property) => property.name === fieldName)).map((option) => [String(option.value), option.name]),
	);
	return `={{ ${literal(labels)}[$parameter["${fieldName}"]] ?? $parameter["${fieldName}"] }}`;
}
