import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { AuthSettings } from './auth/authSettingsFromEnv.js';
import { createAccountResolver } from './auth/createAccountResolver.js';
import { type AppOptions, createApp } from './createApp.js';
import { createCreditsService } from './createCreditsService.js';
import { createDatabase } from './createDatabase.js';
import { createStripeClient, type StripeSettings } from './createStripeGateway.js';
import { seedDemoAccount } from './seedDemoAccount.js';

export interface ReferenceServerOptions extends Omit<AppOptions, 'service' | 'resolveAccount'> {
  /**
   * Who may call the API (see authSettingsFromEnv). Default: demo sign-in (token = account),
   * which is refused with a live key.
   */
  auth?: AuthSettings;
  /** A PostgreSQL URL; without it, embedded PGlite. */
  databaseUrl?: string;
  /** PGlite's data directory; without it, in memory. */
  dataDir?: string;
  poolSize?: number;
  /** PostgreSQL's `statement_timeout` for every connection (see createDatabase). Default 5 000 ms. */
  statementTimeoutMs?: number;
  /** Default true; false for a pooler that cannot keep prepared statements (see createDatabase). */
  preparedStatements?: boolean;
  hostname?: string;
  port?: number;
  webhookDelayMs?: number;
  mode?: 'test' | 'live';
  /** Seed every new account with demo data (history and two test cards). */
  seedDemo?: boolean;
  /** Stripe keys: PaymentIntents, SetupIntents and signed webhooks. Without them, the simulated gateway. */
  stripeSettings?: StripeSettings;
  /**
   * Start in Stripe mode without a webhook secret (`STRIPE_WITHOUT_WEBHOOKS=1`): then a purchase
   * paid after its tab closed is credited only by the reconciliation sweep.
   */
  stripeWithoutWebhooks?: boolean;
  /** How often the reconciliation sweep runs (default 60 000 ms; 0: never). */
  reconcileIntervalMs?: number;
  /** How old a purchase that is not final must be before the sweep asks Stripe about it (default 60 000 ms). */
  reconcileMinAgeMs?: number;
  /** How long one read of Stripe serves every request for the same cards or PaymentIntent (default 1 000 ms). */
  stripeReadCacheMs?: number;
}

/** https://docs.stripe.com/keys: secret (`sk_`) and restricted (`rk_`) keys, live or test. */
export const modeOfKey = (key: string) => (/^(sk|rk)_live_/.test(key) ? 'live' : 'test');

export interface ReferenceServer {
  origin: string;
  baseUrl: string;
  close(): Promise<void>;
}

/** Opens the database, builds the app and listens (loopback by default). */
export async function startReferenceServer(
  options: ReferenceServerOptions = {},
): Promise<ReferenceServer> {
  const settings = options.stripeSettings;
  const mode = options.mode ?? (settings ? modeOfKey(settings.secretKey) : 'test');
  if (settings && modeOfKey(settings.secretKey) === 'live' && mode !== 'live') {
    throw new Error(
      'A live Stripe key cannot run in test mode: sandbox payments would reach live Stripe.',
    );
  }
  if (settings && !settings.webhookSecret && !options.stripeWithoutWebhooks) {
    throw new Error(
      'Stripe mode needs STRIPE_WEBHOOK_SECRET (the signing secret of the webhook endpoint /webhooks/stripe): ' +
        'without webhooks a purchase paid after its tab was closed waits for the reconciliation sweep, and refunds and ' +
        'disputes never arrive. Set STRIPE_WITHOUT_WEBHOOKS=1 to start anyway.',
    );
  }
  if (options.seedDemo && mode === 'live') {
    throw new Error('SEED_DEMO seeds test cards and history: it cannot run in live mode.');
  }
  // Before anything opens: a dangerous combination never gets as far as a database.
  const resolveAccount = createAccountResolver(options.auth ?? { kind: 'demo' }, mode);
  const database = await createDatabase({
    url: options.databaseUrl,
    dataDir: options.dataDir,
    poolSize: options.poolSize,
    statementTimeoutMs: options.statementTimeoutMs,
    preparedStatements: options.preparedStatements,
  });
  const stripeClient = settings ? createStripeClient(settings) : undefined;
  const service = createCreditsService(database.db, {
    webhookDelayMs: options.webhookDelayMs,
    mode,
    stripe: stripeClient,
    stripeReadCacheMs: options.stripeReadCacheMs,
  });
  // The reconciliation sweep: at start and then every interval, on every instance (they share the work).
  const sweepEvery = options.reconcileIntervalMs ?? 60_000;
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = service
      .reconcile({ minAgeMs: options.reconcileMinAgeMs ?? 60_000, leaseMs: sweepEvery })
      .catch((error: unknown) => console.error('reconciliation failed', error));
  };
  const sweeper = sweepEvery > 0 ? setInterval(sweep, sweepEvery) : undefined;
  if (sweeper) sweep();
  const app = createApp({
    ...options,
    resolveAccount,
    onNewAccount: options.seedDemo
      ? (account) => seedDemoAccount(service, account)
      : options.onNewAccount,
    service,
    stripe:
      stripeClient && settings
        ? {
            client: stripeClient,
            webhookSecret: settings.webhookSecret,
            publishableKey: settings.publishableKey,
          }
        : undefined,
  });
  const hostname = options.hostname ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname, port: options.port ?? 0 }, () =>
      resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${hostname}:${port}`;
  return {
    origin,
    baseUrl: `${origin}${options.basePath ?? '/api/credits/v1'}`,
    close: async () => {
      clearInterval(sweeper);
      await sweeping;
      service.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
