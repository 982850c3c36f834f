import { authSettingsFromEnv } from './auth/authSettingsFromEnv.js';
import { startReferenceServer } from './startReferenceServer.js';

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
      stripeSettings: process.env.STRIPE_SECRET_KEY
        ? {
            secretKey: process.env.STRIPE_SECRET_KEY,
            webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? '',
            publishableKey: process.env.STRIPE_PUBLISHABLE_KEY,
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
