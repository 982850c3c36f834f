import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { previewWithReferenceServer } from '../../support/previewWithReferenceServer';

/**
 * The demo end to end: the built "Credits Manager" app, served by Vite's
 * preview server, against the reference server (embedded PostgreSQL, sandbox
 * payments, seeded demo account), driven by Playwright in Debian's Chromium.
 */
const demo = previewWithReferenceServer(new URL('..', import.meta.url));

async function open(): Promise<Page> {
  const page = await demo.app.browser.newPage();
  await page.goto(demo.app.url);
  await page.getByText('Current balance').waitFor();
  return page;
}

const available = async (page: Page) =>
  Number(
    (
      (await page
        .locator('[data-variant="available"] [data-slot="balance-value"]')
        .textContent()) ?? ''
    ).replace(/\D/g, ''),
  );

describe('Credits Manager demo', () => {
  it('buys a package with the saved card; balance and history update without a reload', async () => {
    const page = await open();
    const before = await available(page);
    await page.getByRole('button', { name: 'Add credits' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.getByRole('radio', { name: /Visa •••• 4242/ }).waitFor();
    await dialog.getByRole('button', { name: 'Pay $10.00' }).click();
    await dialog.getByText('+10,000 credits added').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => available(page)).toBe(before + 10_000);
    await expect
      .poll(() => page.locator('[data-slot="history-row"]').first().textContent())
      .toContain('Credit package: Starter');
    await page.close();
  });

  it('a reload during 3D Secure reopens the payment where it was: one purchase, credited once', async () => {
    const page = await open();
    const before = await available(page);
    const purchases: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/purchases$/.test(new URL(request.url()).pathname))
        purchases.push(request.headers()['idempotency-key'] ?? '');
    });
    await page.getByRole('button', { name: 'Add credits' }).first().click();
    let dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.getByRole('radio', { name: 'Use a new card' }).check();
    await dialog.getByLabel('Card number').fill('4000 0027 6000 3184');
    await dialog.getByRole('button', { name: 'Pay $10.00' }).click();
    await dialog.getByRole('button', { name: 'Complete authentication' }).waitFor();

    await page.reload();
    dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.getByRole('button', { name: 'Complete authentication' }).click();
    await dialog.getByText('+10,000 credits added').waitFor();
    await expect.poll(() => available(page)).toBe(before + 10_000);
    expect(purchases).toHaveLength(1);
    await page.close();
  });

  it('buys with a new 3D Secure card (challenge → complete)', async () => {
    const page = await open();
    const before = await available(page);
    await page.getByRole('button', { name: 'Add credits' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.getByRole('radio', { name: /^50,000 credits/ }).check();
    await dialog.getByRole('radio', { name: 'Use a new card' }).check();
    await dialog.getByLabel('Card number').fill('4000 0027 6000 3184');
    await dialog.getByRole('button', { name: 'Pay $45.00' }).click();
    await dialog.getByRole('button', { name: 'Complete authentication' }).click();
    await dialog.getByText('+50,000 credits added').waitFor();
    await expect.poll(() => available(page)).toBe(before + 50_000);
    await page.close();
  });

  it('spends credits with "Generate website"', async () => {
    const page = await open();
    const before = await available(page);
    await page.getByRole('button', { name: /Generate website/ }).click();
    await expect.poll(() => available(page)).toBe(before - 1_250);
    await expect
      .poll(() => page.locator('[data-slot="history-row"]').first().textContent())
      .toContain('Website generation');
    await page.close();
  });

  it('adds a card, makes it the default and deletes another', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Add payment method' }).click();
    const add = page.getByRole('dialog', { name: 'Add payment method' });
    await add.getByLabel('Card number').fill('5555 5555 5555 4444');
    await add.getByRole('button', { name: 'Save card' }).click();
    await expect.poll(() => page.getByText('Mastercard •••• 4444').count()).toBe(2);
    await page
      .getByRole('button', { name: 'Set as default: Mastercard •••• 4444' })
      .first()
      .click();
    await page.getByRole('button', { name: 'Delete: Visa •••• 4242' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Delete card' }).click();
    await expect.poll(() => page.getByText('Visa •••• 4242').count()).toBe(0);
    await page.close();
  });

  it('does all of it once more with the keyboard only: buy, spend, add/set default/delete a card', async () => {
    const page = await open();
    const before = await available(page);
    const trigger = page.getByRole('button', { name: 'Add credits' }).first();
    await trigger.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.getByRole('radio', { name: /10,000 credits/ }).focus();
    await page.keyboard.press('ArrowDown');
    const pay = dialog.getByRole('button', { name: 'Pay $45.00' });
    for (
      let i = 0;
      i < 20 && !(await pay.evaluate((element) => element === document.activeElement));
      i += 1
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await dialog.getByText('+50,000 credits added').waitFor();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => trigger.evaluate((element) => element === document.activeElement))
      .toBe(true);
    await expect.poll(() => available(page)).toBe(before + 50_000);

    // Spend with the keyboard.
    await page.getByRole('button', { name: /Generate website/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => available(page)).toBe(before + 50_000 - 1_250);

    // Cards with the keyboard: add one, make it the default, delete another.
    const threeDS = page.getByRole('button', { name: 'Set as default: Visa •••• 3184' });
    const before3ds = await threeDS.count();
    await page.getByRole('button', { name: 'Add payment method' }).focus();
    await page.keyboard.press('Enter');
    const add = page.getByRole('dialog', { name: 'Add payment method' });
    await add.getByLabel('Card number').focus();
    await page.keyboard.type('4000 0027 6000 3184');
    await page.keyboard.press('Enter');
    await add.getByRole('button', { name: 'Complete authentication' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => threeDS.count()).toBe(before3ds + 1);
    await threeDS.last().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => threeDS.count()).toBe(before3ds);
    const mastercards = page.getByRole('button', { name: /^Delete: Mastercard •••• 4444/ });
    const beforeDelete = await mastercards.count();
    await mastercards.first().focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    await page.keyboard.press('Tab');
    await expect
      .poll(() =>
        confirm
          .getByRole('button', { name: 'Delete card' })
          .evaluate((element) => element === document.activeElement),
      )
      .toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => mastercards.count()).toBe(beforeDelete - 1);
    await page.close();
  });
});
