import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InvalidInput, onlySet } from '../../../shared/input';

/** The fields the user added to the "Update Fields" collection; an update with none is refused. */
export function readUpdateFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = onlySet(context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(fields).length === 0) {
		throw new InvalidInput(
			'No fields to update',
			"Add at least one field under 'Update Fields': only the fields you add are sent, the others stay as they are.",
		);
	}
	return fields as IDataObject;
}

/** What a change answered with 204 gives to the next node: that it worked, and what was sent. */
export function changed(serviceId: number, sent: IDataObject = {}): IDataObject {
	return { success: true, serviceId, ...sent };
}
