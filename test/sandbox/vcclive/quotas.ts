/**
 * The projects' quota limits, with state, as "Get quota limits" and "Modify quota limits"
 * (GET and POST /v2/projects/[projectid]/quotas) document them: `cell` quotas nested by the
 * values of two fields (city, then product: the fields of projects.ts), and `edge` quotas.
 * The page is cut short inside the edge object (only `children` and `container` are listed):
 * the imitation gives edges the cell's shape, one per city. Quota IDs are the project's ID
 * times 1000 plus 1 … 9 (e.g. 214001); the deepest level carries `quotaid`, `value`,
 * `act_value` and `diff_value` (value minus actual value).
 */
import type { SandboxResponse } from '../types';
import { isPlainObject } from '../types';
import { PROJECTS } from './inboundData';
import { projectParameters } from './projects';

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
const answer = (status: number, response: unknown, errors: unknown[] = []): SandboxResponse => ({
	status,
	headers: TEXT,
	body: JSON.stringify({ response, errors }),
});

/** One quota at the deepest level: the values it counts and its limit. */
export interface SandboxQuota {
	quotaid: number;
	type: 'cell' | 'edge';
	/** The field values above it, top first: [city] or [city, product]. */
	valueids: number[];
	value: number;
	act_value: number;
}

/** How many quotas each project has: 6 cells (3 cities × 2 products) and 3 edges (one per city). */
export const QUOTAS_PER_PROJECT = 9;

export const quotaIdsOf = (projectid: number): number[] => Array.from({ length: QUOTAS_PER_PROJECT }, (_, index) => projectid * 1000 + index + 1);

interface FieldValue {
	valueid: number;
	name: string;
	export_value: string;
}

function fieldValues(projectid: number): { cities: FieldValue[]; products: FieldValue[] } {
	const [, city, product] = projectParameters(projectid).fields;
	return { cities: city.values, products: product.values };
}

function seedQuotas(projectid: number): SandboxQuota[] {
	const { cities, products } = fieldValues(projectid);
	const ids = quotaIdsOf(projectid);
	const quotas: SandboxQuota[] = [];
	cities.forEach((city, c) =>
		products.forEach((product, p) => {
			const n = quotas.length;
			quotas.push({ quotaid: ids[n], type: 'cell', valueids: [city.valueid, product.valueid], value: 10 * (c + 1), act_value: 3 * c + p });
		}),
	);
	cities.forEach((city, c) => quotas.push({ quotaid: ids[quotas.length], type: 'edge', valueids: [city.valueid], value: 50, act_value: 7 * c }));
	return quotas;
}

const label = (value: FieldValue) => ({ all: null, export_value: value.export_value, value_name: value.name });

export class QuotaStore {
	private quotas = new Map<number, SandboxQuota[]>();

	constructor() {
		this.reset();
	}

	reset(): void {
		this.quotas = new Map(PROJECTS.map((project) => [project.projectid, seedQuotas(project.projectid)]));
	}

	/** A project's quotas at the deepest level, in order. */
	of(projectid: number): SandboxQuota[] {
		return this.quotas.get(projectid) ?? [];
	}

	/** The answer's tree, built from the quotas as they stand: `{cell, edge}`. */
	tree(projectid: number) {
		const { cities, products } = fieldValues(projectid);
		const byId = new Map([...cities, ...products].map((value) => [value.valueid, value]));
		const leaf = (quota: SandboxQuota) => {
			const value = byId.get(quota.valueids[quota.valueids.length - 1]) as FieldValue;
			return {
				children: [],
				container: false,
				label: { ...label(value), act_value: quota.act_value, diff_value: quota.value - quota.act_value, value: quota.value },
				quotaid: quota.quotaid,
				valueid: value.valueid,
			};
		};
		const quotas = this.of(projectid);
		const cell = cities.map((city) => ({
			children: quotas.filter((quota) => quota.type === 'cell' && quota.valueids[0] === city.valueid).map(leaf),
			container: true,
			label: label(city),
			valueid: city.valueid,
		}));
		const edge = quotas.filter((quota) => quota.type === 'edge').map(leaf);
		return { cell, edge };
	}

	/** GET /v2/projects/[projectid]/quotas; a project the sandbox does not have is 404 error.not_found, as for records. */
	read(projectid: string): SandboxResponse {
		if (!this.quotas.has(Number(projectid))) return answer(404, null, ['error.not_found']);
		return answer(200, this.tree(Number(projectid)));
	}

	/**
	 * POST /v2/projects/[projectid]/quotas: the body is the example's bare array of `{quotaid,
	 * value}` (the table's `{quotas: [...]}` is taken too: the page shows both). Each element
	 * is set on its own: `response` maps the index of each one set to true; each one not set
	 * is an error with its index, as in the page's partial answer. A missing or non-integer
	 * quotaid or value is the documented 417 error.missing_arguments; a quotaid the project does
	 * not have is error.not_found (not documented: the imitation's choice). Nothing to set is
	 * 417 error.missing_arguments without an index.
	 */
	modify(projectid: string, body: unknown): SandboxResponse {
		const quotas = this.quotas.get(Number(projectid));
		if (!quotas) return answer(404, null, ['error.not_found']);
		const elements: unknown = isPlainObject(body) ? body.quotas : body;
		if (!Array.isArray(elements) || elements.length === 0) return answer(417, null, [{ errorcode: 417, errormessage: 'error.missing_arguments' }]);
		const response: Record<string, boolean> = {};
		const errors: unknown[] = [];
		elements.forEach((element: unknown, index) => {
			const given = isPlainObject(element) ? element : {};
			if (!Number.isInteger(given.quotaid) || !Number.isInteger(given.value)) {
				errors.push({ errorcode: 417, index, errormessage: 'error.missing_arguments' });
				return;
			}
			const quota = quotas.find((entry) => entry.quotaid === given.quotaid);
			if (!quota) {
				errors.push({ errorcode: 417, index, errormessage: 'error.not_found' });
				return;
			}
			quota.value = given.value as number;
			response[String(index)] = true;
		});
		return answer(200, response, errors);
	}
}
