/**
 * The projects' parameters, as "Get project parameters" (GET /v2/projects/[projectid])
 * documents them: `fields` (custom fields, with their values for simple and multiple ones) and
 * `dispositions`. The page's disposition object is cut short in the copies after `assessment`
 * (success, …): the imitation gives each disposition an ID, a name and an assessment.
 */
import type { SandboxResponse } from '../types';
import { PROJECTS } from './inboundData';

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

interface FieldValue {
	commission: number;
	description: string;
	export_value: string;
	fieldid: number;
	label: string;
	name: string;
	price: number;
	valueid: number;
}

/** A project's fields and dispositions: the same shape for every project, IDs derived from its ID. */
export function projectParameters(projectid: number) {
	const fieldBase = projectid * 10;
	const value = (fieldid: number, valueid: number, name: string): FieldValue => ({
		commission: valueid % 3,
		description: `${name} (project ${projectid})`,
		export_value: name.toUpperCase(),
		fieldid,
		label: name,
		name,
		price: valueid % 5,
		valueid,
	});
	return {
		fields: [
			{ customised: 'yes', fieldid: fieldBase + 1, indexed: 'yes', label: 'Name', name: 'name', type: 'text', values: [] },
			{
				customised: 'no',
				fieldid: fieldBase + 2,
				indexed: 'yes',
				label: 'City',
				name: 'city',
				type: 'simple',
				values: ['Budapest', 'Debrecen', 'Szeged'].map((city, index) => value(fieldBase + 2, fieldBase * 10 + index + 1, city)),
			},
			{
				customised: 'no',
				fieldid: fieldBase + 3,
				indexed: 'no',
				label: 'Products',
				name: 'product',
				type: 'multiple',
				values: ['phone', 'internet'].map((product, index) => value(fieldBase + 3, fieldBase * 10 + index + 4, product)),
			},
		],
		dispositions: [
			{ dispositionid: 1, name: 'Sale', assessment: 'success' },
			{ dispositionid: 2, name: 'Not interested', assessment: 'failure' },
			{ dispositionid: 3, name: 'Call back', assessment: 'callback' },
		],
	};
}

/** GET /v2/projects/[projectid]: a project the sandbox does not have is 404 error.not_found, as for records. */
export function readProjectParameters(projectid: string): SandboxResponse {
	if (!PROJECTS.some((project) => String(project.projectid) === projectid)) {
		return { status: 404, headers: TEXT, body: JSON.stringify({ response: null, errors: ['error.not_found'] }) };
	}
	return { status: 200, headers: TEXT, body: JSON.stringify({ response: projectParameters(Number(projectid)), errors: [] }) };
}
