import { createCreditsClient, formatCredits } from 'credits-core';
import { type StartedCreditsServer, startCreditsServer } from 'credits-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hydrationWarning, type NextServer, startNext, withPage } from './nextServer';

/**
 * React prints its hydration warnings (attribute and text mismatches) only in
 * development builds, so the production test cannot see them: this one loads the
 * page from `next dev`.
 */
let api: StartedCreditsServer;
let server: NextServer | undefined;

beforeAll(async () => {
  api = await startCreditsServer({ seedDemo: true });
  // The first request compiles the page: on two busy cores that can take a minute.
  // NODE_ENV: Vitest sets `test`, which `next dev` takes for a build and then
  // rewrites tsconfig.json with build-mode type paths.
  server = await startNext(
    'dev',
    { ...process.env, NODE_ENV: 'development', CREDITS_API_URL: api.origin },
    { readyWithinMs: 150_000 },
  );
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await api?.close();
}, 30_000);

it('hydrates in development without hydration warnings', async () => {
  const dev = server;
  if (!dev) throw new Error('next dev is not running');
  const balance = await createCreditsClient({
    baseUrl: api.baseUrl,
    headers: { Authorization: 'Bearer nextjs' },
  }).getBalance();
  await withPage(async (page, messages) => {
    await page.goto(dev.origin, { waitUntil: 'load' });
    await page
      .getByText(`${formatCredits(balance.available, { locale: 'en-US' })} credits`)
      .first()
      .waitFor({ state: 'visible' });
    // Interactive: the dialog opens, so React has hydrated (and reported any mismatch).
    await page.getByRole('button', { name: 'Add credits' }).click();
    await page.getByRole('dialog', { name: 'Add credits' }).waitFor();
    const hydration = messages.filter((text) => hydrationWarning.test(text));
    expect(hydration, `console:\n${messages.join('\n')}\nnext dev:\n${dev.output()}`).toEqual([]);
  });
});
