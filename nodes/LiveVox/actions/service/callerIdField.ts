import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';

export function callerIdField(description: string): INodeProperties {
	return {
		displayName: 'Caller ID',
		name: 'callerId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 7347324396',
		description,
	};
}

/**
 * A caller ID goes into the URL path, so only digits are accepted; common separators
 * such as spaces, dashes, dots and brackets are dropped first.
 */
export function readCallerId(context: IExecuteFunctions, itemIndex: number): string {
	const raw = String(context.getNodeParameter('callerId', itemIndex, '') ?? '').trim();
	const digits = raw.replace(/[\s\-().]/g, '');
	if (!/^\d{4,15}$/.test(digits)) {
		throw new InvalidInput(
			raw === '' ? 'Caller ID is missing' : `Caller ID "${raw.slice(0, 30)}" is not a phone number`,
			'Enter the phone number as digits, for example 7347324396.',
		);
	}
	return digits;
}
