import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable } from '../../../.storybook/chromium';
import {
  type ReferenceServer,
  startReferenceServer,
} from '../../reference-server/src/startReferenceServer';

const root = fileURLToPath(new URL('..', import.meta.url));
let api: ReferenceServer;
let app: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  api = await startReferenceServer({ seedDemo: true });
  process.env.CREDITS_API = api.origin;
  await build({ root, logLevel: 'error' });
  app = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => app?.httpServer.close(() => resolve()));
  await api?.close();
});

it('credits-core alone shows the balance and history and completes a 3D Secure sandbox purchase', async () => {
  const page = await browser.newPage();
  await page.goto(app.resolvedUrls?.local[0] ?? '');
  const available = page.locator('#available');
  await expect.poll(() => available.textContent()).toMatch(/^[\d,]+ credits$/);
  const before = Number((await available.textContent())?.replace(/\D/g, ''));
  await expect.poll(() => page.locator('#history tr').count()).toBe(10);
  await page.getByLabel('Test card number').fill('4000 0027 6000 3184');
  await page.getByRole('button', { name: 'Buy credits' }).click();
  await page.getByRole('button', { name: 'Complete authentication' }).click();
  await expect.poll(() => page.locator('#status').textContent()).toBe('Added 10,000 credits.');
  await expect
    .poll(async () => Number((await available.textContent())?.replace(/\D/g, '')))
    .toBe(before + 10_000);
  await expect
    .poll(() => page.locator('#history tr').first().textContent())
    .toContain('Credit package: Starter');
});
