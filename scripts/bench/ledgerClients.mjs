// The load generator of scripts/bench/ledger.ts, in a worker thread so that the
// clients' bookkeeping and timestamps do not share the server's event loop.
// N clients, each with one keep-alive connection, post debits back to back:
// warm-up first (counted for the ledger check, not timed), then the measured window.

import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ origin: string, path: string, apiKey: string, tokens: string[], clients: number, warmupMs: number, durationMs: number, runId: string, credits: number }} */
const options = workerData;
// The Server API's usage path of each account (`{account}` in the path is `acct_<token>`).
const urlOf = (token) =>
  new URL(options.path.replace('{account}', `acct_${token}`), options.origin);
const agent = new Agent({ keepAlive: true, maxSockets: options.clients });

/** One POST; resolves with the status and, for an error, the body. */
function post(token, key, body) {
  return new Promise((resolve, reject) => {
    const req = request(
      urlOf(token),
      {
        method: 'POST',
        agent,
        headers: {
          'X-Api-Key': options.apiKey,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'Idempotency-Key': key,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const start = performance.now();
const windowStart = start + options.warmupMs;
const windowEnd = windowStart + options.durationMs;
/** Latencies (ms) of the debits that started inside the window. */
const latencies = [];
let completedInWindow = 0;
let succeeded = 0;
const errors = new Map();

async function client(index) {
  const token = options.tokens[index % options.tokens.length];
  for (let n = 0; performance.now() < windowEnd; n += 1) {
    const body = JSON.stringify({
      credits: options.credits,
      description: 'Website generation',
      websiteId: `web_${n % 5}`,
    });
    const began = performance.now();
    let status;
    let text = '';
    try {
      ({ status, text } = await post(token, `${options.runId}-${index}-${n}`, body));
    } catch (error) {
      status = `network: ${error instanceof Error ? error.message : String(error)}`;
    }
    const ended = performance.now();
    if (typeof status === 'number' && status >= 200 && status < 300) {
      succeeded += 1;
      if (began >= windowStart) latencies.push(ended - began);
      if (ended >= windowStart && ended <= windowEnd) completedInWindow += 1;
    } else {
      const entry = errors.get(status) ?? { count: 0, sample: text.slice(0, 300) };
      entry.count += 1;
      errors.set(status, entry);
    }
  }
}

await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
agent.destroy();
parentPort?.postMessage({
  completedInWindow,
  succeeded,
  latencies,
  errors: [...errors].map(([status, entry]) => ({ status: String(status), ...entry })),
});
