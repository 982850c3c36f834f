#!/usr/bin/env node
import { createCreditsServer } from './createCreditsServer.js';
import { createDatabase } from './data/createDatabase.js';
import { databaseOptionsFromEnv, optionsFromEnv } from './optionsFromEnv.js';
import { serveCredits } from './serveCredits.js';

const usage = `Usage: credits-server <command>

  migrate   apply the database migrations (DATABASE_URL, else PGlite in DATA_DIR) and exit
  start     migrate, then serve the credits API on HOST:PORT (default 127.0.0.1:8787)

Configured by environment variables (sign-in, database, Stripe, limits): see the package README.`;

const fail = (message: string): never => {
  console.error(`credits-server: ${message}`);
  process.exit(1);
};

/**
 * `credits-server start`: the server, configured from the environment. A configuration it
 * refuses (no sign-in, demo sign-in with a live key…) exits 1 with the reason, no stack.
 */
async function start() {
  const credits = createCreditsServer(optionsFromEnv(process.env));
  await credits.ready;
  const server = await serveCredits(credits, {
    hostname: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 8787),
  });
  console.log(`credits-server: ${server.baseUrl}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
}

/** `credits-server migrate`: the migrations alone (they run at every start too; this is for deploys). */
async function migrate() {
  const options = databaseOptionsFromEnv(process.env);
  const database = await createDatabase(options);
  await database.close();
  console.log(
    `credits-server: migrated ${options.url ? 'PostgreSQL' : `PGlite in ${options.dataDir}`}`,
  );
}

const command = process.argv[2];
const run = command === 'start' ? start : command === 'migrate' ? migrate : undefined;
if (!run) {
  console.error(usage);
  process.exit(command === undefined || command === '--help' ? 0 : 1);
}
await Promise.resolve()
  .then(run)
  .catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
