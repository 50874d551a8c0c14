import type { INodeProperties } from 'n8n-workflow';

import { ACD_FEATURES, CALL_DIRECTIONS, PREVIEW_MODES } from './serviceEnums';
import { updateServiceTab } from './updateServiceTab';

const fields: INodeProperties[] = [
	{
		displayName: 'Abbreviation',
		name: 'abbreviation',
		type: 'string',
		default: '',
		description: 'Short name shown on the Service page of the LiveVox Portal, for quick navigation',
	},
	{
		displayName: 'ACD Feature',
		name: 'acdFeatureCode',
		type: 'options',
		options: ACD_FEATURES,
		default: 'AGENT_AT_READY_IN',
		description: 'The direction and type of the agent audio connection',
	},
	{
		displayName: 'Call Direction',
		name: 'callDirection',
		type: 'options',
		options: CALL_DIRECTIONS,
		default: 'INBOUND',
		description: 'Whether the service launches outbound calls, receives inbound calls, or both',
	},
	{
		displayName: 'Inbound Service ID',
		name: 'inboundService',
		type: 'number',
		default: 0,
		description: "The inbound service linked to this outbound service's database for ANI match look-ups",
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'The name of the service',
	},
	{
		displayName: 'Preview Mode',
		name: 'previewMode',
		type: 'options',
		options: PREVIEW_MODES,
		default: 'NONE',
		description: 'What the agent must do before a call is launched in preview mode',
	},
	{
		displayName: 'Term Codes Visible to Agents',
		name: 'termCodeEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether agents logged into this service see term codes while handling calls',
	},
	{
		displayName: 'Unattended',
		name: 'unattended',
		type: 'boolean',
		default: false,
		description: 'Whether the service is unattended (no agent ACD functionality)',
	},
];

/** Changes the General tab of a service: only the fields added are sent. */
export const { description, execute } = updateServiceTab('updateGeneral', '', fields, 'General tab');
