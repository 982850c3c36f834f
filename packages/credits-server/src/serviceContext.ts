import type { PaymentMethod } from 'credits-core';
import type Stripe from 'stripe';
import type { Database } from './data/createDatabase.js';
import { createReadCache } from './stripe/createReadCache.js';
import type { StripeClient } from './stripe/createStripeGateway.js';

export interface ServiceOptions {
  mode?: 'test' | 'live';
  /** A paid purchase stays `processing` this long, then the simulated webhook credits it. */
  webhookDelayMs?: number;
  now?: () => Date;
  /** With Stripe, payments go through PaymentIntents; without it, through the simulated gateway. */
  stripe?: StripeClient;
  /**
   * How long one read of an account's cards or a purchase's PaymentIntent at Stripe serves every
   * request for it (createReadCache). Default 1 000 ms.
   */
  stripeReadCacheMs?: number;
}

/** What every domain of the service shares: the database, the clock, the mode, Stripe and its caches. */
export interface ServiceContext {
  db: Database;
  now: () => Date;
  mode: 'test' | 'live';
  webhookDelayMs: number;
  stripe: StripeClient | undefined;
  /** The simulated gateway's pending webhooks. */
  timers: Set<ReturnType<typeof setTimeout>>;
  /** Accounts are never deleted: once one is known to exist, every later request skips the INSERT. */
  knownAccounts: Set<string>;
  /** The account's cards at Stripe (stripeCards). */
  cards: ReturnType<typeof createReadCache<{ data: PaymentMethod[] }>>;
  /** PaymentIntents by id (stripeSync). */
  intents: ReturnType<typeof createReadCache<Stripe.PaymentIntent>>;
}

export function createServiceContext(db: Database, options: ServiceOptions): ServiceContext {
  return {
    db,
    now: options.now ?? (() => new Date()),
    mode: options.mode ?? 'test',
    webhookDelayMs: options.webhookDelayMs ?? 0,
    stripe: options.stripe,
    timers: new Set(),
    knownAccounts: new Set(),
    cards: createReadCache(options.stripeReadCacheMs ?? 1_000),
    intents: createReadCache(options.stripeReadCacheMs ?? 1_000),
  };
}
