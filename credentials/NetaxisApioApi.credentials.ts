import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	apioBaseUrl,
	CURRENT_USER_PATH,
	DEFAULT_API_PREFIX,
	LOGIN_PATH,
	MACHINE_TOKEN,
	usesMachineToken,
} from '../nodes/NetaxisApio/apioAddress';
import { ApioLoginError, failedLogins, lastLoginFailure, loginStatusHint } from '../nodes/NetaxisApio/apioLogin';

interface LoginAnswer {
	access_token?: unknown;
	token?: unknown;
	'2fa_payload'?: unknown;
	error?: unknown;
	details?: unknown;
}

const USE_MACHINE_TOKEN =
	'n8n cannot answer a second factor. In the credential, choose Authentication: Machine Token and paste a machine token from APIO, or use an APIO account without two-factor authentication.';


function reasonIn(body: LoginAnswer | undefined): string {
	const said = body?.error ?? body?.details;
	if (typeof said === 'string' && said.trim() !== '') return said.trim().slice(0, 200);
	if (typeof said === 'object' && said !== null && typeof (said as IDataObject).message === 'string') {
		return String((said as IDataObject).message).slice(0, 200);
	}
	return '';
}

function asAnswer(body: unknown): LoginAnswer | undefined {
	if (typeof body === 'object' && body !== null) return body as LoginAnswer;
	if (typeof body !== 'string') return undefined;
	try {
		return JSON.parse(body) as LoginAnswer;
	} catch {
		return undefined;
	}
}

async function requestToken(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const baseUrl = apioBaseUrl(credentials);
	const username = String(credentials.username ?? '').trim();
	if (baseUrl === '' || username === '' || String(credentials.password ?? '') === '') {
		throw new ApioLoginError(
			'the credential is incomplete',
			'Enter the Base URL, User Name and Password of the credential, or choose Authentication: Machine Token.',
		);
	}
	let response: { statusCode: number; headers?: Record<string, unknown>; body: unknown };
	try {
		response = (await helper.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}${LOGIN_PATH}`,
			body: { username, password: credentials.password },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as typeof response;
	} catch (error) {
		const code = (error as { code?: unknown }).code;
		throw new ApioLoginError(
			`APIO could not be reached at ${baseUrl}`,
			`Check the Base URL of the credential and that this machine can reach it${typeof code === 'string' ? ` (${code})` : ''}.`,
			{ networkCode: typeof code === 'string' ? code : 'ECONNRESET' },
		);
	}
	const answer = asAnswer(response.body);
	if (answer?.['2fa_payload'] !== undefined) {
		throw new ApioLoginError(`APIO asks the account "${username}" for a second factor (two-factor authentication)`, USE_MACHINE_TOKEN);
	}
	const said = reasonIn(answer);
	const status = response.statusCode;
	if (status === 401 || status === 403) {
		throw new ApioLoginError(
			`APIO did not accept the user name and password of "${username}"${said ? ` (${said})` : ''}`,
			loginStatusHint(status, LOGIN_PATH),
		);
	}
	if (status >= 300) {
		const retryAfter = response.headers?.['retry-after'];
		throw new ApioLoginError(
			`APIO answered the login with status ${status}${said ? ` (${said})` : ''}`,
			loginStatusHint(status, LOGIN_PATH),
			{ status, retryAfter: retryAfter === undefined ? undefined : String(retryAfter) },
		);
	}
	// Current APIO answers an expiring access_token; older versions answered only `token`.
	const token = typeof answer?.access_token === 'string' ? answer.access_token : answer?.token;
	if (typeof token !== 'string' || token === '') {
		throw new ApioLoginError(
			'APIO answered the login without an access token',
			`Check that the Base URL points at APIO: the login is sent to ${LOGIN_PATH} on it.`,
			{ status },
		);
	}
	return token;
}

/** Logs in with the credential's user name and password and gives the access token. */
async function logIn(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const earlier = failedLogins.get(credentials);
	if (earlier) {
		lastLoginFailure.set(credentials, earlier.facts);
		throw earlier;
	}
	try {
		const token = await requestToken(helper, credentials);
		lastLoginFailure.delete(credentials);
		return token;
	} catch (error) {
		if (error instanceof ApioLoginError) {
			lastLoginFailure.set(credentials, error.facts);
			failedLogins.set(credentials, error);
		}
		throw error;
	}
}

export class NetaxisApioApi implements ICredentialType {
	name = 'netaxisApioApi';

	displayName = 'Netaxis APIO API';

	icon = { light: 'file:../icons/netaxis.svg', dark: 'file:../icons/netaxis.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-callcenter/n8n-nodes-callcenter#netaxis-apio';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://apio.example.com',
			description: 'The address of your APIO, without a path',
		},
		{
			displayName: 'API Path Prefix',
			name: 'apiPrefix',
			type: 'string',
			default: DEFAULT_API_PREFIX,
			placeholder: DEFAULT_API_PREFIX,
			description:
				'Where the BroadWorks API starts on your APIO. Most deployments use /api/v1; some reach it through /api/v01/apio/sync/api/v1. Empty means /api/v1.',
		},
		{
			displayName: 'Authentication',
			name: 'authMethod',
			type: 'options',
			options: [
				{ name: 'User Name and Password', value: 'password' },
				{ name: 'Machine Token', value: MACHINE_TOKEN },
			],
			default: 'password',
			description:
				'A user name and password log in for a short-lived access token that n8n renews itself. A machine token does not expire and suits accounts with two-factor authentication.',
		},
		{
			displayName: 'User Name',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authMethod: ['password'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authMethod: ['password'] } },
		},
		{
			displayName: 'Machine Token',
			name: 'machineToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "APIO's non-expiring token for machine access, sent as the Bearer token",
			displayOptions: { show: { authMethod: [MACHINE_TOKEN] } },
		},
	];

	/**
	 * Logs in and returns the access token, which n8n stores in the hidden field and renews
	 * after a 401. A machine token needs no login: nothing is returned, so n8n stores nothing
	 * and does not repeat a failed request for a new token.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (usesMachineToken(credentials)) return {};
		return { accessToken: await logIn(this, credentials) };
	}

	/**
	 * The machine token or the access token of the login, as a Bearer token.
	 * A function rather than n8n's generic form: n8n evaluates the generic form's expressions
	 * for every request, milliseconds each that hold back the requests sent alongside.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const token = usesMachineToken(credentials) ? credentials.machineToken : credentials.accessToken;
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: `Bearer ${String(token ?? '')}` } };
	}

	// With a user name and password, n8n logs in before this request, which checks the token.
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			url: CURRENT_USER_PATH,
		},
		// A refused login fails before this request, with words of its own (user name and password, Base URL).
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'APIO refused the token: check the Machine Token (APIO may have revoked it); with a user name and password, check that the account is active' } },
			{ type: 'responseCode', properties: { value: 403, message: 'APIO refused this account: check that the user (or Machine Token) has API access' } },
			{ type: 'responseCode', properties: { value: 404, message: 'Nothing answers APIO at this address: check the Base URL (without a path)' } },
		],
	};
}
