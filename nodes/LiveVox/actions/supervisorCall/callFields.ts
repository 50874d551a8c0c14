import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInput, onlySet, toId } from '../../../shared/input';
import { normalisePhoneNumber } from '../../../shared/phoneNumber';

export function phoneNumberField(description: string): INodeProperties {
	return {
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 4152057483 or {{ $json.phone }}',
		description: `${description}. Spaces, dashes, dots, brackets and a leading +1 are dropped.`,
	};
}

export const allowOtherFormatsOption: INodeProperties = {
	displayName: 'Allow Other Phone Formats',
	name: 'allowOtherFormats',
	type: 'boolean',
	default: false,
	description:
		'Whether to accept numbers that are not 10-digit North American ones (any 4 to 15 digits)',
};

/** The optional fields of one call entry, as LaunchManualCalls documents them. */
export const callEntryFields: INodeProperties = {
	displayName: 'Call Fields',
	name: 'callFields',
	type: 'collection',
	placeholder: 'Add field',
	default: {},
	options: [
		{ displayName: 'Account', name: 'account', type: 'string', default: '', description: 'The account number of the call' },
		{ displayName: 'Caller ID', name: 'callerId', type: 'string', default: '', description: 'The caller ID to show' },
		{
			displayName: 'Dialing Timeout (Seconds)',
			name: 'dialingTimeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description:
				'How long the call may wait to be dialed; if it is not dialed in time (e.g. no agent free) it is dropped and listed by Get Non-Attempted Manual Calls. Without it the call waits indefinitely.',
		},
		{ displayName: 'Template ID', name: 'templateId', type: 'number', default: 0, description: 'The template to use for the call' },
		{
			displayName: 'Transaction ID',
			name: 'transactionId',
			type: 'string',
			default: '',
			description: 'The account transaction to dial; LiveVox creates one when it is left out',
		},
	],
};

function positiveWhole(value: unknown, label: string): number | undefined {
	if (value === undefined || value === '' || value === null) return undefined;
	const number = toId(value, label);
	if (number < 1) throw new InvalidInput(`${label} must be at least 1, got ${number}`, `Enter a ${label} of 1 or more.`);
	return number;
}

/** One call entry from an item's parameters: the phone number normalised, the optional fields checked. */
export function readCallEntry(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const allowOtherFormats = context.getNodeParameter('options.allowOtherFormats', itemIndex, false) as boolean;
	const phoneNumber = normalisePhoneNumber(context.getNodeParameter('phoneNumber', itemIndex, ''), 'Phone Number', {
		allowOtherFormats,
	});
	const fields = context.getNodeParameter('callFields', itemIndex, {}) as IDataObject;
	return onlySet({
		phoneNumber,
		account: fields.account,
		callerId: fields.callerId,
		// 0 is the field's empty default: no template.
		templateId: fields.templateId === 0 ? undefined : positiveWhole(fields.templateId, 'Template ID'),
		transactionId: positiveWhole(fields.transactionId, 'Transaction ID'),
		dialingTimeout: positiveWhole(fields.dialingTimeout, 'Dialing Timeout'),
	}) as IDataObject;
}
