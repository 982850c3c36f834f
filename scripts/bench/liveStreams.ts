// Live streams (issue 15): N browsers holding `GET /events` open on one credits-server instance
// (one stream per account, as one tab per user) on a real PostgreSQL, over loopback.
//
//   pnpm exec tsx scripts/bench/liveStreams.ts [--streams 1000] [--idle-streams 10000] [--debits 200]
//
// Measured side by side in one run:
// - latency from a debit (the Server API's usage call, as a host's backend makes it) to the new
//   balance arriving at the browser-side reader (fetch + eventsource-parser, what credits-core
//   reads the stream with), p50/p99, next to its floors: a bare LISTEN/NOTIFY round trip on the
//   same PostgreSQL, and the debit's own HTTP round trip;
// - the server's memory per open stream (its own process, after a full GC): with no stream, with
//   --streams, and after opening more up to --idle-streams (the per-stream figure at that many);
// - fan-out, with --idle-streams open: ledger rows committed by plain SQL (many accounts per
//   statement, so the instance does nothing but fan out), and events per second at the readers;
// - requests: what the same N clients would send polling every 30 s instead.
// Figures only, never a pass/fail on wall-clock. Writes benchmarks/results/live-streams.md.

import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startPostgres } from '../../packages/credits-server/test/startPostgres.ts';

const fromCore = createRequire(
  new URL('../../packages/credits-core/package.json', import.meta.url),
);
const fromServer = createRequire(
  new URL('../../packages/credits-server/package.json', import.meta.url),
);
// eventsource-parser's API, as far as used here (it is credits-core's dependency, not the root's).
const { createParser } = fromCore('eventsource-parser') as {
  createParser(callbacks: { onEvent(message: { event?: string; data: string }): void }): {
    feed(chunk: string): void;
  };
};
const pg = fromServer('pg') as {
  Client: new (config: {
    connectionString: string;
  }) => {
    connect(): Promise<unknown>;
    query(text: string, values?: unknown[]): Promise<unknown>;
    on(event: 'notification', listener: () => void): void;
    end(): Promise<void>;
  };
};

const { values: flags } = parseArgs({
  options: {
    streams: { type: 'string', default: '1000' },
    'idle-streams': { type: 'string', default: '10000' },
    debits: { type: 'string', default: '200' },
    'fanout-rounds': { type: 'string', default: '20' },
  },
});
const streamCount = Number(flags.streams);
const idleCount = Math.max(streamCount, Number(flags['idle-streams']));
const debitCount = Number(flags.debits);
const fanoutRounds = Number(flags['fanout-rounds']);
for (const [flag, value] of Object.entries({
  streams: streamCount,
  'idle-streams': idleCount,
  debits: debitCount,
  'fanout-rounds': fanoutRounds,
}))
  if (!(Number.isInteger(value) && value >= 1))
    throw new Error(`--${flag} must be a whole number ≥ 1`);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
/** Poll interval of credits-core's fallback (startLiveCredits' default) and what one poll asks. */
const POLL_MS = 30_000;
const REQUESTS_PER_POLL = 5; // config, balance, history's first page, saved cards, usage ranking

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}

const postgres = await startPostgres();
const apiKey = `sk_test_${randomBytes(24).toString('hex')}`;
const child = fork(new URL('./liveStreamsServer.ts', import.meta.url), {
  execArgv: ['--import', 'tsx', '--expose-gc'],
  env: { ...process.env, BENCH_DATABASE_URL: postgres.url, BENCH_API_KEY: apiKey },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const fromChild = <T>(type: string) =>
  new Promise<T>((resolve) => {
    const listener = (message: { type: string } & T) => {
      if (message.type !== type) return;
      child.off('message', listener);
      resolve(message);
    };
    child.on('message', listener);
  });
const memory = async () => {
  const answer = fromChild<{ usage: Memory }>('memory');
  child.send({ type: 'memory' });
  return (await answer).usage;
};

/** Events every reader received, and whoever waits for a count of them. */
const received = { events: 0, transactions: 0 };
let onReceived: () => void = () => {};

/** One browser's stream: resolves `ready`, and waits for this account's next balance event. */
interface Reader {
  ready: Promise<void>;
  nextBalance(): Promise<number>;
  close(): void;
}

function openReader(baseUrl: string, token: string): Reader {
  const controller = new AbortController();
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    readyResolve = resolve;
  });
  let waiter: ((at: number) => void) | undefined;
  const parser = createParser({
    onEvent: (message) => {
      received.events += 1;
      if (message.event === 'transaction') received.transactions += 1;
      onReceived();
      if (message.event === 'ready') readyResolve();
      if (message.event === 'balance') waiter?.(performance.now());
    },
  });
  void (async () => {
    const response = await fetch(`${baseUrl}/events`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
      signal: controller.signal,
    });
    if (!response.ok || !response.body) throw new Error(`GET /events: ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(value);
    }
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) console.error(error);
  });
  return {
    ready,
    nextBalance: () =>
      new Promise((resolve) => {
        waiter = (at) => {
          waiter = undefined;
          resolve(at);
        };
      }),
    close: () => controller.abort(),
  };
}

const serverApi = (baseUrl: string, token: string, path: string, body: unknown) =>
  fetch(`${baseUrl}/server/accounts/acct_${token}/${path}`, {
    method: 'POST',
    headers: {
      'X-Api-Key': apiKey,
      'Content-Type': 'application/json',
      'Idempotency-Key': randomBytes(12).toString('hex'),
    },
    body: JSON.stringify(body),
  });

let readers: Reader[] = [];
try {
  const { baseUrl } = await fromChild<{ baseUrl: string }>('ready');
  const tokens = Array.from({ length: idleCount }, (_, index) => `live_${index}`);
  // Every account exists (it has called the API) and the debited ones have credits.
  for (let index = 0; index < tokens.length; index += 50)
    await Promise.all(
      tokens
        .slice(index, index + 50)
        .map((token) =>
          fetch(`${baseUrl}/balance`, { headers: { Authorization: `Bearer ${token}` } }),
        ),
    );
  const debited = tokens.slice(0, Math.min(tokens.length, debitCount));
  for (const token of debited) {
    const granted = await serverApi(baseUrl, token, 'grants', {
      credits: 1_000_000,
      reason: 'Bench credits',
    });
    if (!granted.ok) throw new Error(`grant: ${granted.status} ${await granted.text()}`);
  }

  // The floor: a bare LISTEN/NOTIFY round trip on the same PostgreSQL.
  const listener = new pg.Client({ connectionString: postgres.url });
  const notifier = new pg.Client({ connectionString: postgres.url });
  await listener.connect();
  await notifier.connect();
  await listener.query('LISTEN bench_floor');
  let heard: () => void = () => {};
  listener.on('notification', () => heard());
  const floor: number[] = [];
  for (let run = 0; run < debitCount + 20; run += 1) {
    const started = performance.now();
    const arrived = new Promise<void>((resolve) => {
      heard = resolve;
    });
    await notifier.query(`NOTIFY bench_floor, '${run}'`);
    await arrived;
    if (run >= 20) floor.push(performance.now() - started);
  }
  await listener.end();
  await notifier.end();

  // One loopback HTTP hop to the same server: a GET answered from memory-light work.
  const hop: number[] = [];
  for (let run = 0; run < debitCount + 20; run += 1) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/config`, {
      headers: { Authorization: `Bearer ${tokens[0]}` },
    });
    await response.arrayBuffer();
    if (run >= 20) hop.push(performance.now() - started);
  }

  const before = await memory();
  const opened = performance.now();
  for (let index = 0; index < streamCount; index += 100) {
    const batch = tokens
      .slice(index, Math.min(streamCount, index + 100))
      .map((token) => openReader(baseUrl, token));
    await Promise.all(batch.map((reader) => reader.ready));
    readers.push(...batch);
  }
  const openSeconds = (performance.now() - opened) / 1000;
  const after = await memory();

  // Debits one at a time on the first accounts, each waited for at its own reader.
  const event: number[] = [];
  const http: number[] = [];
  const afterResponse: number[] = [];
  for (let run = 0; run < debitCount + 10; run += 1) {
    const index = run % debited.length;
    const reader = readers[index]!;
    const arrived = reader.nextBalance();
    const started = performance.now();
    const response = await serverApi(baseUrl, debited[index]!, 'usage', {
      credits: 1,
      description: 'Website generation',
    });
    const answered = performance.now();
    if (response.status !== 201) throw new Error(`usage: ${response.status}`);
    await response.arrayBuffer();
    const at = await arrived;
    if (run < 10) continue; // warm-up
    event.push(at - started);
    http.push(answered - started);
    afterResponse.push(at - answered);
  }

  // More idle streams, up to --idle-streams: memory per stream, then fan-out with all of them open.
  const idleOpened = performance.now();
  for (let index = streamCount; index < idleCount; index += 100) {
    const batch = tokens.slice(index, index + 100).map((token) => openReader(baseUrl, token));
    await Promise.all(batch.map((reader) => reader.ready));
    readers.push(...batch);
  }
  const idleOpenSeconds = (performance.now() - idleOpened) / 1000;
  const idle = await memory();

  // Fan-out: each round one statement commits a ledger row on every debited account (as another
  // service or a console would, straight in SQL); the rounds go out back to back, and the clock
  // stops when the readers hold every row's transaction event.
  const writer = new pg.Client({ connectionString: postgres.url });
  await writer.connect();
  const accounts = debited.map((token) => `acct_${token}`);
  const wanted = received.transactions + fanoutRounds * accounts.length;
  const eventsBefore = received.events;
  const allArrived = new Promise<void>((resolve) => {
    onReceived = () => {
      if (received.transactions >= wanted) resolve();
    };
  });
  const fanStarted = performance.now();
  for (let round = 0; round < fanoutRounds; round += 1)
    await writer.query(
      `WITH moved AS (UPDATE accounts SET total = total + 1, seq = seq + 1 WHERE id = ANY($1)
         RETURNING id, seq, total - used AS balance_after)
       INSERT INTO transactions (account_id, seq, id, type, description, amount, balance_after)
       SELECT id, seq, 'txn_fan_' || $2 || '_' || id, 'grant', 'Bench fan-out', 1, balance_after
       FROM moved`,
      [accounts, round],
    );
  const committedSeconds = (performance.now() - fanStarted) / 1000;
  await allArrived;
  const fanSeconds = (performance.now() - fanStarted) / 1000;
  onReceived = () => {};
  await writer.end();
  const fanRows = fanoutRounds * accounts.length;
  const fanEvents = received.events - eventsBefore;

  const perStream = (key: keyof Memory) => (idle[key] - before[key]) / idleCount;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const p99Goal = 2 * percentile(floor, 99) + percentile(hop, 50);
  const pollingPerMinute = streamCount * REQUESTS_PER_POLL * (60_000 / POLL_MS);
  const lines = [
    '# Live streams',
    '',
    `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (load average ${os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(
        ' / ',
      )} at the end), PostgreSQL from Debian's package, credits-server in its own Node process, the readers in another (fetch + eventsource-parser, as credits-core reads the stream), loopback. \`pnpm exec tsx scripts/bench/liveStreams.ts --streams ${streamCount} --idle-streams ${idleCount} --debits ${debitCount}\`.`,
    '',
    `${streamCount.toLocaleString('en-US')} streams open at once (one per account), opened in ${openSeconds.toFixed(1)} s; then ${debitCount} debits of 1 credit one after another through the Server API, each timed until its account's reader has the new balance.`,
    '',
    '| measure | p50 | p99 |',
    '|---|---|---|',
    `| debit request → new balance at the reader, ${streamCount.toLocaleString('en-US')} streams open | ${ms(percentile(event, 50))} | ${ms(percentile(event, 99))} |`,
    `| the debit's own HTTP round trip (request → 201) | ${ms(percentile(http, 50))} | ${ms(percentile(http, 99))} |`,
    `| 201 answered → balance at the reader | ${ms(percentile(afterResponse, 50))} | ${ms(percentile(afterResponse, 99))} |`,
    `| floor: bare LISTEN/NOTIFY round trip, same PostgreSQL | ${ms(percentile(floor, 50))} | ${ms(percentile(floor, 99))} |`,
    `| one loopback HTTP hop (GET /config) | ${ms(percentile(hop, 50))} | ${ms(percentile(hop, 99))} |`,
    '',
    `Goal (issue 15): the event's p99 ≤ 2 × the floor's p99 + one HTTP hop = ${ms(p99Goal)}, counted from the commit; the debit's commit lies inside its HTTP round trip, so the row "201 answered → balance" (${ms(percentile(afterResponse, 99))} at p99) is the part after the commit that the client can see, and the first row its upper bound.`,
    '',
    `Then ${(idleCount - streamCount).toLocaleString('en-US')} more idle streams (${idleOpenSeconds.toFixed(1)} s), ${idleCount.toLocaleString('en-US')} in all:`,
    '',
    `| server memory (own process, after a full GC) | no stream | ${streamCount.toLocaleString('en-US')} streams | ${idleCount.toLocaleString('en-US')} streams | per stream (at ${idleCount.toLocaleString('en-US')}) |`,
    '|---|---|---|---|---|',
    ...(['rss', 'heapUsed', 'external'] as const).map(
      (key) =>
        `| ${{ rss: 'RSS', heapUsed: 'JS heap used', external: 'external (buffers)' }[key]} | ${kb(before[key])} | ${kb(after[key])} | ${kb(idle[key])} | ${kb(perStream(key))} |`,
    ),
    '',
    `Fan-out: ${fanoutRounds} statements committed ${fanRows.toLocaleString('en-US')} ledger rows by plain SQL (one row on each of ${accounts.length} accounts per statement, ${committedSeconds.toFixed(1)} s to commit them all), so the instance only fans out; the readers had all ${fanEvents.toLocaleString('en-US')} events (a transaction and a balance per row) ${fanSeconds.toFixed(1)} s after the first statement: **${Math.round(fanEvents / fanSeconds).toLocaleString('en-US')} events/s** (${Math.round(fanRows / fanSeconds).toLocaleString('en-US')} rows/s) from one instance with ${idleCount.toLocaleString('en-US')} streams open. Floor: the commits alone, ${Math.round(fanRows / committedSeconds).toLocaleString('en-US')} rows/s.`,
    '',
    `Requests: the ${streamCount.toLocaleString('en-US')} streaming clients send none while connected (one \`GET /events\` each when they connect; the server writes a 9-byte heartbeat comment every 15 s). The same clients polling every 30 s (credits-core's fallback, ${REQUESTS_PER_POLL} GETs a poll for a page with the four widgets: config, balance, history's first page, saved cards, usage ranking) send **${pollingPerMinute.toLocaleString('en-US')} requests/minute**, and still show a change up to 30 s late.`,
    '',
  ];
  const report = lines.join('\n');
  console.log(report);
  writeFileSync(new URL('../../benchmarks/results/live-streams.md', import.meta.url), report);
} finally {
  for (const reader of readers) reader.close();
  readers = [];
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'close' });
  await exited;
  await postgres.stop();
}
