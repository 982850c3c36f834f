import type { AuthSettings } from './auth/authSettingsFromEnv.js';
import { createAccountResolver } from './auth/createAccountResolver.js';
import {
  createRechargeCharger,
  type RechargeChargerOptions,
} from './autoRecharge/createRechargeCharger.js';
import { createCreditsService } from './createCreditsService.js';
import { createDatabase, type DatabaseOptions } from './data/createDatabase.js';
import { type AppOptions, createApp } from './http/createApp.js';
import { checkApiKeys } from './http/serverApiRoutes.js';
import { createEventHub, type EventHubOptions } from './live/createEventHub.js';
import { seedDemoAccount } from './seedDemoAccount.js';
import { createStripeClient, type StripeSettings } from './stripe/createStripeGateway.js';

/** How purchases are paid: the simulated gateway (Stripe's test cards, no network) or Stripe. */
export type PaymentSettings =
  | {
      kind: 'sandbox';
      /** A paid purchase stays `processing` this long, then the simulated webhook credits it. */
      webhookDelayMs?: number;
    }
  | (StripeSettings & {
      kind: 'stripe';
      /**
       * Start without a webhook secret (`STRIPE_WITHOUT_WEBHOOKS=1`): then a purchase paid after
       * its tab closed is credited only by the reconciliation sweep.
       */
      withoutWebhooks?: boolean;
      /** How often the reconciliation sweep runs (default 60 000 ms; 0: never). */
      reconcileIntervalMs?: number;
      /** How old a purchase that is not final must be before the sweep asks Stripe (default 60 000 ms). */
      reconcileMinAgeMs?: number;
      /** How long one read of Stripe serves every request for the same cards or PaymentIntent (default 1 000 ms). */
      readCacheMs?: number;
    });

export interface CreditsServerOptions
  extends Omit<AppOptions, 'service' | 'resolveAccount' | 'stripe' | 'events'> {
  /** Live events (`GET /events`): limits and heartbeat (see createEventHub). */
  liveEvents?: EventHubOptions;
  /** Who may call the API: the host's JWTs, a hook of its own, or (a local demo only) `demo`. */
  auth: AuthSettings;
  /** A PostgreSQL URL (`{ url }`), or embedded PGlite (`{ dataDir }`, or in memory with neither). */
  database?: DatabaseOptions;
  /** Default: the simulated gateway. */
  payments?: PaymentSettings;
  /** Default: `live` for a live Stripe key, else `test` (sandbox operations on). */
  mode?: 'test' | 'live';
  /** Seed every new account with demo data (history and two test cards). Test mode only. */
  seedDemo?: boolean;
  /**
   * How often this instance closes lapsed credit lots (default 60 000 ms; 0: never). Reads
   * and debits close an account's lapsed lots themselves; the sweep posts the rest.
   */
  expirySweepIntervalMs?: number;
  /** Auto-recharge's charger: its sweep interval and claim lease (see createRechargeCharger). */
  autoRecharge?: RechargeChargerOptions;
}

export interface CreditsServer {
  /** The Web-standard handler: mount it in Node's http server, Hono, a Next.js route handler… */
  fetch(request: Request): Promise<Response>;
  /** Resolves once the database is open and migrated; rejects with the reason it could not. */
  ready: Promise<void>;
  /** Stops the sweeps and timers and closes the database. */
  close(): Promise<void>;
  /** Ends every open event stream (before a graceful shutdown waits for connections to end). */
  closeStreams?(): void;
}

/** https://docs.stripe.com/keys: secret (`sk_`) and restricted (`rk_`) keys, live or test. */
export const modeOfKey = (key: string) => (/^(sk|rk)_live_/.test(key) ? 'live' : 'test');

/** Refuses the combinations that would put money at risk, before anything opens. */
function checkSettings(options: CreditsServerOptions): 'test' | 'live' {
  const payments = options.payments;
  const stripe = payments?.kind === 'stripe' ? payments : undefined;
  const mode = options.mode ?? (stripe ? modeOfKey(stripe.secretKey) : 'test');
  if (stripe && modeOfKey(stripe.secretKey) === 'live' && mode !== 'live') {
    throw new Error(
      'A live Stripe key cannot run in test mode: sandbox payments would reach live Stripe.',
    );
  }
  if (stripe && !stripe.webhookSecret && !stripe.withoutWebhooks) {
    throw new Error(
      'Stripe mode needs STRIPE_WEBHOOK_SECRET (the signing secret of the webhook endpoint /webhooks/stripe): ' +
        'without webhooks a purchase paid after its tab was closed waits for the reconciliation sweep, and refunds and ' +
        'disputes never arrive. Set STRIPE_WITHOUT_WEBHOOKS=1 to start anyway.',
    );
  }
  checkApiKeys(options.serverApiKeys ?? []);
  if (options.seedDemo && mode === 'live') {
    throw new Error('SEED_DEMO seeds test cards and history: it cannot run in live mode.');
  }
  return mode;
}

/**
 * The credits contract as a Web-standard `fetch` handler (Request → Response) on PostgreSQL or
 * PGlite. Returns at once: requests wait for `ready` (the database opening and migrating). A
 * configuration that would put money at risk (demo sign-in or test mode with a live key, Stripe
 * without webhooks) throws here, before anything opens.
 */
export function createCreditsServer(options: CreditsServerOptions): CreditsServer {
  const mode = checkSettings(options);
  const payments = options.payments ?? { kind: 'sandbox' };
  const stripe = payments.kind === 'stripe' ? payments : undefined;
  const resolveAccount = createAccountResolver(options.auth, mode);
  let stop: () => Promise<void> = async () => {};
  let closeStreams = () => {};
  const started = (async () => {
    const database = await createDatabase(options.database);
    const stripeClient = stripe ? createStripeClient(stripe) : undefined;
    const service = createCreditsService(database.db, {
      webhookDelayMs: payments.kind === 'sandbox' ? payments.webhookDelayMs : undefined,
      mode,
      stripe: stripeClient,
      stripeReadCacheMs: stripe?.readCacheMs,
    });
    // The reconciliation sweep: at start and then every interval, on every instance (they share the work).
    const sweepEvery = stripe?.reconcileIntervalMs ?? 60_000;
    let sweeping: Promise<unknown> = Promise.resolve();
    const sweep = () => {
      sweeping = service
        .reconcile({ minAgeMs: stripe?.reconcileMinAgeMs ?? 60_000, leaseMs: sweepEvery })
        .catch((error: unknown) => console.error('reconciliation failed', error));
    };
    const sweeper = sweepEvery > 0 ? setInterval(sweep, sweepEvery) : undefined;
    if (sweeper) sweep();
    // The expiry sweep: every instance, each lapsed lot closed once whoever gets there (ledger/lots).
    const expiryEvery = options.expirySweepIntervalMs ?? 60_000;
    let expiring: Promise<unknown> = Promise.resolve();
    const expirer =
      expiryEvery > 0
        ? setInterval(() => {
            expiring = service
              .sweepExpiredLots()
              .catch((error: unknown) => console.error('expiry sweep failed', error));
          }, expiryEvery)
        : undefined;
    // Live events: one LISTEN per instance (see createEventHub).
    const events = createEventHub(service, database, options.liveEvents);
    await events.start();
    closeStreams = () => void events.close();
    // Auto-recharge's off-session charges: on each crossing's notification, and a sweep.
    const charger = createRechargeCharger(service, database, options.autoRecharge);
    await charger.start();
    stop = async () => {
      await charger.stop();
      await events.close();
      clearInterval(sweeper);
      clearInterval(expirer);
      await Promise.all([sweeping, expiring]);
      service.dispose();
      await database.close();
    };
    return createApp({
      ...options,
      resolveAccount,
      onNewAccount: options.seedDemo
        ? (account) => seedDemoAccount(service, account)
        : options.onNewAccount,
      service,
      events,
      stripe:
        stripeClient && stripe
          ? {
              client: stripeClient,
              webhookSecret: stripe.webhookSecret,
              publishableKey: stripe.publishableKey,
            }
          : undefined,
    });
  })();
  // Nobody may be waiting yet: the rejection is handed to whoever awaits `ready` or calls fetch.
  started.catch(() => undefined);
  return {
    fetch: async (request) => (await started).fetch(request),
    ready: started.then(() => undefined),
    closeStreams: () => closeStreams(),
    close: async () => {
      await started.catch(() => undefined);
      await stop();
    },
  };
}
