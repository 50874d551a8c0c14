import { spawn } from 'node:child_process';

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Each line of output, as it comes; without it, output is only collected. */
	log?: (line: string) => void;
}

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs a command asynchronously (a test server in this process keeps answering meanwhile). */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
		let stdout = '';
		let stderr = '';
		const forward = (chunk: Buffer) => {
			if (!options.log) return;
			for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') options.log(line);
		};
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString('utf8');
			forward(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString('utf8');
			forward(chunk);
		});
		child.on('error', reject);
		child.on('close', (code) => {
			const result = { code: code ?? 1, stdout, stderr };
			if (result.code === 0) resolve(result);
			else reject(Object.assign(new Error(`${command} ${args.join(' ')} exited with ${result.code}\n${stderr.slice(-4000)}`), result));
		});
	});
}
