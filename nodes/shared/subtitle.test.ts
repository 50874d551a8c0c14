import type { INodeProperties, INodeType, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { operationSubtitle, optionSubtitle } from './subtitle';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'a',
		options: [
			{ name: 'Thing "A"', value: 'a' },
			{ name: 'B', value: 'b' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'x',
		displayOptions: { show: { resource: ['a'] } },
		options: [{ name: 'Do X', value: 'x', action: 'Do x' }],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'x',
		displayOptions: { show: { resource: ['b'] } },
		options: [{ name: 'Do X for B', value: 'x', action: 'Do x for b' }],
	},
];

/** Evaluates a subtitle as n8n's editor does, for a node with these parameters. */
function evaluate(expression: string, parameters: Record<string, string>): unknown {
	const nodeType = { description: { properties } } as unknown as INodeType;
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const node = { id: '1', name: 'Node', type: 'test.node', typeVersion: 1, position: [0, 0] as [number, number], parameters };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, expression, 'internal', {});
}

describe('operationSubtitle', () => {
	it('labels each resource and operation, the same operation value apart per resource', () => {
		const subtitle = operationSubtitle(properties);
		expect(evaluate(subtitle, { resource: 'a', operation: 'x' })).toBe('Do X: Thing "A"');
		expect(evaluate(subtitle, { resource: 'b', operation: 'x' })).toBe('Do X for B: B');
	});

	it('shows values it does not know as they are', () => {
		expect(evaluate(operationSubtitle(properties), { resource: 'a', operation: 'gone' })).toBe('gone: a');
	});
});

describe('optionSubtitle', () => {
	it('shows the label of the chosen option, or the value it does not know', () => {
		expect(evaluate(optionSubtitle(properties, 'resource'), { resource: 'b' })).toBe('B');
		expect(evaluate(optionSubtitle(properties, 'resource'), { resource: 'c' })).toBe('c');
	});
});
