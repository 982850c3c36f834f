import type { AuthSettings } from './auth/authSettingsFromEnv.js';
import { type CreditsServerOptions, createCreditsServer } from './createCreditsServer.js';
import { type StartedCreditsServer, serveCredits } from './serveCredits.js';
import type { StripeSettings } from './stripe/createStripeGateway.js';

export interface StartCreditsServerOptions
  extends Omit<CreditsServerOptions, 'auth' | 'database' | 'payments'> {
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

export type { StartedCreditsServer };

/**
 * createCreditsServer on Node's http server (@hono/node-server), loopback by default: what
 * `credits-server start` runs, and what the tests and the demo start.
 */
export async function startCreditsServer(
  options: StartCreditsServerOptions = {},
): Promise<StartedCreditsServer> {
  const settings = options.stripeSettings;
  const credits = createCreditsServer({
    ...options,
    auth: options.auth ?? { kind: 'demo' },
    database: {
      url: options.databaseUrl,
      dataDir: options.dataDir,
      poolSize: options.poolSize,
      statementTimeoutMs: options.statementTimeoutMs,
      preparedStatements: options.preparedStatements,
    },
    payments: settings
      ? {
          ...settings,
          kind: 'stripe',
          withoutWebhooks: options.stripeWithoutWebhooks,
          reconcileIntervalMs: options.reconcileIntervalMs,
          reconcileMinAgeMs: options.reconcileMinAgeMs,
          readCacheMs: options.stripeReadCacheMs,
        }
      : { kind: 'sandbox', webhookDelayMs: options.webhookDelayMs },
  });
  await credits.ready;
  return serveCredits(credits, {
    hostname: options.hostname,
    port: options.port,
    basePath: options.basePath,
  });
}
