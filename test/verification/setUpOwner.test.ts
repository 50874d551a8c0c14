/**
 * The owner setup of a started n8n (npm start, the real-n8n tests): n8n 2.41 can answer 400,
 * and 200 "n8n is starting up. Please wait" as plain text, while it is still starting; only
 * n8n's JSON answer, or "Instance owner already setup", means the owner exists.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { setUpOwner } from '../../scripts/realN8n/n8nServer';

/** A stand-in for n8n's /rest/owner/setup that gives the answers listed, one per call (JSON, or text as given). */
async function ownerSetup(answers: Array<[number, string, 'text'?]>) {
	const calls: string[] = [];
	const server = createServer((request, response) => {
		calls.push(`${request.method} ${request.url}`);
		const [status, message, text] = answers[Math.min(calls.length - 1, answers.length - 1)];
		if (text) response.writeHead(status, { 'content-type': 'text/html' }).end(message);
		else response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code: status, message }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, close: () => new Promise((resolve) => server.close(resolve)) };
}

test('a 400 that is not "already setup", a database not ready yet, or "n8n is starting up", is asked again until the owner is set up', async () => {
	const n8n = await ownerSetup([
		[200, 'n8n is starting up. Please wait', 'text'],
		[404, 'not registered yet'],
		[503, 'Database is not ready!'],
		[400, 'Request failed'],
		[200, 'ok'],
	]);
	await setUpOwner(n8n.url);
	expect(n8n.calls).toHaveLength(5);
	await n8n.close();
});

test('"Instance owner already setup": done, asked once', async () => {
	const n8n = await ownerSetup([[400, 'Instance owner already setup']]);
	await setUpOwner(n8n.url);
	expect(n8n.calls).toHaveLength(1);
	await n8n.close();
});

test('another refusal stops with n8n\'s answer', async () => {
	const n8n = await ownerSetup([[500, 'database locked']]);
	await expect(setUpOwner(n8n.url)).rejects.toThrow('Owner setup answered 500 {"code":500,"message":"database locked"}');
	await n8n.close();
});
