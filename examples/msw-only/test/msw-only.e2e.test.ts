import { afterAll, beforeAll, expect, it } from 'vitest';
import { type PreviewedExample, previewExample } from '../../support/previewExample';

let app: PreviewedExample;

beforeAll(async () => {
  app = await previewExample(new URL('..', import.meta.url));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

it('runs the whole dashboard on credits-msw in a service worker: buy, then spend', async () => {
  const page = await app.browser.newPage();
  await page.goto(app.url);
  const value = page.locator('[data-variant="available"] [data-slot="balance-value"]');
  await value.waitFor();
  const read = async () => Number(((await value.textContent()) ?? '').replace(/\D/g, ''));
  const before = await read();
  await page.getByRole('button', { name: 'Add credits' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add credits' });
  await dialog.getByRole('button', { name: 'Pay $10.00' }).click();
  await dialog.getByText('+10,000 credits added').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect.poll(read).toBe(before + 10_000);
  await page.getByRole('button', { name: /Generate website/ }).click();
  await expect.poll(read).toBe(before + 10_000 - 1_250);
});
