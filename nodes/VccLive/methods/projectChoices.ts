import type { IDataObject, INodeListSearchItems, INodePropertyOptions } from 'n8n-workflow';

import { byName } from '../../shared/optionOrder';
import { objectsOf } from '../vccLiveAnswer';

const textOf = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/**
 * The projects of a "List projects" answer for the Project list: folders left out (they hold
 * projects, an operation cannot use them), each named with its ID and marked when not
 * active, narrowed to those whose name or ID contains the search text, sorted by name.
 */
export function projectResults(answer: unknown, filter = ''): INodeListSearchItems[] {
	const wanted = filter.trim().toLowerCase();
	return objectsOf(answer)
		.filter((entry) => entry.container !== true && textOf(entry.projectid) !== '')
		.map((entry) => {
			const status = textOf(entry.status);
			const name = `${textOf(entry.name) || 'Project'} (${textOf(entry.projectid)})${status !== '' && status !== 'active' ? ` — ${status}` : ''}`;
			return { name, value: textOf(entry.projectid) };
		})
		.filter((result) => wanted === '' || result.name.toLowerCase().includes(wanted))
		.sort(byName);
}

/**
 * A project's dispositions (from "Get project parameters") as options. The documentation's
 * disposition object is cut short after `assessment`: the ID is read from `dispositionid`,
 * the name from `name` or else `label`, and the assessment is shown as the description.
 */
export function dispositionChoices(parameters: unknown): INodePropertyOptions[] {
	const dispositions = objectsOf((parameters as IDataObject | null)?.dispositions);
	return dispositions
		.filter((disposition) => textOf(disposition.dispositionid) !== '')
		.map((disposition) => {
			const id = textOf(disposition.dispositionid);
			const assessment = textOf(disposition.assessment);
			return {
				name: `${textOf(disposition.name) || textOf(disposition.label) || 'Disposition'} (${id})`,
				value: id,
				...(assessment === '' ? {} : { description: `Assessment: ${assessment}` }),
			};
		})
		.sort(byName);
}

/** The phone fields a record's custom data can hold, as the documentation names them (phone1 … phone9). */
const PHONE_FIELDS = Array.from({ length: 9 }, (_unused, index) => `phone${index + 1}`);

/**
 * A project's fields (from "Get project parameters") as options for a field's name, by label,
 * then the phone fields phone1 … phone9 that the project's fields do not already list.
 */
export function fieldChoices(parameters: unknown): INodePropertyOptions[] {
	const fields = objectsOf((parameters as IDataObject | null)?.fields)
		.filter((field) => textOf(field.name) !== '')
		.map((field) => {
			const name = textOf(field.name);
			const type = textOf(field.type);
			return {
				name: `${textOf(field.label) || name} (${name})`,
				value: name,
				...(type === '' ? {} : { description: `Type: ${type}` }),
			};
		})
		.sort(byName);
	const listed = new Set(fields.map((field) => field.value));
	const phones = PHONE_FIELDS.filter((phone) => !listed.has(phone)).map((phone) => ({
		name: `Phone ${phone.slice(5)} (${phone})`,
		value: phone,
		description: 'Phone field',
	}));
	return [...fields, ...phones];
}
