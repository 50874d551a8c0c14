import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInput } from '../../../shared/input';
import { callCenterPath } from '../../apioAddress';

/**
 * Typed identifiers. The documented calls list no tenants, groups or call centers, so there
 * is nothing to pick from yet; a resource locator lets a "From List" mode be added later
 * without changing saved workflows.
 */
function typedLocator(
	displayName: string,
	name: string,
	mode: { name: string; displayName: string; placeholder: string },
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: mode.name, value: '' },
		required: true,
		description,
		modes: [{ displayName: mode.displayName, name: mode.name, type: 'string', placeholder: mode.placeholder }],
	};
}

export const callCenterSelection: INodeProperties[] = [
	typedLocator(
		'Tenant',
		'tenantId',
		{ name: 'id', displayName: 'By ID', placeholder: 'e.g. footenant' },
		'The ID of the tenant (service provider or enterprise) the call center belongs to',
	),
	typedLocator(
		'Group',
		'groupId',
		{ name: 'id', displayName: 'By ID', placeholder: 'e.g. foogroup' },
		'The ID of the group the call center belongs to',
	),
	typedLocator(
		'Call Center',
		'callCenter',
		{ name: 'name', displayName: 'By Name', placeholder: 'e.g. support@sip.example.com' },
		'The call center user ID, with its domain',
	),
];

export interface CallCenterAddress {
	tenantId: string;
	groupId: string;
	callCenter: string;
}

function readText(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true });
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '') {
		throw new InvalidInput(`${label} is missing`, `Enter the ${label} of the call center.`);
	}
	// In a URL path "." and ".." (even percent-encoded) are steps, not names: the request would
	// go to another address. No tenant, group or call center is named that.
	if (text === '.' || text === '..') {
		throw new InvalidInput(`${label} "${text}" is not a valid ID`, `Enter the ${label} of the call center as APIO shows it.`);
	}
	return text;
}

export function readCallCenter(context: IExecuteFunctions, itemIndex: number): CallCenterAddress {
	return {
		tenantId: readText(context, 'tenantId', 'Tenant', itemIndex),
		groupId: readText(context, 'groupId', 'Group', itemIndex),
		callCenter: readText(context, 'callCenter', 'Call Center', itemIndex),
	};
}

export function reportingSettingsPath(address: CallCenterAddress): string {
	return callCenterPath(address.tenantId, address.groupId, address.callCenter, 'instance_statistics_reporting');
}

export function statisticsPath(address: CallCenterAddress): string {
	return callCenterPath(address.tenantId, address.groupId, address.callCenter, 'statistics');
}
