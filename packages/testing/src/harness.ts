import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Page } from 'playwright-core';

/** The desktop and the widget are built when their sources changed, so browser tests never run a stale build. */
export { buildDesktop, buildWidget } from './build.ts';

const MAIN = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ADMIN_PASSWORD = 'Browser-test-admin-1';
/** Screenshots of each screen, kept as test artifacts (git-ignored). */
export const ARTIFACTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

/** Whether the browser suites can run; without Chromium they skip, and under SWITCHBOARD_CI=1 they fail. */
export function chromiumForTests(): { available: true } | { available: false; reason: string } {
  if (existsSync(CHROMIUM)) return { available: true };
  const reason = `no Chromium at ${CHROMIUM}: install Debian's chromium package (or set CHROMIUM_PATH) to run the browser tests`;
  if (process.env.SWITCHBOARD_CI === '1') throw new Error(`SWITCHBOARD_CI=1 but ${reason}`);
  return { available: false, reason };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * `switchboard start` as a user runs it: its own process, a fresh embedded database, no demo. It can be
 * stopped and started again on the same port and data, as a restart would.
 */
export class ServerProcess {
  readonly url: string;
  readonly #port: number;
  readonly #dataDir: string;
  #child: ChildProcess | null = null;
  #env: Record<string, string> = {};

  private constructor(port: number, dataDir: string) {
    this.#port = port;
    this.#dataDir = dataDir;
    this.url = `http://127.0.0.1:${port}`;
  }

  /** `env` adds to or overrides the settings below (SWITCHBOARD_DEMO: '1' for the demo center and page). */
  static async create(env: Record<string, string> = {}): Promise<ServerProcess> {
    const server = new ServerProcess(await freePort(), await mkdtemp(join(tmpdir(), 'switchboard-browser-')));
    server.#env = env;
    await server.start();
    return server;
  }

  async start(): Promise<void> {
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [MAIN, 'start'], {
      env: {
        ...inherited,
        PORT: String(this.#port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SWITCHBOARD_DEMO: '0',
        SWITCHBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
        SWITCHBOARD_DATA: this.#dataDir,
        ...this.#env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.#child = child;
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        if (line.startsWith('Switchboard listening on ')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`switchboard exited with ${code} before listening`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.#child;
    this.#child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** Ends the process at once (SIGKILL), as a crash or a pulled plug would: nothing gets to shut down. */
  async kill(): Promise<void> {
    const child = this.#child;
    this.#child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.#dataDir, { recursive: true, force: true });
  }
}

/** `args`: more of Chromium's switches (e.g. a fake microphone for calls). */
export async function launchBrowser(args: readonly string[] = []): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...args,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A browser context (a person at their own desk) that records every console error and page error. */
/** A console error as the test reports it: with the address of the resource it is about, when there is one. */
export function consoleError(message: ConsoleMessage): string {
  const { url } = message.location();
  return url && !message.text().includes(url) ? `${message.text()} (${url})` : message.text();
}

export async function desk(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(consoleError(message));
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tenant').fill('demo');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-status="live"]').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
