import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

interface CredentialContext {
	getCredentials(type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject>;
	getNode(): INode;
}

/** One call through n8n's authenticated request helpers, with the credential options given. */
export type SendWithCredential<T> = (credentialOptions: IAdditionalCredentialOptions) => Promise<T>;

export interface HeldCredential {
	/** The credential's data, kept current: n8n writes each new session or token into it. */
	readonly data: ICredentialDataDecryptedObject;
	/**
	 * Sends a call with the held credential. When there is no token yet, the call n8n logs in
	 * for goes first and the others wait for its token. When `refused` says the token was
	 * refused, the token is emptied (unless another call has replaced it already) and the call
	 * sent once more, so n8n logs in first: one refused call and one login, even when calls in
	 * flight are refused together. A refused call changed nothing, so this holds for writes too.
	 */
	send<T>(sendOnce: SendWithCredential<T>, refused?: (response: T) => boolean): Promise<T>;
}

/**
 * Reads a credential once and hands it to n8n's helpers with every call (as
 * `credentialsDecrypted`), instead of n8n reading and decrypting it from its database for
 * each request. `tokenField` names the hidden, expirable field n8n's preAuthentication fills
 * (a session id, an access token), or says it from the credential's data; without one (a
 * credential that never logs in), calls are only sent.
 */
export async function holdCredential(
	context: CredentialContext,
	type: string,
	options: { itemIndex?: number; tokenField?: string | ((data: ICredentialDataDecryptedObject) => string | undefined) } = {},
): Promise<HeldCredential> {
	const data = await context.getCredentials(type, options.itemIndex);
	const tokenField = typeof options.tokenField === 'function' ? options.tokenField(data) : options.tokenField;
	const details = context.getNode().credentials?.[type];
	const credentialOptions: IAdditionalCredentialOptions = {
		credentialsDecrypted: { id: details?.id ?? '', name: details?.name ?? '', type, data },
	};
	const tokenNow = () => (tokenField === undefined ? undefined : data[tokenField]);
	let loggingIn: Promise<void> | undefined;

	async function sendAfterLogin<T>(sendOnce: SendWithCredential<T>): Promise<{ response: T; token: unknown }> {
		while (loggingIn) await loggingIn;
		const tokenBefore = tokenNow();
		const sending = sendOnce(credentialOptions);
		if (tokenField !== undefined && !tokenBefore) {
			// n8n logs in before sending this call; the others wait for the token it stores here.
			const login: Promise<void> = sending.then(
				() => undefined,
				() => undefined,
			);
			loggingIn = login;
			void login.then(() => {
				if (loggingIn === login) loggingIn = undefined;
			});
		}
		const response = await sending;
		// The token this call was sent with: the one it found, or the one its login stored.
		return { response, token: tokenBefore || tokenNow() };
	}

	return {
		data,
		async send<T>(sendOnce: SendWithCredential<T>, refused: (response: T) => boolean = () => false): Promise<T> {
			const first = await sendAfterLogin(sendOnce);
			if (tokenField === undefined || !refused(first.response)) return first.response;
			if (data[tokenField] === first.token) data[tokenField] = '';
			return (await sendAfterLogin(sendOnce)).response;
		},
	};
}
