import type { PaymentMethod } from 'credits-core';
import { saveStripeCustomer, stripeCustomerOf } from '../data/accountsData.js';
import type { ServiceContext } from '../serviceContext.js';
import type { StripeClient } from './createStripeGateway.js';
import { toPaymentMethod } from './createStripeGateway.js';

/** At most this many cards of one account are read from Stripe (10 pages of 100). */
const MAX_CARDS = 1_000;

/** An id from a Stripe field that is an id or an expanded object. */
export const idOf = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof (value as { id?: unknown } | null)?.id === 'string'
      ? (value as { id: string }).id
      : undefined;

/** Stripe's client, for the paths that only run with Stripe. */
export const stripeOf = (ctx: ServiceContext): StripeClient => {
  if (!ctx.stripe) throw new Error('Stripe is not configured');
  return ctx.stripe;
};

/** The account's Stripe customer, created (idempotently) the first time. */
export async function ensureCustomer(ctx: ServiceContext, account: string): Promise<string> {
  const known = await stripeCustomerOf(ctx.db, account);
  if (known) return known;
  const customer = await stripeOf(ctx).customers.create(
    { metadata: { account } },
    { idempotencyKey: `customer:${account}` },
  );
  await saveStripeCustomer(ctx.db, account, customer.id);
  return customer.id;
}

/**
 * The account's cards at Stripe, all of them (auto-pagination, newest first), with the
 * customer's default — Stripe's own if it is one of them, else the oldest card. Reading
 * never writes. Shared by concurrent requests and cached briefly (createReadCache).
 */
export function stripeMethods(
  ctx: ServiceContext,
  account: string,
  fresh = false,
): Promise<{ data: PaymentMethod[] }> {
  if (fresh) ctx.cards.forget(account);
  return ctx.cards.get(account, async () => {
    const stripe = stripeOf(ctx);
    const customer = await ensureCustomer(ctx, account);
    const [methods, details] = await Promise.all([
      stripe.paymentMethods
        .list({ customer, type: 'card', limit: 100 })
        .autoPagingToArray({ limit: MAX_CARDS }),
      stripe.customers.retrieve(customer),
    ]);
    const chosen = details.deleted
      ? undefined
      : idOf(details.invoice_settings.default_payment_method);
    const defaultId = methods.some((method) => method.id === chosen)
      ? chosen!
      : (methods.at(-1)?.id ?? null);
    const data = methods.map((method) => toPaymentMethod(method, defaultId));
    return { data: data.sort((a, b) => Number(b.isDefault) - Number(a.isDefault)) };
  });
}

/** Whether the card is one of the account's at Stripe (read afresh before saying no). */
export async function ownsStripeMethod(
  ctx: ServiceContext,
  account: string,
  id: string,
): Promise<boolean> {
  const has = (list: { data: PaymentMethod[] }) => list.data.some((method) => method.id === id);
  return has(await stripeMethods(ctx, account)) || has(await stripeMethods(ctx, account, true));
}
