import { expect, it } from 'vitest';
import { previewWithCreditsServer } from '../../support/previewWithCreditsServer';
import { recordCspViolations } from '../../support/recordCspViolations';

/**
 * The widgets under a strict Content-Security-Policy: no inline scripts, no
 * eval, no inline styles except the one the dialogs' scroll lock injects with
 * the host's nonce (`<CreditsProvider nonce>`). Every widget and dialog must
 * work, and the browser must report no violation.
 */
// A fixed nonce for the test; a real server generates one per response.
const nonce = 'e2e0nonce0for0csp';
const policy = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' 'nonce-${nonce}'`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const demo = previewWithCreditsServer(new URL('..', import.meta.url), {
  signIn: 'host',
  buildEnv: { CSP_NONCE: nonce },
  headers: { 'Content-Security-Policy': policy },
});

it('works under a strict CSP (no inline script or style, no eval) without a single violation', async () => {
  const page = await demo.app.browser.newPage();
  const violations = await recordCspViolations(page);
  const response = await page.goto(demo.app.url);
  expect(response?.headers()['content-security-policy']).toBe(policy);
  await page.getByText('Current balance').waitFor();
  await page.locator('[data-slot="history-row"]').first().waitFor();

  // Every dialog: buy (3D Secure challenge included), add a card, delete a card.
  await page.getByRole('button', { name: 'Add credits' }).first().click();
  const buy = page.getByRole('dialog', { name: 'Add credits' });
  await buy.getByRole('radio', { name: 'Use a new card' }).check();
  await buy.getByLabel('Card number').fill('4000 0027 6000 3184');
  await buy.getByRole('button', { name: 'Pay $10.00' }).click();
  await buy.getByRole('button', { name: 'Complete authentication' }).click();
  await buy.getByText('+10,000 credits added').waitFor();
  await buy.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Add payment method' }).click();
  const add = page.getByRole('dialog', { name: 'Add payment method' });
  await add.getByLabel('Card number').fill('5555 5555 5555 4444');
  await add.getByRole('button', { name: 'Save card' }).click();
  await expect.poll(() => page.getByText('Mastercard •••• 4444').count()).toBeGreaterThan(0);
  await page
    .getByRole('button', { name: /^Actions for / })
    .last()
    .click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

  expect(violations).toEqual([]);
  await page.close();
});
