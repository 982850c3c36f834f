import { expect, it } from 'vitest';
import { previewWithCreditsServer } from '../../support/previewWithCreditsServer';

const demo = previewWithCreditsServer(new URL('..', import.meta.url));

it('credits-core alone shows the balance and history and completes a 3D Secure sandbox purchase', async () => {
  const page = await demo.app.browser.newPage();
  await page.goto(demo.app.url);
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
