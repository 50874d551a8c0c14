import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { onlySet, toId } from '../../../shared/input';
import { normalisePhoneNumber } from '../../../shared/phoneNumber';
import type { LiveVoxClient } from '../../transport';
import { readServiceId, serviceSelection } from '../service/common';
import { CALLBACK_TIME_ZONES, readCallbackDate, readCallbackTimeZone } from './callbackTime';
import { allowOtherFormatsOption, phoneNumberField } from './callFields';
import { callbackPath, supervisorHints } from './supervisorRequests';

const properties: INodeProperties[] = [
	...serviceSelection,
	phoneNumberField('The number LiveVox calls back'),
	{
		displayName: 'When',
		name: 'when',
		type: 'options',
		options: [
			{ name: 'As Soon As Possible', value: 'asap', description: 'No date is sent: LiveVox schedules the call at once' },
			{ name: 'At a Date and Time', value: 'at' },
		],
		default: 'asap',
	},
	{
		displayName: 'Date and Time',
		name: 'date',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When LiveVox places the call, read in the time zone below; sent as epoch milliseconds',
		displayOptions: { show: { when: ['at'] } },
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'options',
		options: CALLBACK_TIME_ZONES.map(({ name, value }) => ({ name, value })),
		default: 'ET',
		description: 'The zone of the date and time; sent as LiveVox\'s timeZone field',
		displayOptions: { show: { when: ['at'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			{ displayName: 'Account', name: 'account', type: 'string', default: '', description: 'The account number of the call' },
			{
				displayName: 'Agent Login ID',
				name: 'agentLoginId',
				type: 'string',
				default: '',
				description: 'The agent who should take the callback',
			},
			{
				displayName: 'Transaction ID',
				name: 'transactionId',
				type: 'string',
				default: '',
				description: 'The account transaction the callback belongs to',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [allowOtherFormatsOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['supervisorCall'], operation: ['scheduleCallback'] } },
	properties,
);

/** Schedules one callback per item; never sent twice, since a second one would call the person twice. */
export async function execute(
	this: IExecuteFunctions,
	client: LiveVoxClient,
	itemIndex: number,
): Promise<IDataObject> {
	const serviceId = readServiceId(this, itemIndex);
	const allowOtherFormats = this.getNodeParameter('options.allowOtherFormats', itemIndex, false) as boolean;
	const phoneNumber = normalisePhoneNumber(this.getNodeParameter('phoneNumber', itemIndex, ''), 'Phone Number', {
		allowOtherFormats,
	});
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const transactionId = extra.transactionId ? toId(extra.transactionId, 'Transaction ID') : undefined;
	const body: IDataObject = {
		phoneNumber,
		...onlySet({ account: extra.account, agentLoginId: extra.agentLoginId, transactionId }),
	};
	let scheduledFor = 'as soon as possible';
	if (this.getNodeParameter('when', itemIndex, 'asap') === 'at') {
		const timeZone = readCallbackTimeZone(this.getNodeParameter('timeZone', itemIndex, ''));
		const date = readCallbackDate(this.getNodeParameter('date', itemIndex, ''), timeZone.zone, Date.now());
		// The seed's example sends epoch milliseconds as a string.
		body.date = String(date.toMillis());
		body.timeZone = timeZone.value;
		scheduledFor = date.toISO() as string;
	}
	await client.request({
		method: 'POST',
		path: callbackPath(serviceId),
		body,
		kind: 'write',
		hints: supervisorHints,
		checkAfterUnknownOutcome: `Check in LiveVox whether a callback to ${phoneNumber} is scheduled on service ${serviceId}`,
	});
	return { serviceId, scheduled: true, scheduledFor, callback: body };
}
