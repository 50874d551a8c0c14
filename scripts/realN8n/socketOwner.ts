/**
 * Which process sent a request: the kernel's table of TCP sockets (/proc/net/tcp) names the
 * socket whose local end is the client's port, and the process holding that socket has it
 * among its file descriptors (/proc/<pid>/fd → socket:[inode]). Linux only; read while the
 * connection is open (as a request arrives).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** The inode of the IPv4/IPv6 socket whose local port is `localPort` and remote port `remotePort`. */
function socketInode(localPort: number, remotePort: number): string | undefined {
	const local = localPort.toString(16).toUpperCase().padStart(4, '0');
	const remote = remotePort.toString(16).toUpperCase().padStart(4, '0');
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text: string;
		try {
			text = readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const fields = line.trim().split(/\s+/);
			if (fields.length < 10) continue;
			if (fields[1].endsWith(`:${local}`) && fields[2].endsWith(`:${remote}`)) return fields[9];
		}
	}
	return undefined;
}

function holdsSocket(pid: number, inode: string): boolean {
	const wanted = `socket:[${inode}]`;
	let fds: string[];
	try {
		fds = readdirSync(`/proc/${pid}/fd`);
	} catch {
		return false;
	}
	return fds.some((fd) => {
		try {
			return readlinkSync(`/proc/${pid}/fd/${fd}`) === wanted;
		} catch {
			return false;
		}
	});
}

/**
 * The first of `candidates` (pids) holding the client end of a connection to `serverPort`
 * from `clientPort`, or undefined when none does (or the connection is gone). Found owners
 * are remembered by socket inode, so a kept-alive connection is looked up once.
 */
export class SocketOwners {
	private readonly owners = new Map<string, number>();

	ownerOf(clientPort: number, serverPort: number, candidates: readonly number[]): number | undefined {
		const inode = socketInode(clientPort, serverPort);
		if (inode === undefined || inode === '0') return undefined;
		const known = this.owners.get(inode);
		if (known !== undefined) return known;
		const owner = candidates.find((pid) => holdsSocket(pid, inode));
		if (owner !== undefined) this.owners.set(inode, owner);
		return owner;
	}
}
