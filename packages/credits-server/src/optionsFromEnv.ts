import { authSettingsFromEnv } from './auth/authSettingsFromEnv.js';
import type { CreditsServerOptions } from './createCreditsServer.js';
import type { DatabaseOptions } from './data/createDatabase.js';

type Env = Record<string, string | undefined>;

/** The SDK's host/port/protocol for an API base URL. */
function apiBase(base: string) {
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? ('http' as const) : ('https' as const);
  return {
    host: url.hostname,
    port: Number(url.port || (protocol === 'http' ? 80 : 443)),
    protocol,
  };
}

/** A whole number of milliseconds from the environment, or the default. */
function milliseconds(env: Env, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value))
    throw new Error(`${name} must be whole milliseconds, got "${value}".`);
  return Number(value);
}

/** `DATABASE_URL` (PostgreSQL) or PGlite in `DATA_DIR` (default `.data/pglite`), with `STATEMENT_TIMEOUT_MS`. */
export function databaseOptionsFromEnv(env: Env): DatabaseOptions {
  return {
    url: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? '.data/pglite',
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS !== 'off',
    statementTimeoutMs: milliseconds(env, 'STATEMENT_TIMEOUT_MS', 5_000),
  };
}

/**
 * createCreditsServer's options from the environment variables the README lists (what
 * `credits-server start` runs with; a host can start from them too). Throws, naming the
 * variables, for a sign-in that is missing or ambiguous.
 */
export function optionsFromEnv(env: Env): CreditsServerOptions {
  return {
    auth: authSettingsFromEnv(env),
    database: databaseOptionsFromEnv(env),
    requestTimeoutMs: milliseconds(env, 'REQUEST_TIMEOUT_MS', 10_000),
    corsOrigins: env.CORS_ORIGINS?.split(',').filter(Boolean),
    // The Server API's secret keys, comma-separated (two while rotating).
    serverApiKeys: env.CREDITS_API_KEYS?.split(',').filter(Boolean),
    seedDemo: env.SEED_DEMO === '1',
    payments: env.STRIPE_SECRET_KEY
      ? {
          kind: 'stripe',
          secretKey: env.STRIPE_SECRET_KEY,
          webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? '',
          publishableKey: env.STRIPE_PUBLISHABLE_KEY,
          withoutWebhooks: env.STRIPE_WITHOUT_WEBHOOKS === '1',
          // STRIPE_API_BASE: another Stripe API, e.g. the stand-in (`pnpm --filter stripe-stand-in start`).
          ...(env.STRIPE_API_BASE ? apiBase(env.STRIPE_API_BASE) : {}),
        }
      : { kind: 'sandbox', webhookDelayMs: milliseconds(env, 'WEBHOOK_DELAY_MS', 0) },
  };
}
