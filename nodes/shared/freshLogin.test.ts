import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import { withFreshLogin } from './freshLogin';

const node = {
	id: '1',
	name: 'Test',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { someApi: { id: 'cred-7', name: 'My account' } },
} as INode;

describe('withFreshLogin', () => {
	test('gives the stored credential with only its token emptied, under its id and name', async () => {
		const stored: ICredentialDataDecryptedObject = { user: 'u', password: 'p', sessionId: 'old-session' };
		const asked: Array<[string, number | undefined]> = [];
		const context = {
			getCredentials: async (type: string, itemIndex?: number) => {
				asked.push([type, itemIndex]);
				return stored;
			},
			getNode: () => node,
		};
		const options = await withFreshLogin(context, 'someApi', 'sessionId', 2);
		expect(asked).toEqual([['someApi', 2]]);
		expect(options.credentialsDecrypted).toEqual({
			id: 'cred-7',
			name: 'My account',
			type: 'someApi',
			data: { user: 'u', password: 'p', sessionId: '' },
		});
		expect(stored.sessionId).toBe('old-session');
	});
});
