import { operationOptions } from './operationOptions';

describe('operationOptions', () => {
	it('starts each action with the operation\'s name and keeps the other fields', () => {
		expect(
			operationOptions([
				{ name: 'Call Event Recovery', value: 'callDetails', does: 'get call events of a period', description: 'The feed' },
				{ name: 'List', value: 'list', does: 'list the services of a call center' },
			]),
		).toEqual([
			{ name: 'Call Event Recovery', value: 'callDetails', action: 'Call Event Recovery: get call events of a period', description: 'The feed' },
			{ name: 'List', value: 'list', action: 'List: list the services of a call center' },
		]);
	});
});
