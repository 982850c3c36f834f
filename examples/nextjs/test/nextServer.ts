import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type ConsoleMessage, chromium, type Page } from 'playwright';
import { chromiumArgs, chromiumExecutable } from '../../../.storybook/chromium';

/** The example's directory and its own `next` binary. */
export const root = fileURLToPath(new URL('..', import.meta.url));
export const nextBin = fileURLToPath(new URL('../node_modules/.bin/next', import.meta.url));

/** What React and Next print about a server/client mismatch (React 18 and 19 wordings). */
export const hydrationWarning =
  /hydrat|did not match|didn't match|does not match|mismatch|server rendered (html|text)/i;

/** A free port on the loopback interface. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const listener = createServer().listen(0, '127.0.0.1', () => {
      const { port } = listener.address() as { port: number };
      listener.close(() => resolve(port));
    });
  });

export interface NextServer {
  origin: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  /** Stops the whole process group and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Runs `next <command>` on 127.0.0.1 and a free port in its own process group,
 * and resolves once `/` answers 200 (for `next dev`, after the first compile).
 */
export async function startNext(
  command: 'start' | 'dev',
  env: NodeJS.ProcessEnv,
  { extraArgs = [], readyWithinMs = 30_000 }: { extraArgs?: string[]; readyWithinMs?: number } = {},
): Promise<NextServer> {
  const port = await freePort();
  const child = spawn(nextBin, [command, '-H', '127.0.0.1', '-p', String(port), ...extraArgs], {
    cwd: root,
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  const stop = async () => {
    if (exitCode !== undefined || !child.pid) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {}
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyWithinMs;
  try {
    while (
      (await fetch(origin).then(
        (response) => response.status,
        () => 0,
      )) !== 200
    ) {
      if (exitCode !== undefined) throw new Error(`next ${command} exited (${exitCode})`);
      if (Date.now() > deadline) {
        throw new Error(`next ${command} did not answer 200 within ${readyWithinMs / 1000} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { origin, output: () => output, stop };
}

/** Collects the page's console errors and warnings and its uncaught errors. */
/** Opens a page in Debian's Chromium, hands it and its console problems to `run`, then closes it. */
export async function withPage(run: (page: Page, messages: string[]) => Promise<void>) {
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
  });
  try {
    const page = await browser.newPage();
    await run(page, collectConsoleProblems(page));
  } finally {
    await browser.close();
  }
}

export function collectConsoleProblems(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') messages.push(message.text());
  });
  page.on('pageerror', (error) => messages.push(error.message));
  return messages;
}
