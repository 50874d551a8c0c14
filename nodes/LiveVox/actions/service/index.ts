import type { INodeProperties } from 'n8n-workflow';

import { operationOptions } from '../../../shared/operationOptions';
import type { LiveVoxOperation } from '../types';
import * as addCallerId from './addCallerId.operation';
import * as addInboundHours from './addInboundHours.operation';
import * as create from './create.operation';
import * as deleteService from './delete.operation';
import * as findMatching from './findMatching.operation';
import * as getGeneral from './getGeneral.operation';
import * as getInboundHours from './getInboundHours.operation';
import * as getListInfo from './getListInfo.operation';
import * as getMessaging from './getMessaging.operation';
import * as getPacing from './getPacing.operation';
import * as getPhone from './getPhone.operation';
import * as getRelated from './getRelated.operation';
import * as getSettings from './getSettings.operation';
import * as list from './list.operation';
import * as removeCallerId from './removeCallerId.operation';
import * as removeInboundHours from './removeInboundHours.operation';
import * as updateGeneral from './updateGeneral.operation';
import * as updateInboundHours from './updateInboundHours.operation';
import * as updateMessagingProperty from './updateMessagingProperty.operation';
import * as updatePhone from './updatePhone.operation';
import * as updateSettings from './updateSettings.operation';

/** The 21 methods of LiveVox's Configuration API for Services. */
export const serviceOperations: Record<string, LiveVoxOperation> = {
	addCallerId,
	addInboundHours,
	create,
	delete: deleteService,
	findMatching,
	getGeneral,
	getInboundHours,
	getListInfo,
	getMessaging,
	getPacing,
	getPhone,
	getRelated,
	getSettings,
	list,
	removeCallerId,
	removeInboundHours,
	updateGeneral,
	updateInboundHours,
	updateMessagingProperty,
	updatePhone,
	updateSettings,
};

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['service'] } },
	options: operationOptions([
		{ name: 'Add Caller ID', value: 'addCallerId', does: 'add a caller ID to a service' },
		{ name: 'Add Inbound Hours', value: 'addInboundHours', does: 'add inbound hours to a service' },
		{ name: 'Create (Copy)', value: 'create', does: 'create a service as a copy of another' },
		{ name: 'Delete', value: 'delete', does: 'delete a service' },
		{ name: 'Find Matching', value: 'findMatching', does: 'find services matching criteria' },
		{ name: 'Get General', value: 'getGeneral', does: 'get the general properties of a service' },
		{ name: 'Get Inbound Hours', value: 'getInboundHours', does: 'get the inbound hours of a service' },
		{ name: 'Get List Info', value: 'getListInfo', does: 'get the size of the service list of a call center' },
		{ name: 'Get Messaging', value: 'getMessaging', does: 'get the messaging properties of a service' },
		{ name: 'Get Pacing', value: 'getPacing', does: 'get the pacing settings of a service' },
		{ name: 'Get Phone', value: 'getPhone', does: 'get the phone properties of a service' },
		{ name: 'Get Related Objects', value: 'getRelated', does: 'get the objects related to a service' },
		{ name: 'Get Settings', value: 'getSettings', does: 'get the settings of a service' },
		{ name: 'List', value: 'list', does: 'list the services of a call center' },
		{ name: 'Remove Caller ID', value: 'removeCallerId', does: 'remove a caller ID from a service' },
		{ name: 'Remove Inbound Hours', value: 'removeInboundHours', does: 'remove inbound hours from a service' },
		{ name: 'Update General', value: 'updateGeneral', does: 'update the general properties of a service' },
		{ name: 'Update Inbound Hours', value: 'updateInboundHours', does: 'update inbound hours of a service' },
		{ name: 'Update Messaging Property', value: 'updateMessagingProperty', does: 'update a messaging property of a service' },
		{ name: 'Update Phone', value: 'updatePhone', does: 'update the phone properties of a service' },
		{ name: 'Update Settings', value: 'updateSettings', does: 'update the settings of a service' },
	]),
	default: 'getGeneral',
};

export const serviceDescription: INodeProperties[] = [
	operationField,
	...Object.values(serviceOperations).flatMap((operation) => operation.description),
];
