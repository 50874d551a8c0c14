import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { VCC_LIVE_HOST_SUFFIX, vccLiveUser } from '../nodes/VccLive/vccLiveUrl';

export class VccLiveApi implements ICredentialType {
	name = 'vccLiveApi';

	displayName = 'VCC Live API';

	icon = { light: 'file:../icons/vcclive.svg', dark: 'file:../icons/vcclive.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-callcenter/n8n-nodes-callcenter#vcc-live';

	properties: INodeProperties[] = [
		{
			displayName: 'Customer',
			name: 'customer',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'acme',
			description: `Your call centre's identifier: the subdomain of https://{customer}${VCC_LIVE_HOST_SUFFIX}`,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: `https://acme${VCC_LIVE_HOST_SUFFIX}`,
			description:
				'Leave empty to call the address of the customer above. Enter a full URL, without /v2, to call another address (a proxy, a test server).',
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			description: 'Leave empty to log in with the customer name, which is the user VCC Live issues API tokens for',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API token generated in the VCC Live admin. VCC Live accepts API calls only from allow-listed IP addresses: have the address of your n8n server allowed.',
		},
	];

	/**
	 * HTTP Basic: the API user (the customer name when none is given) and the API token.
	 * A function rather than n8n's generic form: n8n evaluates the generic form's expressions
	 * for every request, milliseconds each that hold back the requests sent alongside.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, auth: { username: vccLiveUser(credentials), password: String(credentials.apiToken ?? '') } };
	}

	// The seed documents one call, so the test is that call made as small as it gets: one
	// fixed past day, one dimension, JSON. A fixed day needs no date expression, and a
	// wrong token, user or an address not allow-listed fails it the way real calls fail.
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			baseURL: `={{($credentials.baseUrl || "").trim() ? $credentials.baseUrl.trim().replace(/\\/+$/, "") : "https://" + ($credentials.customer || "").trim() + "${VCC_LIVE_HOST_SUFFIX}"}}`,
			url: '/v2/statistics/inbound',
			qs: { from: '20240101', to: '20240101', dimensions: 'project', of: 'json' },
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'VCC Live refused the login: check the API Token and the User (empty means the Customer name), then the Customer' } },
			{ type: 'responseCode', properties: { value: 403, message: 'VCC Live refused this address or user: have your VCC Live admin allow-list the IP address of your n8n server, and check the User and API Token' } },
			{ type: 'responseCode', properties: { value: 404, message: 'Nothing answers VCC Live at this address: check the Customer or Base URL (without /v2)' } },
		],
	};
}
