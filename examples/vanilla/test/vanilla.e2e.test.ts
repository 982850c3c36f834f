import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ReferenceServer,
  startReferenceServer,
} from '../../reference-server/src/startReferenceServer';
import { type PreviewedExample, previewExample } from '../../support/previewExample';

let api: ReferenceServer;
let app: PreviewedExample;

beforeAll(async () => {
  api = await startReferenceServer({ seedDemo: true });
  app = await previewExample(new URL('..', import.meta.url), { creditsApi: api.origin });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await api?.close();
});

it('credits-core alone shows the balance and history and completes a 3D Secure sandbox purchase', async () => {
  const page = await app.browser.newPage();
  await page.goto(app.url);
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
