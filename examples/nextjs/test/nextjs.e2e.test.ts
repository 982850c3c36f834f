import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createCreditsClient, formatCredits } from 'credits-core';
import { chromium } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable } from '../../../.storybook/chromium';
import {
  type ReferenceServer,
  startReferenceServer,
} from '../../reference-server/src/startReferenceServer';

const root = fileURLToPath(new URL('..', import.meta.url));
const next = fileURLToPath(new URL('../node_modules/.bin/next', import.meta.url));
let api: ReferenceServer;
let server: ChildProcess;
let origin = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const listener = createServer().listen(0, '127.0.0.1', () => {
      const { port } = listener.address() as { port: number };
      listener.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  api = await startReferenceServer({ seedDemo: true });
  const env = { ...process.env, CREDITS_API_URL: api.origin, NEXT_TELEMETRY_DISABLED: '1' };
  execFileSync(next, ['build'], { cwd: root, env, stdio: 'pipe' });
  const port = await freePort();
  server = spawn(next, ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    env,
    stdio: 'pipe',
    detached: true,
  });
  origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (
    (await fetch(origin).then(
      (r) => r.status,
      () => 0,
    )) !== 200
  ) {
    if (Date.now() > deadline) throw new Error('next start did not answer within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 180_000);

afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  await api?.close();
});

it('the server HTML already contains the balance', async () => {
  const balance = await createCreditsClient({
    baseUrl: api.baseUrl,
    headers: { Authorization: 'Bearer nextjs' },
  }).getBalance();
  const html = await (await fetch(origin)).text();
  expect(html).toContain(`${formatCredits(balance.available, { locale: 'en-US' })} credits`);
  expect(html).toContain('data-status="success"');
  expect(html).toContain('Current balance');
});

it('hydrates without warnings and without fetching the balance again', async () => {
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
  });
  try {
    const page = await browser.newPage();
    const messages: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') messages.push(message.text());
    });
    page.on('pageerror', (error) => messages.push(error.message));
    const balanceRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/credits/v1/balance')) balanceRequests.push(request.url());
    });
    await page.goto(origin, { waitUntil: 'networkidle' });
    // Interactive: the dialog opens, so React has hydrated.
    await page.getByRole('button', { name: 'Add credits' }).first().click();
    await page.getByRole('dialog', { name: 'Add credits' }).waitFor();
    expect(messages.filter((text) => /hydrat|did not match|mismatch/i.test(text))).toEqual([]);
    expect(messages).toEqual([]);
    expect(balanceRequests).toEqual([]);
  } finally {
    await browser.close();
  }
});
