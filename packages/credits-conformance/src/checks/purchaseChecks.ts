import {
  balanceSchema,
  isPurchaseSettled,
  type Purchase,
  purchaseSchema,
  transactionPageSchema,
} from 'credits-core';
import { CheckSkipped, ensure } from '../CheckFailure.js';
import type { Check, CheckContext } from '../createCheckContext.js';

async function available(context: CheckContext) {
  return context.parse(balanceSchema, await context.http('GET', '/balance'), 'GET /balance')
    .available;
}

async function cheapestPackage(context: CheckContext) {
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

async function createPurchase(context: CheckContext, packageId: string) {
  const response = await context.http('POST', '/purchases', {
    body: { packageId },
    headers: { 'Idempotency-Key': context.key() },
  });
  return context.parse(purchaseSchema, response, 'POST /purchases');
}

async function confirm(context: CheckContext, id: string, paymentMethod: string) {
  const response = await context.http(
    'POST',
    `/sandbox/purchases/${encodeURIComponent(id)}/confirm`,
    { body: { paymentMethod } },
  );
  return { response, purchase: context.parse(purchaseSchema, response, 'sandbox confirm') };
}

/** Polls like a client would, with backoff, until the purchase settles (the webhook may be late). */
async function settle(context: CheckContext, purchase: Purchase): Promise<Purchase> {
  let current = purchase;
  let wait = 100;
  const deadline = Date.now() + context.settleTimeoutMs;
  while (!isPurchaseSettled(current.status)) {
    ensure(
      Date.now() < deadline,
      `the purchase was still ${current.status} after ${context.settleTimeoutMs} ms`,
    );
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 2_000);
    current = context.parse(
      purchaseSchema,
      await context.http('GET', `/purchases/${encodeURIComponent(current.id)}`),
      'GET /purchases/{id}',
    );
  }
  return current;
}

export const purchaseChecks: Check[] = [
  {
    id: 'purchase.sandboxLifecycle',
    title: 'A sandbox purchase adds its credits and one ledger row, exactly once',
    async run(context) {
      await context.requireTestMode();
      const pkg = await cheapestPackage(context);
      const before = await available(context);
      const created = await createPurchase(context, pkg.id);
      ensure(
        created.credits === pkg.credits,
        `the purchase adds ${created.credits} credits, the package ${pkg.credits}`,
      );
      const { response } = await confirm(context, created.id, 'pm_card_visa');
      const done = await settle(
        context,
        (await confirm(context, created.id, 'pm_card_visa')).purchase,
      );
      ensure(
        done.status === 'succeeded',
        `pm_card_visa left the purchase ${done.status}`,
        response,
      );
      const row = done.transaction;
      ensure(
        row?.amount === pkg.credits && row.purchaseId === done.id,
        'the succeeded purchase does not carry its ledger row',
      );
      ensure(
        done.balance?.available === before + pkg.credits,
        `balance went from ${before} to ${done.balance?.available}, expected +${pkg.credits}`,
      );
      const again = await confirm(context, created.id, 'pm_card_visa');
      ensure(
        again.purchase.transaction?.id === row.id,
        'confirming again changed the purchase',
        again.response,
      );
      ensure(
        (await available(context)) === before + pkg.credits,
        'confirming a settled purchase again moved the balance',
      );
      const ledger = await context.http('GET', '/transactions', {
        query: { type: 'purchase', limit: (await context.getConfig()).limits.maxPageSize },
      });
      const rows = context
        .parse(transactionPageSchema, ledger, 'GET /transactions')
        .data.filter((row) => row.purchaseId === done.id);
      ensure(rows.length === 1, `the purchase has ${rows.length} ledger rows`, ledger);
    },
  },
  {
    id: 'purchase.threeDSecure',
    title: '3D Secure: requires_action, then complete succeeds and fail does not charge',
    async run(context) {
      await context.requireTestMode();
      const pkg = await cheapestPackage(context);
      const first = await createPurchase(context, pkg.id);
      const challenged = await confirm(context, first.id, 'pm_card_threeDSecure2Required');
      ensure(
        challenged.purchase.status === 'requires_action',
        `expected requires_action, got ${challenged.purchase.status}`,
        challenged.response,
      );
      const completed = await context.http('POST', `/sandbox/purchases/${first.id}/authenticate`, {
        body: { outcome: 'complete' },
      });
      const done = await settle(
        context,
        context.parse(purchaseSchema, completed, 'sandbox authenticate'),
      );
      ensure(
        done.status === 'succeeded',
        `a completed challenge left the purchase ${done.status}`,
        completed,
      );

      const before = await available(context);
      const second = await createPurchase(context, pkg.id);
      await confirm(context, second.id, 'pm_card_threeDSecure2Required');
      const failedResponse = await context.http(
        'POST',
        `/sandbox/purchases/${second.id}/authenticate`,
        { body: { outcome: 'fail' } },
      );
      const failed = context.parse(purchaseSchema, failedResponse, 'sandbox authenticate');
      ensure(failed.status !== 'succeeded', 'a failed challenge still succeeded', failedResponse);
      ensure(
        failed.failure?.code === 'authentication_failed',
        `expected failure.code authentication_failed, got ${failed.failure?.code}`,
        failedResponse,
      );
      ensure((await available(context)) === before, 'a failed challenge moved the balance');
    },
  },
  {
    id: 'purchase.declines',
    title: 'Decline tokens leave the purchase payable with failure.code set and grant nothing',
    async run(context) {
      await context.requireTestMode();
      const pkg = await cheapestPackage(context);
      const before = await available(context);
      for (const [token, code] of [
        ['pm_card_visa_chargeDeclined', 'card_declined'],
        ['pm_card_visa_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
      ] as const) {
        const created = await createPurchase(context, pkg.id);
        const { response, purchase } = await confirm(context, created.id, token);
        ensure(
          purchase.status === 'requires_payment_method',
          `${token} left the purchase ${purchase.status}`,
          response,
        );
        ensure(
          purchase.failure?.code === code,
          `${token}: expected failure.code ${code}, got ${purchase.failure?.code}`,
          response,
        );
      }
      ensure((await available(context)) === before, 'a declined payment moved the balance');
    },
  },
  {
    id: 'sandbox.liveModeRefused',
    title: 'In live mode, sandbox operations are a 403 sandbox_unavailable problem',
    async run(context) {
      if ((await context.getConfig()).mode !== 'live')
        throw new CheckSkipped('the backend is in test mode');
      const response = await context.http('POST', '/sandbox/purchases/any/confirm', {
        body: { paymentMethod: 'pm_card_visa' },
      });
      context.expectProblem(response, 403, 'sandbox_unavailable');
    },
  },
];
