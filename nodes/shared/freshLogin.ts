import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

interface CredentialContext {
	getCredentials(type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject>;
	getNode(): INode;
}

/**
 * Credential options that make n8n's helpers log in before sending: the stored credential
 * with its expirable token emptied. n8n stores the new token as after any login. Used to
 * repeat a call refused with 401 once, with one login and one refused call in all.
 */
export async function withFreshLogin(
	context: CredentialContext,
	type: string,
	tokenField: string,
	itemIndex?: number,
): Promise<IAdditionalCredentialOptions> {
	const current = await context.getCredentials(type, itemIndex);
	const details = context.getNode().credentials?.[type];
	return {
		credentialsDecrypted: {
			id: details?.id ?? '',
			name: details?.name ?? '',
			type,
			data: { ...current, [tokenField]: '' },
		},
	};
}
