import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { vendorError } from './vendorError';

const node: INode = { id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

describe('vendorError', () => {
	test('keeps our words, masks every secret in them, and carries status, item and details', () => {
		const error = vendorError(
			node,
			{ message: 'Session SESS-secret-1 expired', description: 'Token tok-secret-2 was refused' },
			{ secrets: ['SESS-secret-1', 'tok-secret-2'], httpCode: '401', itemIndex: 3, details: { errors: ['e1'] } },
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Session [redacted] expired');
		expect(error.description).toBe('Token [redacted] was refused');
		expect(error.httpCode).toBe('401');
		expect(error.context.itemIndex).toBe(3);
		expect(JSON.stringify(error)).not.toMatch(/secret-1|secret-2/);
		expect((error.errorResponse as { errors?: unknown }).errors).toEqual(['e1']);
	});
});
