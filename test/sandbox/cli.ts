/**
 * `npm run sandbox`: runs the sandbox as a standalone server so a real n8n (or curl) can
 * talk to it. Port from SANDBOX_PORT, default 4010, always on loopback. Prints the logins to
 * put in credentials and the IDs to try (guide.ts).
 */
import { DEMO_MACHINE_TOKEN, DEMO_USER } from './apio';
import { guideLines } from './guide';
import { startSandbox } from './server';

const DEFAULT_PORT = 4010;

function portFromEnvironment(): number {
	const text = process.env.SANDBOX_PORT;
	if (text === undefined || text === '') return DEFAULT_PORT;
	const port = Number(text);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`SANDBOX_PORT must be a port number (0-65535), got "${text}"`);
	}
	return port;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({
		port: portFromEnvironment(),
		host: '127.0.0.1',
		onRequestDone: (request) => {
			const status = request.status === 0 ? 'DROP' : String(request.status);
			console.log(`${status} ${request.method} /${request.vendor}${request.path}`);
			// A long-running server must not keep every request in memory; the log line is the record.
			sandbox.clearRequests();
		},
	});
	const account = sandbox.livevox.account;
	console.log(`Sandbox listening on ${sandbox.url}`);
	console.log('');
	console.log('LiveVox demo login (credential fields):');
	console.log(`  Base URL (custom): ${sandbox.livevoxUrl}`);
	console.log(`  Client name:       ${account.clientName}`);
	console.log(`  User name:         ${account.userName}`);
	console.log(`  Password:          ${account.password}`);
	console.log(`  Access token:      ${account.accessToken}`);
	console.log('');
	console.log('Netaxis APIO demo login (credential fields):');
	console.log(`  Base URL:          ${sandbox.apioUrl}`);
	console.log(`  User name:         ${DEMO_USER.username}`);
	console.log(`  Password:          ${DEMO_USER.password}`);
	console.log(`  Machine token:     ${DEMO_MACHINE_TOKEN}`);
	console.log('');
	console.log('VCC Live demo login (credential fields):');
	console.log(`  Customer:          ${sandbox.vcclive.account.user}`);
	console.log(`  Base URL:          ${sandbox.vccliveUrl}`);
	console.log(`  API token:         ${sandbox.vcclive.account.token}`);
	console.log('');
	for (const line of guideLines(sandbox)) console.log(line);
	console.log('');
	console.log('Press Ctrl+C to stop.');

	let stopping = false;
	const stop = (signal: NodeJS.Signals): void => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal} received, stopping the sandbox.`);
		sandbox.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
