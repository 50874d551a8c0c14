import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secrets of VCC Live's webhook requests (Securing Requests): the secret key put in the
 * webhook URL and the key the request bodies are encrypted with. Apart from the VCC Live API
 * credential because receiving webhooks needs neither the API token nor API access from n8n's
 * address (the API credential requires both, and its Test calls the API). Nothing of VCC Live
 * can check these secrets from n8n: the VCC Live Trigger tests them locally (testedBy).
 */
export class VccLiveWebhookApi implements ICredentialType {
	name = 'vccLiveWebhookApi';

	displayName = 'VCC Live Webhook API';

	icon = { light: 'file:../icons/vcclive.svg', dark: 'file:../icons/vcclive.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-callcenter/n8n-nodes-callcenter#credential-vcc-live-webhook-api';

	properties: INodeProperties[] = [
		{
			displayName: 'URL Secret Key',
			name: 'urlSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The secret key added to the webhook URL in VCC Live (e.g. ?secret-key=…). Used when the trigger checks the secret key: a request without it, or with another, is answered 401.',
		},
		{
			displayName: 'Encryption Secret',
			name: 'encryptionSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The secret key VCC Live encrypts webhook bodies with (HTTP body encryption, AES-256-CTR; at most 32 bytes are used). Used when the trigger decrypts bodies.',
		},
	];
}
