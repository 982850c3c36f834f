import { balanceSchema, isPurchaseSettled, type Purchase, purchaseSchema } from 'credits-core';
import { CheckFailure, CheckSkipped, ensure } from '../CheckFailure.js';
import type { CheckContext } from '../createCheckContext.js';
import type { HttpResponse } from '../createHttp.js';

/** `GET /balance`: the available and held credits and the exchange that said so. */
export async function available(context: CheckContext) {
  const response = await context.http('GET', '/balance');
  const balance = context.parse(balanceSchema, response, 'GET /balance');
  return { response, available: balance.available, held: balance.held };
}

export async function cheapestPackage(context: CheckContext) {
  const response = await context.http('GET', '/packages');
  const packages = (
    (response.json as { data?: { id: string; credits: number; price: { amount: number } }[] })
      ?.data ?? []
  )
    .slice()
    .sort((a, b) => a.price.amount - b.price.amount);
  const cheapest = packages[0];
  ensure(cheapest, 'no packages to buy', response);
  return cheapest;
}

export async function createPurchase(context: CheckContext, packageId: string) {
  const response = await context.http('POST', '/purchases', {
    body: { packageId },
    headers: { 'Idempotency-Key': context.key() },
  });
  return { response, purchase: context.parse(purchaseSchema, response, 'POST /purchases') };
}

export async function confirm(context: CheckContext, id: string, paymentMethod: string) {
  const response = await context.http(
    'POST',
    `/sandbox/purchases/${encodeURIComponent(id)}/confirm`,
    { body: { paymentMethod } },
  );
  return { response, purchase: context.parse(purchaseSchema, response, 'sandbox confirm') };
}

/**
 * Polls like a client would, with backoff, until the purchase settles (the webhook may be late).
 * Returns the settled purchase and the exchange that showed it (`response` when it had settled).
 */
export async function settle(
  context: CheckContext,
  start: { response: HttpResponse; purchase: Purchase },
): Promise<{ response: HttpResponse; purchase: Purchase }> {
  let current = start;
  let wait = 100;
  const deadline = Date.now() + context.settleTimeoutMs;
  while (!isPurchaseSettled(current.purchase.status)) {
    ensure(
      Date.now() < deadline,
      `the purchase was still ${current.purchase.status} after ${context.settleTimeoutMs} ms`,
      current.response,
    );
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 2_000);
    const response = await context.http(
      'GET',
      `/purchases/${encodeURIComponent(current.purchase.id)}`,
    );
    current = {
      response,
      purchase: context.parse(purchaseSchema, response, 'GET /purchases/{id}'),
    };
  }
  return current;
}

/**
 * Buys the cheapest package with `pm_card_visa` through the sandbox (test mode only), so a
 * check that reads the ledger has rows to read. A backend that rate-limits the purchases
 * (429) skips the check that needed them; any other failure fails it.
 */
export async function buyWithSandbox(context: CheckContext, why: string): Promise<void> {
  try {
    const pkg = await cheapestPackage(context);
    const created = await createPurchase(context, pkg.id);
    const done = await settle(context, await confirm(context, created.purchase.id, 'pm_card_visa'));
    ensure(
      done.purchase.status === 'succeeded',
      `pm_card_visa left the purchase ${done.purchase.status}`,
      done.response,
    );
  } catch (error) {
    if (error instanceof CheckFailure && error.exchange?.status === 429) {
      throw new CheckSkipped(
        `${why}, but the backend rate-limited the sandbox purchases that would create them (429)`,
      );
    }
    if (error instanceof CheckFailure) {
      throw new CheckFailure(
        `a sandbox purchase (to have ledger rows to check) failed: ${error.message}`,
        error.exchange,
      );
    }
    throw error;
  }
}
