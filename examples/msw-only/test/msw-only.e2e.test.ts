import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable } from '../../../.storybook/chromium';

const root = fileURLToPath(new URL('..', import.meta.url));
let app: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  await build({ root, logLevel: 'error' });
  app = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => app?.httpServer.close(() => resolve()));
});

it('runs the whole dashboard on credits-msw in a service worker: buy, then spend', async () => {
  const page = await browser.newPage();
  await page.goto(app.resolvedUrls?.local[0] ?? '');
  const value = page.locator('[data-variant="available"] [data-slot="balance-value"]');
  await value.waitFor();
  const read = async () => Number(((await value.textContent()) ?? '').replace(/\D/g, ''));
  const before = await read();
  await page.getByRole('button', { name: 'Add credits' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add credits' });
  await dialog.getByRole('button', { name: 'Pay $10.00' }).click();
  await dialog.getByText('+10,000 credits added').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect.poll(read).toBe(before + 10_000);
  await page.getByRole('button', { name: /Generate website/ }).click();
  await expect.poll(read).toBe(before + 10_000 - 1_250);
});
