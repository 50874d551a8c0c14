import { createConnection, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

import { SocketOwners } from '../../scripts/realN8n/socketOwner';

test('the process holding the client end of a connection is found among the candidates, and only there', async () => {
	const accepted: Socket[] = [];
	const server = createServer((socket) => accepted.push(socket));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const serverPort = (server.address() as AddressInfo).port;
	const client = createConnection({ host: '127.0.0.1', port: serverPort });
	await new Promise<void>((resolve) => client.once('connect', resolve));
	try {
		const owners = new SocketOwners();
		const clientPort = client.localPort as number;
		// pid 1 (init) holds no socket of this test.
		expect(owners.ownerOf(clientPort, serverPort, [1])).toBeUndefined();
		expect(owners.ownerOf(clientPort, serverPort, [1, process.pid])).toBe(process.pid);
		// A port with no connection to the server has no owner.
		expect(owners.ownerOf(serverPort, serverPort, [process.pid])).toBeUndefined();
	} finally {
		client.destroy();
		for (const socket of accepted) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
});
