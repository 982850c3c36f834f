// The server side of scripts/bench/liveStreams.ts, in a process of its own so its memory is
// measured without the clients': credits-server on the given PostgreSQL, answering the parent's
// `memory` message (after a full GC) with process.memoryUsage().

import { startCreditsServer } from '../../packages/credits-server/src/startCreditsServer.ts';

const server = await startCreditsServer({
  databaseUrl: process.env.BENCH_DATABASE_URL,
  auth: { kind: 'demo' },
  serverApiKeys: [process.env.BENCH_API_KEY ?? ''],
  createsPerMinute: 1_000_000,
  // One stream per account here, as one tab per user; the default heartbeat (15 s).
  liveEvents: { maxStreamsPerAccount: 5 },
});

process.on('message', (message: { type: string }) => {
  if (message.type === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ type: 'memory', usage: process.memoryUsage() });
  } else if (message.type === 'close') {
    void server.close().then(() => process.exit(0));
  }
});
process.send?.({ type: 'ready', baseUrl: server.baseUrl });
