import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

export interface Running {
  child: ChildProcess;
  url: string;
  lines: string[];
  stop(): Promise<number | null>;
}

/** Runs `switchboard start` and resolves once it prints its listening line. */
export async function startSwitchboard(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [MAIN, 'start'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      lines.push(line);
      const match = /^Switchboard listening on (http:\/\/\S+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`switchboard exited with ${code} before listening: ${stderr}`)),
    );
  });
  return {
    child,
    url,
    lines,
    stop: async () => {
      // A process killed by a signal has no exit code, only a signal code; either means it is gone.
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      // 'close' comes once its output is read to the end, so `lines` then holds every line it printed.
      const [code] = await once(child, 'close');
      return code as number | null;
    },
  };
}

/** Runs a CLI command to completion and returns its exit code and output. */
export async function runCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}

export async function login(url: string, tenant: string, username: string, password: string) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant, username, password }),
  });
  return { status: response.status, body: (await response.json()) as { accessToken?: string } };
}
