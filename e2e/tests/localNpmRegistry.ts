/**
 * A minimal npm registry on loopback serving one packed package, as registry.npmjs.org.
 *
 * Without an enterprise licence n8n refuses N8N_COMMUNITY_PACKAGES_REGISTRY (another registry
 * is the licensed feature "community nodes custom registry") and runs every npm command with
 * `--registry=https://registry.npmjs.org`, which npm ranks above `npm_config_registry` from the
 * environment. What npm does honour from the environment is its HTTPS proxy and CA file: this
 * is such a proxy. It tunnels only registry.npmjs.org:443 (other hosts are refused and
 * recorded), ends the tunnel's TLS with a certificate made for this run, and answers the
 * package's metadata document and its tarball; every request is recorded.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { TLSSocket } from 'node:tls';

import { run } from '../../scripts/realN8n/process';

export const REGISTRY_HOST = 'registry.npmjs.org';

export interface RegistryRequest {
	host: string;
	method: string;
	path: string;
	status: number;
}

export interface LocalRegistry {
	/** The settings, as environment variables, that send npm's (and n8n's) registry requests here. */
	npmEnv: Record<string, string>;
	name: string;
	version: string;
	/** The tarball's `sha512-…` integrity, as in the metadata document. */
	integrity: string;
	requests: RegistryRequest[];
	/** CONNECT targets other than the registry, refused (n8n asks api.n8n.io whether a package is vetted). */
	refused: string[];
	close(): Promise<void>;
}

/** Starts the registry for `tarball` (an `npm pack` output); `workDir` holds its certificate and npm's cache. */
export async function startLocalRegistry(tarball: string, workDir: string): Promise<LocalRegistry> {
	const keyFile = path.join(workDir, 'registry-key.pem');
	const certFile = path.join(workDir, 'registry-cert.pem');
	await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', `/CN=${REGISTRY_HOST}`, '-addext', `subjectAltName=DNS:${REGISTRY_HOST}`]);
	const manifest = JSON.parse((await run('tar', ['-xzOf', tarball, 'package/package.json'])).stdout) as { name: string; version: string };
	const bytes = readFileSync(tarball);
	const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
	const tarballPath = `/${manifest.name}/-/${manifest.name}-${manifest.version}.tgz`;
	const versionDocument = {
		...manifest,
		_id: `${manifest.name}@${manifest.version}`,
		dist: { tarball: `https://${REGISTRY_HOST}${tarballPath}`, integrity, shasum: createHash('sha1').update(bytes).digest('hex') },
	};
	const packument = { _id: manifest.name, name: manifest.name, 'dist-tags': { latest: manifest.version }, versions: { [manifest.version]: versionDocument } };

	const requests: RegistryRequest[] = [];
	const refused: string[] = [];
	const answer = (request: IncomingMessage, response: ServerResponse) => {
		const url = new URL(request.url ?? '/', `https://${REGISTRY_HOST}`);
		const pathname = decodeURIComponent(url.pathname);
		let status = 200;
		if (request.method === 'GET' && pathname === `/${manifest.name}`) {
			response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(packument));
		} else if (request.method === 'GET' && pathname === `/${manifest.name}/${manifest.version}`) {
			response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(versionDocument));
		} else if (request.method === 'GET' && pathname === tarballPath) {
			response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length }).end(bytes);
		} else {
			status = 404;
			response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Not found' }));
		}
		requests.push({ host: request.headers.host ?? '', method: request.method ?? '', path: pathname, status });
	};

	const registry = createServer(answer);
	const tunnels = new Set<Socket>();
	const key = readFileSync(keyFile);
	const cert = readFileSync(certFile);
	const proxy = createServer((request, response) => {
		refused.push(`${request.method} ${request.url}`);
		response.writeHead(403).end();
	});
	proxy.on('connect', (request: IncomingMessage, socket: Socket, head: Buffer) => {
		tunnels.add(socket);
		socket.once('close', () => tunnels.delete(socket));
		if (request.url !== `${REGISTRY_HOST}:443`) {
			refused.push(`CONNECT ${request.url}`);
			socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
			return;
		}
		socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
		if (head.length > 0) socket.unshift(head);
		registry.emit('connection', new TLSSocket(socket, { isServer: true, key, cert }));
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	const address = proxy.address();
	const proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

	return {
		npmEnv: {
			npm_config_https_proxy: proxyUrl,
			npm_config_proxy: proxyUrl,
			npm_config_noproxy: '',
			npm_config_cafile: certFile,
			// n8n's own request for the version's metadata goes through the same proxy (n8n reads
			// npm_config_https_proxy too) and trusts the certificate this way.
			NODE_EXTRA_CA_CERTS: certFile,
			// A cache of its own: nothing comes from an earlier run or from the machine's cache.
			npm_config_cache: path.join(workDir, 'npm-cache'),
		},
		name: manifest.name,
		version: manifest.version,
		integrity,
		requests,
		refused,
		async close() {
			for (const socket of tunnels) socket.destroy();
			registry.closeAllConnections();
			proxy.closeAllConnections();
			await new Promise<void>((resolve) => proxy.close(() => resolve()));
		},
	};
}
