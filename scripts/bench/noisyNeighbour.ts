// Noisy neighbour (issue 13): one account's balance reads while another account floods the
// heaviest reads (history searches that match nothing on a large ledger, the usage ranking),
// next to the same reads unloaded, in the same run. The reference server on a real
// PostgreSQL with its default statement timeout and request deadline. A ratio, not a test.
//
//   pnpm exec tsx scripts/bench/noisyNeighbour.ts [--rows 300000] [--seconds 8] [--flooders 16]
//
// Writes the Markdown it prints to benchmarks/results/noisy-neighbour.md.

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { startReferenceServer } from '../../examples/reference-server/src/startReferenceServer.ts';
import { startPostgres } from '../../examples/reference-server/test/startPostgres.ts';

const pg = createRequire(new URL('../../examples/reference-server/package.json', import.meta.url))(
  'pg',
) as {
  Client: new (config: {
    connectionString: string;
  }) => {
    connect(): Promise<unknown>;
    query(text: string, values?: unknown[]): Promise<unknown>;
    end(): Promise<void>;
  };
};

const { values: flags } = parseArgs({
  options: {
    rows: { type: 'string', default: '300000' },
    seconds: { type: 'string', default: '8' },
    flooders: { type: 'string', default: '16' },
  },
});
const rows = Number(flags.rows);
const seconds = Number(flags.seconds);
const flooders = Number(flags.flooders);
for (const [flag, value] of Object.entries({ rows, seconds, flooders }))
  if (!(Number.isInteger(value) && value >= 1))
    throw new Error(`--${flag} must be a whole number ≥ 1`);

interface Phase {
  victim: number[];
  flood: Record<string, number>;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

const postgres = await startPostgres();
const server = await startReferenceServer({ databaseUrl: postgres.url, auth: { kind: 'demo' } });
// The same server without per-account fairness, on the same database: what it buys.
const unfair = await startReferenceServer({
  databaseUrl: postgres.url,
  auth: { kind: 'demo' },
  concurrentRequestsPerAccount: 1_000,
});
try {
  // Both accounts exist once they have called the API.
  for (const token of ['victim', 'flooder'])
    await fetch(`${server.baseUrl}/balance`, { headers: { Authorization: `Bearer ${token}` } });
  // The flooder's ledger straight into the database: `rows` usage rows over a year, 50 websites.
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  await client.query(
    `INSERT INTO transactions (account_id, seq, id, created_at, type, description, amount,
       balance_after, website_id, website_name, website_url)
     SELECT 'acct_flooder', g, 'txn_flood_' || g, now() - (g * interval '100 seconds'), 'usage',
       'Website generation', -1, $1::bigint - g, 'web_' || (g % 50), 'Site ' || (g % 50),
       'https://site-' || (g % 50) || '.example'
     FROM generate_series(1, $1::bigint) AS g`,
    [rows],
  );
  await client.query(
    `UPDATE accounts SET total = $1::bigint * 2, used = $1::bigint, seq = $1::bigint WHERE id = 'acct_flooder'`,
    [rows],
  );
  await client.query('ANALYZE transactions');
  await client.end();

  const phase = (floods: number, baseUrl = server.baseUrl) =>
    new Promise<Phase>((resolve, reject) => {
      const worker = new Worker(new URL('./noisyNeighbourClients.mjs', import.meta.url), {
        workerData: {
          baseUrl,
          victim: 'victim',
          flooder: 'flooder',
          flooders: floods,
          durationMs: seconds * 1000,
        },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
    });

  await phase(0); // warm-up: connections, plans, caches
  const unloaded = await phase(0);
  const loaded = await phase(flooders);
  const loadedUnfair = await phase(flooders, unfair.baseUrl);
  const row = (label: string, result: Phase) =>
    `| ${label} | ${result.victim.length} | ${percentile(result.victim, 50).toFixed(1)} ms | ${percentile(result.victim, 99).toFixed(1)} ms | ${
      Object.entries(result.flood)
        .map(([status, count]) => `${count} × ${status}`)
        .join(', ') || '—'
    } |`;
  const ratio = percentile(loaded.victim, 99) / percentile(unloaded.victim, 99);
  const lines = [
    '# Noisy neighbour',
    '',
    `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, PostgreSQL from Debian's package, reference server defaults (pool 10, statement_timeout 5 s, request deadline 10 s). \`pnpm exec tsx scripts/bench/noisyNeighbour.ts --rows ${rows} --seconds ${seconds} --flooders ${flooders}\`.`,
    '',
    `Another account's balance reads (one client, back to back, ${seconds} s) with nobody else on the server, then while ${flooders} clients of an account with ${rows.toLocaleString('en-US')} ledger rows read history searches that match nothing and the usage ranking.`,
    '',
    '| phase | balance reads | p50 | p99 | flooder answers |',
    '|---|---|---|---|---|',
    row('unloaded', unloaded),
    row(`${flooders} flooders`, loaded),
    row(`${flooders} flooders, no per-account limit`, loadedUnfair),
    '',
    `p99 under load ÷ unloaded p99: **${ratio.toFixed(1)}×** (without the per-account limit of 4 concurrent requests: ${(
      percentile(loadedUnfair.victim, 99) / percentile(unloaded.victim, 99)
    ).toFixed(1)}×).`,
  ];
  console.log(lines.join('\n'));
  writeFileSync(
    new URL('../../benchmarks/results/noisy-neighbour.md', import.meta.url),
    `${lines.join('\n')}\n`,
  );
} finally {
  await unfair.close();
  await server.close();
  await postgres.stop();
}
