import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { description } from './callDetails.operation';

const names = (fields: INodeProperties[]) => fields.map((field) => field.name);
const options = (description.find((field) => field.name === 'options')?.options ?? []) as INodeProperties[];
const option = (name: string) => options.find((entry) => entry.name === name) as INodeProperties;

/** Whether the editor shows `field` for these parameters (n8n's own rule). */
const shown = (field: INodeProperties, parameters: INodeParameters) =>
	NodeHelpers.displayParameter(
		{ resource: 'report', operation: 'callDetails', simplify: true, output: 'items', ...parameters },
		field,
		{ name: 'LiveVox', type: 'livevox', typeVersion: 1, position: [0, 0], parameters: {} } as never,
		null,
		{ resource: 'report', operation: 'callDetails', simplify: true, output: 'items', ...parameters },
	);

describe('Call Event Recovery panel', () => {
	test('the fields in the order they are read: period, filters, Simplify, then Output, then the options', () => {
		expect(names(description)).toEqual(['period', 'startDate', 'endDate', 'sinceLastRun', 'filters', 'simplify', 'output', 'options']);
	});

	test('Output shows with Simplify on only (it shapes the simplified rows)', () => {
		const output = description.find((field) => field.name === 'output') as INodeProperties;
		expect(output.displayOptions?.show).toMatchObject({ simplify: [true], resource: ['report'], operation: ['callDetails'] });
		expect(shown(output, { simplify: true })).toBe(true);
		expect(shown(output, { simplify: false })).toBe(false);
	});

	test('File Name only when Output puts out a file', () => {
		const fileName = option('fileName');
		expect(fileName.displayOptions?.show).toEqual({ '/simplify': [true], '/output': ['file', 'itemsAndFile'] });
		expect(shown(fileName, { output: 'items' })).toBe(false);
		expect(shown(fileName, { output: 'file' })).toBe(true);
		expect(shown(fileName, { output: 'itemsAndFile' })).toBe(true);
		expect(shown(fileName, { output: 'file', simplify: false })).toBe(false);
	});

	test('Reporting Timezone is a dropdown of time zones, the workflow\'s first, expressions not barred', () => {
		const zone = option('reportingTimezone');
		expect(zone.type).toBe('options');
		expect(zone.default).toBe('');
		expect(zone.noDataExpression).toBeUndefined();
		const values = (zone.options ?? []).map((entry) => (entry as { value: string }).value);
		expect(values[0]).toBe('');
		expect(values).toEqual(expect.arrayContaining(['America/New_York', 'America/Chicago', 'Europe/Paris', 'UTC']));
	});
});
