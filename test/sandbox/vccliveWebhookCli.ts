/**
 * `npm run sandbox:vcclive-webhook -- <url> <event> [options]`: sends a VCC Live webhook
 * request with the event's documented body to a URL — the VCC Live Trigger's Test or Production
 * URL in a running n8n — and prints the answer. Options: `--encrypt <secret>` (AES-256-CTR,
 * random iv in the URL), `--no-iv`, `--secret-key <key>`, `--secret-parameter <name>`,
 * `--method GET|POST|PUT|DELETE`, `--form`, `--resend` (then sends the same event once more);
 * for a disposition, `--call <uuid>` (one of the sandbox's calls: its record, project and
 * numbers) and `--assessment success|ordered|failed`.
 */
import { dispositionObject, type Payload, sandboxCallDisposition, WEBHOOK_EVENTS, type WebhookEvent } from './vcclive/webhookPayloads';
import { type SendOptions, VccLiveWebhookSender } from './vcclive/webhookSender';

interface Parsed {
	url: string;
	event: WebhookEvent;
	options: SendOptions;
	resend: boolean;
	call?: string;
	assessment?: string;
}

function parse(args: string[]): Parsed {
	const [url, event, ...rest] = args;
	if (!url || !WEBHOOK_EVENTS.includes(event as WebhookEvent)) {
		throw new Error(`usage: <url> <${WEBHOOK_EVENTS.join('|')}> [--encrypt <secret>] [--no-iv] [--secret-key <key>] [--secret-parameter <name>] [--method GET|POST|PUT|DELETE] [--form] [--resend] [--call <uuid>] [--assessment <assessment>]`);
	}
	const parsed: Parsed = { url, event: event as WebhookEvent, options: {}, resend: false };
	const { options } = parsed;
	for (let index = 0; index < rest.length; index++) {
		const flag = rest[index];
		const value = () => {
			const next = rest[++index];
			if (next === undefined) throw new Error(`${flag} needs a value`);
			return next;
		};
		if (flag === '--encrypt') options.encryptionSecret = value();
		else if (flag === '--no-iv') options.withoutIv = true;
		else if (flag === '--secret-key') options.secretKey = value();
		else if (flag === '--secret-parameter') options.secretParameter = value();
		else if (flag === '--method') options.method = value().toUpperCase() as SendOptions['method'];
		else if (flag === '--form') options.bodyFormat = 'form';
		else if (flag === '--resend') parsed.resend = true;
		else if (flag === '--call') parsed.call = value();
		else if (flag === '--assessment') parsed.assessment = value();
		else throw new Error(`unknown option ${flag}`);
	}
	return parsed;
}

/** The fields `--call` and `--assessment` set in a disposition's body. */
function overridesOf({ event, call, assessment }: Parsed): Payload {
	if (call === undefined && assessment === undefined) return {};
	if (event !== 'callDisposition' && event !== 'mobileDisposition') throw new Error('--call and --assessment are for dispositions');
	if (call === undefined) return { disposition: dispositionObject(assessment ?? 'success') };
	return sandboxCallDisposition(call, assessment ?? 'success');
}

async function main(): Promise<void> {
	const parsed = parse(process.argv.slice(2));
	const { url, event, options, resend } = parsed;
	const sender = new VccLiveWebhookSender(url);
	const first = await sender.send(event, options, overridesOf(parsed));
	console.log(`${first.request.method} ${event} → ${first.status} ${first.body}`);
	if (resend) {
		const again = await sender.resend(first.request.id, options);
		console.log(`resent ${event} → ${again.status} ${again.body}`);
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
