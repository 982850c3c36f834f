import { purchaseSchema, transactionPageSchema } from 'credits-core';
import { CheckSkipped, ensure } from '../CheckFailure.js';
import type { Check } from '../createCheckContext.js';
import { expectInvalid } from './errorChecks.js';
import { available, cheapestPackage, confirm, createPurchase, settle } from './sandboxPurchase.js';

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
        created.purchase.credits === pkg.credits,
        `the purchase adds ${created.purchase.credits} credits, the package ${pkg.credits}`,
        created.response,
      );
      const id = created.purchase.id;
      await confirm(context, id, 'pm_card_visa');
      // A client retrying the confirmation (a lost answer) must not pay twice.
      const { response, purchase: done } = await settle(
        context,
        await confirm(context, id, 'pm_card_visa'),
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
        response,
      );
      ensure(
        done.balance?.available === before.available + pkg.credits,
        `balance went from ${before.available} to ${done.balance?.available}, expected +${pkg.credits}`,
        response,
      );
      const again = await confirm(context, id, 'pm_card_visa');
      ensure(
        again.purchase.transaction?.id === row.id,
        'confirming again changed the purchase',
        again.response,
      );
      const after = await available(context);
      ensure(
        after.available === before.available + pkg.credits,
        `confirming a settled purchase again moved the balance to ${after.available} (expected ${before.available + pkg.credits})`,
        after.response,
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
      const first = (await createPurchase(context, pkg.id)).purchase;
      const challenged = await confirm(context, first.id, 'pm_card_threeDSecure2Required');
      ensure(
        challenged.purchase.status === 'requires_action',
        `expected requires_action, got ${challenged.purchase.status}`,
        challenged.response,
      );
      // An answer that is neither `complete` nor `fail` is refused and changes nothing.
      expectInvalid(
        context,
        await context.http('POST', `/sandbox/purchases/${first.id}/authenticate`, {
          body: { outcome: 'maybe' },
        }),
        'outcome',
      );
      const completed = await context.http('POST', `/sandbox/purchases/${first.id}/authenticate`, {
        body: { outcome: 'complete' },
      });
      if (completed.status === 409 && (await context.getConfig()).stripePublishableKey) {
        // With Stripe, only the customer's browser (Stripe.js) can answer the challenge.
        throw new CheckSkipped(
          '3D Secure is answered in the browser with Stripe.js on this backend',
        );
      }
      const done = await settle(context, {
        response: completed,
        purchase: context.parse(purchaseSchema, completed, 'sandbox authenticate'),
      });
      ensure(
        done.purchase.status === 'succeeded',
        `a completed challenge left the purchase ${done.purchase.status}`,
        done.response,
      );

      const before = await available(context);
      const second = (await createPurchase(context, pkg.id)).purchase;
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
      const after = await available(context);
      ensure(
        after.available === before.available,
        `a failed challenge moved the balance from ${before.available} to ${after.available}`,
        after.response,
      );
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
        const { response, purchase } = await confirm(context, created.purchase.id, token);
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
      const after = await available(context);
      ensure(
        after.available === before.available,
        `a declined payment moved the balance from ${before.available} to ${after.available}`,
        after.response,
      );
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
