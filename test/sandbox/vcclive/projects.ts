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

/** One entry of "List projects" (GET /v2/projects), as the request-and-response page's example shows it. */
export interface ProjectListEntry {
	projectid: number;
	name: string;
	status: string;
	folderid: number;
	container: boolean;
	folder: string;
}

/**
 * The folders and projects GET /v2/projects lists, "active or not": the example shows a
 * project (`container` false) with its folder's ID and name. How a folder itself is listed is
 * not documented: the imitation lists it with `container` true, its own ID as `projectid`
 * (in its own range: 9001, 9002) and `folderid` 0 with an empty `folder` at the top.
 */
export const PROJECT_LIST: readonly ProjectListEntry[] = [
	{ projectid: 9001, name: 'Inbound', status: 'active', folderid: 0, container: true, folder: '' },
	{ projectid: 4, name: 'Inbound - Budapest', status: 'active', folderid: 9001, container: false, folder: 'Inbound' },
	{ projectid: 9002, name: 'Sales', status: 'active', folderid: 0, container: true, folder: '' },
	{ projectid: 214, name: 'Sales - Budapest', status: 'active', folderid: 9002, container: false, folder: 'Sales' },
	{ projectid: 370, name: 'Sales - Debrecen', status: 'inactive', folderid: 9002, container: false, folder: 'Sales' },
];

/** GET /v2/projects: every folder and project. */
export function listProjects(): SandboxResponse {
	return { status: 200, headers: TEXT, body: JSON.stringify({ response: PROJECT_LIST, errors: [] }) };
}
