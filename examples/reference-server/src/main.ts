import { authSettingsFromEnv } from './auth/authSettingsFromEnv.js';
import { startReferenceServer } from './startReferenceServer.js';

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

/**
 * `pnpm start`: the reference server, configured from the environment. A configuration it
 * refuses (no sign-in, demo sign-in with a live key…) exits 1 with the reason, no stack.
 */
const server = await Promise.resolve()
  .then(() =>
    startReferenceServer({
      auth: authSettingsFromEnv(process.env),
      databaseUrl: process.env.DATABASE_URL,
      preparedStatements: process.env.DATABASE_PREPARED_STATEMENTS !== 'off',
      dataDir: process.env.DATA_DIR ?? '.data/pglite',
      hostname: process.env.HOST ?? '127.0.0.1',
      port: Number(process.env.PORT ?? 8787),
      webhookDelayMs: Number(process.env.WEBHOOK_DELAY_MS ?? 0),
      statementTimeoutMs: Number(process.env.STATEMENT_TIMEOUT_MS ?? 5_000),
      requestTimeoutMs: Number(process.env.REQUEST_TIMEOUT_MS ?? 10_000),
      corsOrigins: process.env.CORS_ORIGINS?.split(',').filter(Boolean),
      seedDemo: process.env.SEED_DEMO === '1',
      stripeWithoutWebhooks: process.env.STRIPE_WITHOUT_WEBHOOKS === '1',
      stripeSettings: process.env.STRIPE_SECRET_KEY
        ? {
            secretKey: process.env.STRIPE_SECRET_KEY,
            webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? '',
            publishableKey: process.env.STRIPE_PUBLISHABLE_KEY,
            // STRIPE_API_BASE: another Stripe API, e.g. the stand-in (`pnpm --filter stripe-stand-in start`).
            ...(process.env.STRIPE_API_BASE ? apiBase(process.env.STRIPE_API_BASE) : {}),
          }
        : undefined,
    }),
  )
  .catch((error: unknown) => {
    console.error(`credits reference server: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
console.log(`credits reference server: ${server.baseUrl}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
