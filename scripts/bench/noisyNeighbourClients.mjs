// The load of scripts/bench/noisyNeighbour.ts, in a worker thread so that the clients'
// bookkeeping does not share the server's event loop. One victim client reads its balance
// back to back for the whole window; `flooders` clients of another account (0 for the
// unloaded baseline) read history searches that match nothing and the usage ranking, the
// heaviest reads the contract offers.

import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ baseUrl: string, victim: string, flooder: string, flooders: number, durationMs: number }} */
const options = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: options.flooders + 1 });

/** One GET; resolves with its status and latency in ms. */
function get(token, path) {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      `${options.baseUrl}${path}`,
      { agent, headers: { Authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }),
        );
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end();
  });
}

const end = performance.now() + options.durationMs;
const victim = [];
const flood = new Map();
const heavy = ['/transactions?search=no-such-website-anywhere&limit=100', '/usage/websites'];

const victimLoop = async () => {
  while (performance.now() < end) {
    const { status, ms } = await get(options.victim, '/balance');
    if (status !== 200) throw new Error(`victim balance read answered ${status}`);
    victim.push(ms);
  }
};
const floodLoop = async (n) => {
  for (let i = n; performance.now() < end; i++) {
    const { status } = await get(options.flooder, heavy[i % heavy.length]);
    flood.set(status, (flood.get(status) ?? 0) + 1);
  }
};

await Promise.all([
  victimLoop(),
  ...Array.from({ length: options.flooders }, (_, n) => floodLoop(n)),
]);
agent.destroy();
parentPort.postMessage({ victim, flood: Object.fromEntries(flood) });
