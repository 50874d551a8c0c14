import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	CUSTOM_ENVIRONMENT,
	LIVEVOX_ENVIRONMENTS,
	liveVoxBaseUrl,
	liveVoxPath,
} from '../nodes/LiveVox/liveVoxUrl';

export class LiveVoxApi implements ICredentialType {
	name = 'liveVoxApi';

	displayName = 'LiveVox API';

	icon = { light: 'file:../icons/livevox.svg', dark: 'file:../icons/livevox.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-callcenter/n8n-nodes-callcenter#livevox';

	properties: INodeProperties[] = [
		{
			displayName: 'Session ID',
			name: 'sessionId',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				...LIVEVOX_ENVIRONMENTS.map(({ name, value }) => ({ name: `${name} (${value})`, value })),
				{ name: 'Custom Base URL', value: CUSTOM_ENVIRONMENT },
			],
			default: LIVEVOX_ENVIRONMENTS[0].value,
			description:
				'The LiveVox environment your portal is on. A wrong environment answers with an authorization error.',
		},
		{
			displayName: 'Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.livevox.com',
			description: 'The API address, without a path, for an environment not listed',
			displayOptions: { show: { environment: [CUSTOM_ENVIRONMENT] } },
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '',
			placeholder: 'v6.0',
			description:
				'Leave empty for the current unversioned paths (/session/login). Older tenants use versioned paths such as /session/v6.0/login: enter the version here.',
		},
		{
			displayName: 'Client Name',
			name: 'clientName',
			type: 'string',
			default: '',
			required: true,
			description: 'The client code you log in to LiveVox with (not its display name)',
		},
		{
			displayName: 'User Name',
			name: 'userName',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The LV-Access token from your Configuration API subscription',
		},
		{
			displayName: 'Agent Login',
			name: 'agent',
			type: 'boolean',
			default: false,
			description: 'Whether the user logs in as an agent rather than as a manager or admin',
		},
	];

	/** Logs in and returns the session id, which n8n stores in the hidden Session ID field. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const body: Record<string, unknown> = {
			clientName: credentials.clientName,
			userName: credentials.userName,
			password: credentials.password,
		};
		if (credentials.agent === true) body.agent = true;
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${liveVoxBaseUrl(credentials)}${liveVoxPath('/session/login', credentials.apiVersion)}`,
			headers: { 'LV-Access': credentials.accessToken as string },
			body,
			json: true,
		})) as { sessionId?: string };
		if (typeof response?.sessionId !== 'string' || response.sessionId === '') {
			throw new Error('LiveVox login answered without a session ID: check the environment and base URL');
		}
		return { sessionId: response.sessionId };
	}

	/**
	 * Sends the access token and the session as LV-Access and LV-Session headers.
	 * A function rather than n8n's generic form: n8n evaluates the generic form's expressions
	 * for every request, milliseconds each that hold back the requests sent alongside.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				'LV-Access': String(credentials.accessToken ?? ''),
				'LV-Session': String(credentials.sessionId ?? ''),
			},
		};
	}

	// Logging in again while the session is valid returns the same session, so the test is a login.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			baseURL: `={{$credentials.environment === "${CUSTOM_ENVIRONMENT}" ? $credentials.customBaseUrl.replace(/\\/+$/, "") : $credentials.environment}}`,
			url: '={{$credentials.apiVersion ? "/session/" + $credentials.apiVersion.trim().replace(/^\\/+|\\/+$/g, "") + "/login" : "/session/login"}}',
			body: {
				clientName: '={{$credentials.clientName}}',
				userName: '={{$credentials.userName}}',
				password: '={{$credentials.password}}',
				agent: '={{$credentials.agent === true}}',
			},
		},
		// What each answer of the login points at, in the fields' words (n8n's default says only "Authorization failed").
		rules: [
			{ type: 'responseCode', properties: { value: 400, message: 'LiveVox could not read the login: check the Client Name, User Name and Password, and leave API Version empty unless your tenant uses versioned paths' } },
			{ type: 'responseCode', properties: { value: 401, message: 'LiveVox refused the login: check the User Name and Password (and the Client Name, the code you log in with), then the Access Token; a wrong Environment answers this way too' } },
			{ type: 'responseCode', properties: { value: 403, message: 'LiveVox refused the Access Token: check the Access Token (LV-Access), and that the Environment is the one of your account' } },
			{ type: 'responseCode', properties: { value: 404, message: 'Nothing answers the LiveVox login at this address: check the Environment or Base URL, and the API Version' } },
		],
	};
}
