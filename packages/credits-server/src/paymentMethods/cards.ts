import { randomUUID } from 'node:crypto';
import type { PaymentMethod } from 'credits-core';
import { sandboxCardForToken } from 'credits-core/sandbox';
import { assertDeletable, ProblemError } from 'credits-core/server';
import { lockAccount } from '../data/accountsData.js';
import {
  cardDefaults,
  deleteCard,
  insertCard,
  listCards,
  moveDefault,
  savedCard,
} from '../data/paymentMethodsData.js';
import type { Executor } from '../data/rows.js';
import type { ServiceContext } from '../serviceContext.js';
import {
  ensureCustomer,
  ownsStripeMethod,
  stripeMethods,
  stripeOf,
} from '../stripe/stripeCards.js';

/**
 * Saves a sandbox card. The account's first card becomes its default; the partial unique
 * index `payment_methods_one_default` keeps it to one default however many saves race.
 */
export async function savePaymentMethod(
  ctx: ServiceContext,
  account: string,
  token: string,
  executor: Executor = ctx.db,
): Promise<string> {
  const card = sandboxCardForToken(token);
  if (!card) throw new ProblemError(400, 'validation_failed', 'Unknown test payment method');
  const id = `pm_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const saved = { id, account, token, details: card.card };
  if (!(await insertCard(executor, saved, true))) await insertCard(executor, saved, false);
  return id;
}

/** Whether the card is one of the account's (at Stripe, or in the local table). */
export async function ownsPaymentMethod(ctx: ServiceContext, account: string, id: string) {
  if (ctx.stripe) return ownsStripeMethod(ctx, account, id);
  return (await savedCard(ctx.db, account, id)) !== undefined;
}

/**
 * The card a sandbox confirmation names: one of the account's saved cards, or a Stripe test
 * token. Anything else (another account's card included) is refused before it reaches the
 * gateway or Stripe.
 */
export async function resolveToken(
  ctx: ServiceContext,
  account: string,
  paymentMethod: string,
): Promise<{ token: string; savedId: string | null }> {
  if (sandboxCardForToken(paymentMethod)) return { token: paymentMethod, savedId: null };
  if (ctx.stripe) {
    if (await ownsStripeMethod(ctx, account, paymentMethod))
      return { token: paymentMethod, savedId: paymentMethod };
  } else {
    const saved = await savedCard(ctx.db, account, paymentMethod);
    if (saved) return { token: String(saved.token), savedId: String(saved.id) };
  }
  throw new ProblemError(
    400,
    'validation_failed',
    'Unknown payment method',
    `"${paymentMethod}" is neither a saved payment method nor a Stripe test token.`,
  );
}

export async function listMethods(
  ctx: ServiceContext,
  account: string,
): Promise<{ data: PaymentMethod[] }> {
  if (ctx.stripe) return stripeMethods(ctx, account);
  const found = await listCards(ctx.db, account);
  return {
    data: found.map((row) => ({
      id: String(row.id),
      type: 'card',
      isDefault: Boolean(row.is_default),
      card: {
        brand: String(row.brand),
        last4: String(row.last4),
        expMonth: Number(row.exp_month),
        expYear: Number(row.exp_year),
      },
      wallet: null,
      email: null,
    })),
  };
}

export async function setDefaultPaymentMethod(ctx: ServiceContext, account: string, id: string) {
  if (ctx.stripe) {
    if (!(await ownsStripeMethod(ctx, account, id)))
      throw new ProblemError(404, 'not_found', 'No such payment method');
    await ctx.stripe.customers.update(await ensureCustomer(ctx, account), {
      invoice_settings: { default_payment_method: id },
    });
    return stripeMethods(ctx, account, true);
  }
  await ctx.db.transaction(async (tx) => {
    await lockAccount(tx, account);
    if (!(await savedCard(tx, account, id)))
      throw new ProblemError(404, 'not_found', 'No such payment method');
    await moveDefault(tx, account, id);
  });
  return listMethods(ctx, account);
}

export async function deletePaymentMethod(
  ctx: ServiceContext,
  account: string,
  id: string,
  newDefaultId?: string,
) {
  if (ctx.stripe) {
    const { data } = await stripeMethods(ctx, account, true);
    const moveDefaultTo = assertDeletable(data, id, newDefaultId);
    if (moveDefaultTo) {
      await ctx.stripe.customers.update(await ensureCustomer(ctx, account), {
        invoice_settings: { default_payment_method: moveDefaultTo },
      });
    }
    await ctx.stripe.paymentMethods.detach(id);
    return stripeMethods(ctx, account, true);
  }
  await ctx.db.transaction(async (tx) => {
    await lockAccount(tx, account);
    const methods = await cardDefaults(tx, account);
    const moveDefaultTo = assertDeletable(
      methods.map((row) => ({ id: String(row.id), isDefault: Boolean(row.is_default) })),
      id,
      newDefaultId,
    );
    if (moveDefaultTo) await moveDefault(tx, account, moveDefaultTo);
    await deleteCard(tx, account, id);
  });
  return listMethods(ctx, account);
}

/**
 * A demo card for a new account (SEED_DEMO): with Stripe (test mode only), attached to the
 * account's customer at Stripe — a test token attaches as a new card
 * (https://docs.stripe.com/api/payment_methods/attach); without, saved locally.
 */
export async function saveDemoCard(ctx: ServiceContext, account: string, token: string) {
  if (!ctx.stripe) {
    await savePaymentMethod(ctx, account, token);
    return;
  }
  await stripeOf(ctx).paymentMethods.attach(token, {
    customer: await ensureCustomer(ctx, account),
  });
  ctx.cards.forget(account);
}
