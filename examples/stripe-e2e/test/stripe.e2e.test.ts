import { type StartedCreditsServer, startCreditsServer } from 'credits-server';
import type { Page } from 'playwright';
import { type StripeStandIn, startStripeStandIn } from 'stripe-stand-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserCall,
  overHttp,
  rechargeSettings,
  serverCall,
} from '../../../packages/credits-server/test/autoRechargeHelpers';
import { TEST_API_KEY } from '../../../packages/credits-server/test/serverApiKey';
import {
  standInSettings,
  WEBHOOK_SECRET,
} from '../../../packages/credits-server/test/stripeStandInSettings';
import { type PreviewedExample, previewExample } from '../../support/previewExample';
import { recordCspViolations } from '../../support/recordCspViolations';

/**
 * A new card paid through the Stripe path, end to end in Chromium: the widget → the Stripe.js
 * stand-in (stripe-stand-in/browser, injected through CreditsProvider's `stripe` prop) → the
 * Stripe API stand-in over HTTP → credits-server in Stripe mode (STRIPE_API_BASE at the
 * stand-in, a webhook secret set) → a signed webhook from the stand-in → the new balance.
 * The page runs under a Content-Security-Policy that lists Stripe's hosts as Stripe documents
 * them (https://docs.stripe.com/security/guide#content-security-policy) plus the stand-in's
 * loopback origin standing in for api.stripe.com and hooks.stripe.com; any violation fails.
 * Last, auto-recharge's off-session charge that needs 3D Secure, recovered from BalanceCards'
 * status line (`<AutoRechargeStatus />`) with "Complete payment".
 */
const nonce = 'e2e0stripe0nonce';
const policy = (standIn: string) =>
  [
    "default-src 'self'",
    "script-src 'self' https://js.stripe.com https://*.js.stripe.com https://maps.googleapis.com",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: https://*.stripe.com",
    `connect-src 'self' https://api.stripe.com https://maps.googleapis.com ${standIn}`,
    `frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com ${standIn}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/** Waits for a state, never a fixed delay: generous, for 2 busy cores (a webhook, a lazy chunk). */
const settled = { timeout: 30_000, interval: 100 };

let standIn: StripeStandIn;
let server: StartedCreditsServer;
let app: PreviewedExample;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  server = await startCreditsServer({
    stripeSettings: standInSettings(standIn),
    // Only the webhook may credit here: the sweep never runs.
    reconcileIntervalMs: 0,
    // The host's backend meters usage (the debit that crosses auto-recharge's threshold).
    serverApiKeys: [TEST_API_KEY],
  });
  standIn.addWebhookEndpoint(`${server.origin}/webhooks/stripe`, WEBHOOK_SECRET);
  app = await previewExample(new URL('..', import.meta.url), {
    creditsApi: server.origin,
    buildEnv: {
      CSP_NONCE: nonce,
      VITE_STRIPE_API: standIn.origin,
      VITE_STRIPE_PUBLISHABLE_KEY: standIn.publishableKey,
    },
    headers: { 'Content-Security-Policy': policy(standIn.origin) },
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await server?.close();
  await standIn?.close();
});

/** A page signed in as `account`, recording every CSP violation, once it shows `credits`. */
async function open(
  account: string,
  credits = '0 credits',
): Promise<{ page: Page; violations: string[] }> {
  const page = await app.browser.newPage();
  const violations = await recordCspViolations(page);
  const response = await page.goto(`${app.url}/?account=${account}`);
  expect(response?.headers()['content-security-policy']).toBe(policy(standIn.origin));
  await expect.poll(() => balance(page), settled).toBe(credits);
  return { page, violations };
}

const balance = (page: Page) =>
  page
    .locator('[data-slot="balance-card"][data-variant="available"] [data-slot="balance-value"]')
    .textContent()
    .then(
      (text) => text?.trim() ?? '',
      () => '',
    );

/** Opens the purchase dialog and types a new card into the Payment Element (the stand-in's inputs). */
async function typeNewCard(page: Page, number: string) {
  const dialog = page.getByRole('dialog', { name: 'Add credits' });
  if (!(await dialog.isVisible())) {
    await page.getByRole('button', { name: 'Add credits' }).first().click();
  }
  await dialog.getByLabel('Card number').fill(number);
  await dialog.getByLabel('Expiration date').fill('12 / 34');
  await dialog.getByLabel('Security code').fill('123');
  return dialog;
}

async function pay(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Add credits' });
  const button = dialog.getByRole('button', { name: 'Pay $10.00' });
  await expect.poll(() => button.isEnabled(), settled).toBe(true);
  await button.click();
  return dialog;
}

/** Closes the dialog after a success and waits for the balance the webhook credited. */
async function done(page: Page, expected: string) {
  const dialog = page.getByRole('dialog', { name: 'Add credits' });
  await dialog.getByText('+10,000 credits added').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => balance(page), settled).toBe(expected);
}

describe('a new card through the Stripe path, under Stripe’s CSP', () => {
  it('pays: the webhook credits the purchase and the new balance shows', async () => {
    const { page, violations } = await open('acct_stripe_plain');
    await typeNewCard(page, '4242 4242 4242 4242');
    await pay(page);
    await done(page, '10,000 credits');
    // It went through Stripe: the PaymentIntent was confirmed with the publishable key, and
    // the server heard of it by the signed webhook.
    const confirm = standIn.requests.find(
      (r) => r.method === 'POST' && /\/v1\/payment_intents\/[^/]+\/confirm$/.test(r.path),
    );
    expect(confirm?.body).toMatchObject({
      key: standIn.publishableKey,
      'payment_method_data[card][number]': '4242424242424242',
    });
    // The signed payment_intent.succeeded webhook reached the server, which took it.
    await standIn.webhooksDelivered();
    expect(
      standIn.webhookDeliveries
        .filter((d) => d.type === 'payment_intent.succeeded')
        .map((d) => d.status),
    ).toEqual([200]);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('3D Secure: the challenge opens in Stripe’s frame; completing it pays', async () => {
    const { page, violations } = await open('acct_stripe_3ds');
    await typeNewCard(page, '4000 0027 6000 3184');
    await pay(page);
    await page.getByRole('dialog', { name: '3D Secure authentication' }).waitFor();
    const challenge = page.frameLocator('iframe[title="3D Secure 2 Test Page"]');
    await challenge.getByRole('button', { name: 'Complete' }).click();
    await done(page, '10,000 credits');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('a decline: the user sees why, and pays with another card', async () => {
    const { page, violations } = await open('acct_stripe_decline');
    const dialog = await typeNewCard(page, '4000 0000 0000 0002');
    await pay(page);
    await expect
      .poll(() => dialog.getByRole('alert').allTextContents(), settled)
      .toContain('Your card was declined.');
    expect(await balance(page)).toBe('0 credits');
    await typeNewCard(page, '5555 5555 5555 4444');
    await pay(page);
    await done(page, '10,000 credits');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('adds a card through a SetupIntent (confirmSetup): listed once', async () => {
    const { page, violations } = await open('acct_stripe_setup');
    await page.getByRole('button', { name: 'Add payment method' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add payment method' });
    await dialog.getByLabel('Card number').fill('4242 4242 4242 4242');
    await dialog.getByLabel('Expiration date').fill('12 / 34');
    await dialog.getByLabel('Security code').fill('123');
    await dialog.getByRole('button', { name: 'Save card' }).click();
    const saved = page.locator('[data-slot="payment-method"]');
    await expect
      .poll(() => saved.allTextContents(), settled)
      .toEqual([expect.stringContaining('Visa •••• 4242')]);
    expect(standIn.requests.some((r) => /^\/v1\/setup_intents\/[^/]+\/confirm$/.test(r.path))).toBe(
      true,
    );
    expect(violations).toEqual([]);
    await page.close();
  });

  it('“save card”: the card is saved once and listed among the saved cards', async () => {
    const { page, violations } = await open('acct_stripe_save');
    const dialog = await typeNewCard(page, '5555 5555 5555 4444');
    await dialog.getByRole('checkbox', { name: 'Save this card for future purchases' }).check();
    await pay(page);
    await done(page, '10,000 credits');
    const saved = page.locator('[data-slot="payment-method"]');
    await expect
      .poll(() => saved.allTextContents(), settled)
      .toEqual([expect.stringContaining('Mastercard •••• 4444')]);
    // Still once after every webhook and a fresh read: one card at Stripe, one in the list.
    await standIn.webhooksDelivered();
    await page.reload();
    await expect
      .poll(() => saved.allTextContents(), settled)
      .toEqual([expect.stringContaining('Mastercard •••• 4444')]);
    const customer = standIn.paymentIntents().at(-1)?.customer;
    expect(standIn.paymentMethods().filter((m) => m.customer === customer)).toHaveLength(1);
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('auto-recharge’s off-session 3D Secure, recovered in one click', () => {
  it('“Complete payment” under the balance opens the challenge in Stripe’s frame; completing it credits the package once', async () => {
    // The page signs in as `stripe_recharge` (demo sign-in: the account `acct_stripe_recharge`).
    const id = 'acct_stripe_recharge';
    const send = overHttp(() => server.baseUrl);
    const asUser = async (method: string, path: string, body?: unknown) =>
      (await browserCall(send, id, method, path, body)).body;
    // 3,000 credits, and a saved card that always asks for 3D Secure (4000 0027 6000 3184,
    // https://docs.stripe.com/testing#regulatory-cards), so an off-session charge is declined
    // with `authentication_required`; then auto-recharge on: below 2,000, buy 10,000 for $10.00.
    expect(
      (await serverCall(send, id, '/grants', { credits: 3_000, reason: 'Starting credits' }))
        .status,
    ).toBe(201);
    const setup = await asUser('POST', '/setup-intents');
    const saved = await standIn.confirmSetupAsBrowser(
      setup.clientSecret,
      'pm_card_threeDSecure2Required',
    );
    if (saved.status === 'requires_action') standIn.authenticate(String(saved.id), 'complete');
    expect((await asUser('PUT', '/auto-recharge', rechargeSettings())).status.state).toBe('active');
    // Usage crosses the threshold: the off-session charge asks for the customer's 3D Secure.
    expect(
      (await serverCall(send, id, '/usage', { credits: 1_500, description: 'Website generation' }))
        .status,
    ).toBe(201);
    await expect
      .poll(async () => (await asUser('GET', '/auto-recharge')).status.state, settled)
      .toBe('needs_action');
    const { actionPurchaseId } = (await asUser('GET', '/auto-recharge')).status;
    const intent = standIn.paymentIntentFor(actionPurchaseId);
    expect(intent).toMatchObject({ status: 'requires_action', amount: 1_000 });
    const created = standIn.requests.find(
      (r) =>
        r.path === '/v1/payment_intents' && r.body['metadata[purchaseId]'] === actionPurchaseId,
    );
    expect(created?.body).toMatchObject({ confirm: 'true', off_session: 'true' });

    const { page, violations } = await open('stripe_recharge', '1,500 credits');
    const line = page.locator('[data-slot="balance-auto-recharge"]');
    const lineText = () => line.allTextContents().then((texts) => texts.join(''));
    await expect.poll(lineText, settled).toContain('Auto-recharge needs your action');
    await line.getByRole('button', { name: 'Complete payment' }).click();
    await page.getByRole('dialog', { name: '3D Secure authentication' }).waitFor();
    const challenge = page.frameLocator('iframe[title="3D Secure 2 Test Page"]');
    await challenge.getByRole('button', { name: 'Complete' }).click();
    await done(page, '11,500 credits');
    // The page's Stripe.js (handleNextAction) drove the off-session PaymentIntent to success.
    expect(standIn.paymentIntentFor(actionPurchaseId)?.status).toBe('succeeded');
    expect(
      standIn.requests.some(
        (r) =>
          r.method === 'GET' &&
          r.path === `/v1/payment_intents/${intent?.id}` &&
          r.query.client_secret === intent?.client_secret,
      ),
    ).toBe(true);

    // Credited once: one ledger row for the purchase, the balance up by the package exactly,
    // however many webhooks arrived; the line no longer asks for action.
    await standIn.webhooksDelivered();
    const ledger = await asUser('GET', '/transactions');
    expect(
      ledger.data.filter((row: { purchaseId: string }) => row.purchaseId === actionPurchaseId),
    ).toEqual([expect.objectContaining({ amount: 10_000 })]);
    expect((await asUser('GET', '/balance')).available).toBe(11_500);
    await expect.poll(lineText, settled).toBe('Auto-recharge on · $10.00 of $50.00 this month');
    expect(await line.getByRole('button', { name: 'Complete payment' }).count()).toBe(0);
    expect((await asUser('GET', '/auto-recharge')).status).toMatchObject({
      state: 'active',
      actionPurchaseId: null,
    });
    await page.reload();
    await expect.poll(() => balance(page), settled).toBe('11,500 credits');
    expect(violations).toEqual([]);
    await page.close();
  });
});
