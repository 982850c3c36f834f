import { execFileSync } from 'node:child_process';
import { createCreditsClient, formatCredits } from 'credits-core';
import { type StartedCreditsServer, startCreditsServer } from 'credits-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  hydrationWarning,
  type NextServer,
  nextBin,
  root,
  startNext,
  withPage,
} from './nextServer';

let api: StartedCreditsServer;
let server: NextServer | undefined;
let origin = '';

beforeAll(async () => {
  api = await startCreditsServer({ seedDemo: true });
  const env = { ...process.env, CREDITS_API_URL: api.origin, NEXT_TELEMETRY_DISABLED: '1' };
  execFileSync(nextBin, ['build'], { cwd: root, env, stdio: 'pipe' });
  server = await startNext('start', env);
  origin = server.origin;
}, 180_000);

afterAll(async () => {
  await server?.stop();
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

// A production build: React stays silent about attribute mismatches here, which
// nextjs-dev.e2e.test.ts checks against `next dev`.
it('hydrates without warnings and without fetching the balance again', async () => {
  await withPage(async (page, messages) => {
    const balanceRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/credits/v1/balance')) balanceRequests.push(request.url());
    });
    // Not 'networkidle': the live event stream (GET /events) keeps a connection open for good.
    await page.goto(origin, { waitUntil: 'load' });
    // Interactive: the dialog opens, so React has hydrated.
    await page.getByRole('button', { name: 'Add credits' }).click();
    await page.getByRole('dialog', { name: 'Add credits' }).waitFor();
    expect(messages.filter((text) => hydrationWarning.test(text))).toEqual([]);
    expect(messages).toEqual([]);
    expect(balanceRequests).toEqual([]);
  });
});
