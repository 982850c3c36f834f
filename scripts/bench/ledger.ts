// Ledger throughput (issue 8): the reference server on a real PostgreSQL, N concurrent
// clients on loopback posting debits through the usage API, next to pgbench's
// simple-update tps on the same server in the same run (the physical limit).
// Then the ledger is checked straight from the database: exact, or exit 1.
//
//   pnpm exec tsx scripts/bench/ledger.ts [--seconds 10] [--warmup 2] [--clients 50] [--pool N]
//     [--load auto|wrk|node]
//
// The load comes from wrk (Debian's package, C, script ledgerWrk.lua; installed here with apt-get
// when missing and allowed) or, failing that or with --load node, from a Node worker thread
// (ledgerClients.mjs), which costs the 2 cores about as much CPU as the server it loads.
// Writes the same Markdown it prints to benchmarks/results/ledger.md.

import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import {
  type StartedCreditsServer,
  startCreditsServer,
} from '../../packages/credits-server/src/startCreditsServer.ts';
import {
  startPostgres,
  type TestPostgres,
} from '../../packages/credits-server/test/startPostgres.ts';
import { pgbenchDebitScript } from './pgbenchDebitScript.ts';

/** The few `pg` calls used here; `pg` is the reference server's own dependency. */
interface PgClient {
  connect(): Promise<unknown>;
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
const pg = createRequire(new URL('../../packages/credits-server/package.json', import.meta.url))(
  'pg',
) as { Client: new (config: { connectionString: string }) => PgClient };

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    clients: { type: 'string', default: '50' },
    pool: { type: 'string' },
    load: { type: 'string', default: 'auto' },
  },
});
if (!['auto', 'wrk', 'node'].includes(flags.load))
  throw new Error('--load must be auto, wrk or node');
const seconds = Number(flags.seconds);
const warmupSeconds = Number(flags.warmup);
const clients = Number(flags.clients);
const poolSize = flags.pool ? Number(flags.pool) : undefined;
for (const [flag, value] of Object.entries({ seconds, warmup: warmupSeconds, clients, poolSize })) {
  if (value !== undefined && !(Number.isInteger(value) && value >= (flag === 'warmup' ? 0 : 1)))
    throw new Error(`--${flag} must be a whole number${flag === 'warmup' ? '' : ' ≥ 1'}`);
}
const DEBIT = 1;
const PACKAGE = { id: 'pkg_250k', credits: 250_000 };
const basePath = '/api/credits/v1';
/** The host's backend debits through the Server API, with its secret key (CONTRACT.md). */
const USAGE_PATH = `${basePath}/server/accounts/{account}/usage`;
const BENCH_API_KEY = 'sk_test_ledger_bench_server_api_key';

interface Scenario {
  label: string;
  tokens: string[];
}
const scenarios: Scenario[] = [
  {
    label: `${clients} accounts (one per client)`,
    tokens: Array.from({ length: clients }, (_, i) => `bench-many-${i}`),
  },
  { label: '1 account (all clients contend on its row lock)', tokens: ['bench-one'] },
];

interface LoadResult {
  completedInWindow: number;
  succeeded: number;
  latencies: number[];
  errors: { status: string; count: number; sample: string }[];
}

interface Verdict {
  exact: boolean;
  details: string;
}

const withDb = async <T>(url: string, run: (client: PgClient) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
};

const databaseUrl = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

/** Gives each account enough credits through the server's own API: sandbox purchases, granted at once. */
async function seed(server: StartedCreditsServer, tokens: string[], perAccount: number) {
  const call = async (token: string, path: string, body: unknown, key?: string) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        ...(key ? { 'Idempotency-Key': key } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`seed ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; status: string };
  };
  const purchases = Math.max(1, Math.ceil(perAccount / PACKAGE.credits));
  await Promise.all(
    tokens.map(async (token) => {
      for (let n = 0; n < purchases; n += 1) {
        const purchase = await call(
          token,
          '/purchases',
          { packageId: PACKAGE.id },
          `seed-${token}-${n}`,
        );
        const confirmed = await call(token, `/sandbox/purchases/${purchase.id}/confirm`, {
          paymentMethod: 'pm_card_visa',
        });
        if (confirmed.status !== 'succeeded')
          throw new Error(`seed: purchase ${purchase.id} is ${confirmed.status}`);
      }
    }),
  );
}

/** Where wrk is, installing Debian's package if allowed (root, or sudo without a password). */
function findWrk(): { path?: string; note: string } {
  const which = () => {
    try {
      return execFileSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      return undefined;
    }
  };
  const found = which();
  if (found) return { path: found, note: `wrk at ${found}` };
  const root = process.getuid?.() === 0;
  const apt = (args: string[]) => {
    const [command, rest] = root ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
    execFileSync(command, rest, {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 180_000,
    });
  };
  const attempts: string[] = [];
  for (const steps of [
    [['install', '-y', '-qq', 'wrk']],
    [
      ['update', '-qq'],
      ['install', '-y', '-qq', 'wrk'],
    ],
  ]) {
    try {
      for (const step of steps) apt(step);
      const installed = which();
      if (installed)
        return {
          path: installed,
          note: `wrk at ${installed} (installed by this run with apt-get)`,
        };
    } catch (error) {
      attempts.push(error instanceof Error ? error.message.split('\n')[0]! : String(error));
    }
  }
  return {
    note: `wrk is not installed and could not be (${attempts.join('; ') || 'not found after apt-get'})`,
  };
}

/** wrk posting the debits (ledgerWrk.lua): one thread per client, each its own connection. */
async function driveWrk(
  wrk: string,
  server: StartedCreditsServer,
  scenario: Scenario,
  runId: string,
): Promise<LoadResult> {
  // wrk runs for its whole -d; every thread stops itself after its window, well before.
  const margin = 3;
  const { stdout } = await run(
    wrk,
    [
      '-t',
      String(clients),
      '-c',
      String(clients),
      '-d',
      `${warmupSeconds + seconds + margin}s`,
      '--timeout',
      '30s',
      '-s',
      fileURLToPath(new URL('./ledgerWrk.lua', import.meta.url)),
      server.origin,
      '--',
      USAGE_PATH,
      String(warmupSeconds * 1000),
      String(seconds * 1000),
      runId,
      String(DEBIT),
      scenario.tokens.join(','),
      BENCH_API_KEY,
    ],
    { maxBuffer: 256 * 2 ** 20 },
  );
  const line = stdout.split('\n').find((text) => text.startsWith('LEDGER_WRK_RESULT '));
  if (!line) throw new Error(`wrk: no result line in\n${stdout.slice(0, 2000)}`);
  const result = JSON.parse(line.slice('LEDGER_WRK_RESULT '.length)) as LoadResult & {
    unfinished: number;
  };
  if (result.unfinished > 0)
    result.errors.push({
      status: 'unfinished',
      count: result.unfinished,
      sample: 'wrk thread(s) still waiting for a debit response when wrk stopped',
    });
  return result;
}

function drive(
  server: StartedCreditsServer,
  scenario: Scenario,
  runId: string,
): Promise<LoadResult> {
  if (wrk.path) return driveWrk(wrk.path, server, scenario, runId);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./ledgerClients.mjs', import.meta.url), {
      workerData: {
        origin: server.origin,
        path: USAGE_PATH,
        apiKey: BENCH_API_KEY,
        tokens: scenario.tokens,
        clients,
        warmupMs: warmupSeconds * 1000,
        durationMs: seconds * 1000,
        runId,
        credits: DEBIT,
      },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** Reads the ledger straight from the database and checks every invariant. */
async function verify(url: string, tokens: string[], succeeded: number): Promise<Verdict> {
  const accounts = tokens.map((token) => `acct_${token}`);
  const rows = await withDb(
    url,
    async (client) =>
      (
        await client.query(
          `WITH t AS (
             SELECT account_id, type, seq, amount, balance_after,
               coalesce(lag(balance_after) OVER w, 0) + amount AS expected_after,
               seq - coalesce(lag(seq) OVER w, 0) AS step
             FROM transactions WHERE account_id = ANY($1)
             WINDOW w AS (PARTITION BY account_id ORDER BY seq))
           SELECT a.id, a.total - a.used AS balance, a.seq AS account_seq,
             count(t.seq) AS n, coalesce(sum(t.amount), 0) AS sum,
             count(*) FILTER (WHERE t.balance_after <> t.expected_after) AS broken_chain,
             count(*) FILTER (WHERE t.step <> 1) AS seq_breaks,
             count(*) FILTER (WHERE t.type = 'usage') AS usage_rows,
             (SELECT coalesce(sum(remaining), 0) FROM lots l
               WHERE l.account_id = a.id AND l.expired_at IS NULL) AS in_lots
           FROM accounts a LEFT JOIN t ON t.account_id = a.id
           WHERE a.id = ANY($1) GROUP BY a.id, a.total, a.used, a.seq`,
          [accounts],
        )
      ).rows,
  );
  const problems: string[] = [];
  let usageRows = 0;
  if (rows.length !== accounts.length)
    problems.push(`${accounts.length - rows.length} account(s) missing`);
  for (const row of rows) {
    const [balance, sum, n, seq] = [row.balance, row.sum, row.n, row.account_seq].map(Number);
    usageRows += Number(row.usage_rows);
    if (sum !== balance) problems.push(`${row.id}: sum of amounts ${sum} ≠ balance ${balance}`);
    if (balance! < 0) problems.push(`${row.id}: balance ${balance} < 0`);
    // No debt here: the open lots (migrations/009_lots.sql) hold exactly the balance.
    if (Number(row.in_lots) !== balance)
      problems.push(`${row.id}: open lots hold ${row.in_lots} ≠ balance ${balance}`);
    if (n !== seq) problems.push(`${row.id}: ${n} rows but seq ${seq}`);
    if (Number(row.seq_breaks) > 0)
      problems.push(`${row.id}: ${row.seq_breaks} gap(s) or duplicate(s) in seq`);
    if (Number(row.broken_chain) > 0)
      problems.push(`${row.id}: ${row.broken_chain} row(s) with balanceAfter ≠ previous + amount`);
  }
  if (usageRows !== succeeded)
    problems.push(`${usageRows} usage rows but ${succeeded} successful debit responses`);
  const summary = `${rows.length} account(s), ${usageRows} usage rows = ${succeeded} 2xx debits, sums = balances = open lots, seq gap-free, balanceAfter chained`;
  return problems.length === 0
    ? { exact: true, details: summary }
    : { exact: false, details: problems.slice(0, 10).join('; ') };
}

const run = promisify(execFile);

/** pgbench's connection arguments for a database (its own by default) on the server at `url`. */
function pgbenchDatabase(url: string, database = 'pgbench'): string[] {
  const { hostname, port } = new URL(url);
  return ['-h', hostname, '-p', port, '-U', 'postgres', database];
}

/**
 * pgbench running credits-server's own usage-debit statement straight on the ledger database
 * (no HTTP, no Node: the floor of a debit), with the scenario's accounts, one per client.
 */
async function pgbenchDebits(
  url: string,
  scenario: Scenario,
): Promise<{ tps: number; transactions: number }> {
  const account =
    scenario.tokens.length === 1
      ? `'acct_${scenario.tokens[0]}'`
      : `'acct_bench-many-' || (:client_id % ${scenario.tokens.length})`;
  const file = `${mkdtempSync(`${os.tmpdir()}/ledger-pgbench-`)}/debit.sql`;
  writeFileSync(file, await pgbenchDebitScript(account, DEBIT));
  return runPgbench(['-n', '-f', file, ...pgbenchDatabase(url, 'ledger')]);
}

/** Runs pgbench with `-c clients -j 2 -T seconds` and these arguments: its tps and transactions. */
async function runPgbench(args: string[]): Promise<{ tps: number; transactions: number }> {
  const { stdout } = await run('pgbench', [
    '-c',
    String(clients),
    '-j',
    '2',
    '-T',
    String(seconds),
    ...args,
  ]);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
  const processed = /number of transactions actually processed: (\d+)/.exec(stdout);
  if (!tps || !processed) throw new Error(`pgbench: no tps line in\n${stdout}`);
  return { tps: Number(tps[1]), transactions: Number(processed[1]) };
}

/** pgbench's built-in simple-update on its own database of the same server. */
const pgbench = (url: string) => runPgbench(['--builtin=simple-update', ...pgbenchDatabase(url)]);

/**
 * CPU seconds so far, from /proc (Linux): this process (server and load generator), its
 * waited-for children (pgbench), and PostgreSQL's exited processes (backends are counted by
 * the postmaster when they exit, so a phase is measured from before its connections open
 * until after they close). Undefined elsewhere.
 */
function cpuSeconds(postmaster: number | undefined) {
  const ticks = (pid: number | 'self') => {
    try {
      // Fields after "(comm)": utime, stime, cutime, cstime are the 12th to 15th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat
        .slice(stat.lastIndexOf(')') + 2)
        .split(' ')
        .slice(11, 15)
        .map(Number);
    } catch {
      return undefined;
    }
  };
  const self = ticks('self');
  const postgres = postmaster ? ticks(postmaster) : undefined;
  if (!self || !postgres) return undefined;
  const usage = process.cpuUsage();
  return {
    node: (usage.user + usage.system) / 1e6,
    children: (self[2]! + self[3]!) / 100,
    postgres: postgres.reduce((sum, value) => sum + value, 0) / 100,
  };
}
type Cpu = ReturnType<typeof cpuSeconds>;

/** The parent of a process (a backend's is the postmaster), from /proc; undefined elsewhere. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || undefined;
  } catch {
    return undefined;
  }
}

/** µs of CPU per operation between two readings: this Node process, its children, PostgreSQL. */
function cpuPerOperation(before: Cpu, after: Cpu, operations: number) {
  if (!before || !after || operations === 0) return undefined;
  const per = (key: 'node' | 'children' | 'postgres') =>
    ((after[key] - before[key]) / operations) * 1e6;
  return { node: per('node'), children: per('children'), postgres: per('postgres') };
}

const percentile = (sorted: number[], q: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

interface Measured {
  scenario: Scenario;
  load: LoadResult;
  /** The same debit statement through pgbench, right after the HTTP run. */
  direct: { tps: number; transactions: number };
  verdict: Verdict;
  cpu: ReturnType<typeof cpuPerOperation>;
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

let postgres: TestPostgres | undefined;
let server: StartedCreditsServer | undefined;
const stop = async () => {
  const [s, p] = [server, postgres];
  server = undefined;
  postgres = undefined;
  try {
    await s?.close();
  } finally {
    await p?.stop();
  }
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stop().finally(() => process.exit(130)));
}

const wrk: { path?: string; note: string } =
  flags.load === 'node' ? { note: 'asked for with --load node' } : findWrk();
if (!wrk.path && flags.load === 'wrk') throw new Error(`--load wrk: ${wrk.note}`);
console.log(
  wrk.path
    ? `load generator: ${wrk.note}`
    : `load generator: the Node worker (ledgerClients.mjs): ${wrk.note}`,
);

const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
const loadBefore = loadAverage();

let exact = true;
try {
  postgres = await startPostgres();
  const adminUrl = postgres.url;
  const ledgerUrl = databaseUrl(adminUrl, 'ledger');
  const pgbenchUrl = databaseUrl(adminUrl, 'pgbench');
  const { version, postmaster } = await withDb(adminUrl, async (client) => {
    await client.query('CREATE DATABASE ledger');
    await client.query('CREATE DATABASE pgbench');
    const [row] = (await client.query('SELECT version() AS version, pg_backend_pid() AS pid')).rows;
    // This connection's backend is alive now: its parent is the postmaster.
    return {
      version: String(row?.version).split(' on ')[0],
      postmaster: parentOf(Number(row?.pid)),
    };
  });
  // Leftover work of the previous phase (dirty buffers, WAL, autovacuum) must not land in the next.
  const settle = (url: string, vacuum: boolean) =>
    withDb(url, async (client) => {
      if (vacuum) await client.query('VACUUM ANALYZE');
      await client.query('CHECKPOINT');
    });

  await run('pgbench', ['-i', '-s', '10', '-q', ...pgbenchDatabase(pgbenchUrl)]);
  // pgbench before and after the ledger: the machine's noise shows, and the ratio uses the mean.
  const benchRuns: { tps: number; cpu: ReturnType<typeof cpuPerOperation> }[] = [];
  const benchmarkPgbench = async () => {
    await settle(pgbenchUrl, false);
    console.log(`pgbench simple-update, ${clients} clients, ${seconds} s…`);
    const before = cpuSeconds(postmaster);
    const result = await pgbench(pgbenchUrl);
    await pause(300);
    const cpu = cpuPerOperation(before, cpuSeconds(postmaster), result.transactions);
    benchRuns.push({ tps: result.tps, cpu });
  };

  await benchmarkPgbench();
  const measured: Measured[] = [];
  for (const [index, scenario] of scenarios.entries()) {
    // A fresh server per scenario, so that its connections' CPU is counted when they close.
    server = await startCreditsServer({
      databaseUrl: ledgerUrl,
      poolSize,
      createsPerMinute: 1_000_000,
      serverApiKeys: [BENCH_API_KEY],
    });
    // Enough for far more debits than the machine can do in the run, spread over the accounts.
    const need = (seconds + warmupSeconds + 5) * 20_000 * DEBIT;
    await seed(server, scenario.tokens, Math.ceil(need / scenario.tokens.length));
    await settle(ledgerUrl, true);
    console.log(`${scenario.label}: ${warmupSeconds} s warm-up, ${seconds} s measured…`);
    const before = cpuSeconds(postmaster);
    const load = await drive(server, scenario, `run${index}`);
    await server.close();
    server = undefined;
    await pause(300);
    const cpu = cpuPerOperation(before, cpuSeconds(postmaster), load.succeeded);
    const verdict = await verify(ledgerUrl, scenario.tokens, load.succeeded);
    exact &&= verdict.exact;
    await settle(ledgerUrl, true);
    console.log(`${scenario.label}: the same debit statement through pgbench, ${seconds} s…`);
    const direct = await pgbenchDebits(ledgerUrl, scenario);
    measured.push({ scenario, load, verdict, cpu, direct });
  }
  await settle(ledgerUrl, true);
  await benchmarkPgbench();

  const tps = benchRuns.reduce((sum, result) => sum + result.tps, 0) / benchRuns.length;
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
  const us = (value: number | undefined) =>
    value === undefined ? 'n/a' : `${value.toFixed(0)} µs`;
  const lines = [
    '# Ledger throughput benchmark',
    '',
    `${machine}; ${new Date().toISOString().slice(0, 10)}. ${version} (Debian's package) on a loopback port with **fsync=off**, shared by the ledger and pgbench, so the ratio compares like with like; a durable server gives lower absolute figures. Written by \`pnpm exec tsx scripts/bench/ledger.ts\`.`,
    '',
    `Settings: ${clients} concurrent HTTP clients (one keep-alive connection each${wrk.path ? ': wrk, one thread per client, script `scripts/bench/ledgerWrk.lua`' : ", in a Node worker thread of the benchmark's process (`scripts/bench/ledgerClients.mjs`)"}) post ${DEBIT}-credit debits to the Server API's \`POST ${USAGE_PATH}\` (secret key in X-Api-Key), each with a unique Idempotency-Key: ${warmupSeconds} s warm-up, then ${seconds} s measured. The reference server runs in the benchmark's process on 127.0.0.1 (pool ${poolSize ?? 'default'}), one fresh server per scenario. pgbench: \`-i -s 10\`, then \`--builtin=simple-update -c ${clients} -j 2 -T ${seconds}\` over TCP on 127.0.0.1, once before and once after the ledger (${benchRuns.map((result) => result.tps.toFixed(0)).join(' and ')} tps); the table uses the mean. "Same debit statement": pgbench \`-n -f\` with credits-server's own usage-debit statement (taken from its data layer by \`scripts/bench/pgbenchDebitScript.ts\`: balance move under the row lock, ledger row, Idempotency-Key record), ${clients} clients on the scenario's accounts, ${seconds} s, right after the HTTP run — the floor of a debit without HTTP or Node; the server also sends one more statement per debit (lapsing the account's due holds).`,
    '',
    `Load generator: ${wrk.path ? wrk.note : `the Node worker (${wrk.note})`}. Load average before the run: ${loadBefore}; after: ${loadAverage()} (1, 5, 15 min; "after" includes this benchmark's own load; other work on the 2 cores would lower both debits/s and pgbench tps).`,
    '',
    '| scenario | debits/s (Server API, HTTP) | p50 | p99 | errors | same debit statement via pgbench, tps | HTTP ÷ statement | goal ≥ 60% | pgbench simple-update tps | debits/s ÷ simple-update |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { scenario, load, direct } of measured) {
    const sorted = [...load.latencies].sort((a, b) => a - b);
    const rate = load.completedInWindow / seconds;
    const ratio = rate / tps;
    const errors = load.errors.reduce((sum, error) => sum + error.count, 0);
    lines.push(
      `| ${scenario.label} | ${rate.toFixed(0)} | ${ms(percentile(sorted, 0.5))} | ${ms(percentile(sorted, 0.99))} | ${errors} | ${direct.tps.toFixed(0)} | ${((rate / direct.tps) * 100).toFixed(1)}% | ${rate / direct.tps >= 0.6 ? '✓' : '✗'} | ${tps.toFixed(0)} | ${(ratio * 100).toFixed(1)}% |`,
    );
  }
  lines.push(
    '',
    'CPU per operation (2 cores shared by everything; from /proc, including warm-up):',
    '',
    '| phase | Node (reference server) | load generator | PostgreSQL | total |',
    '|---|---|---|---|---|',
  );
  for (const { scenario, cpu } of measured) {
    const generator = wrk.path
      ? `${us(cpu?.children)} (wrk)`
      : 'in the Node column (worker thread)';
    lines.push(
      `| debit, ${scenario.label} | ${us(cpu?.node)} | ${generator} | ${us(cpu?.postgres)} | ${us(cpu && cpu.node + cpu.children + cpu.postgres)} |`,
    );
  }
  for (const [index, { cpu }] of benchRuns.entries()) {
    lines.push(
      `| pgbench transaction, ${index === 0 ? 'before' : 'after'} | – | ${us(cpu?.children)} (pgbench) | ${us(cpu?.postgres)} | ${us(cpu && cpu.children + cpu.postgres)} |`,
    );
  }
  lines.push('');
  for (const { scenario, load, verdict } of measured) {
    lines.push(
      `- ${scenario.label}: ledger exact: ${verdict.exact ? 'yes' : 'no'} (${verdict.details}).`,
    );
    for (const error of load.errors)
      lines.push(`  - error ${error.status} ×${error.count}: \`${error.sample}\``);
  }
  const markdown = `${lines.join('\n')}\n`;
  console.log(`\n${markdown}`);
  writeFileSync(new URL('../../benchmarks/results/ledger.md', import.meta.url), markdown);
} finally {
  await stop();
}
if (!exact) process.exitCode = 1;
