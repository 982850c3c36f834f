import {
  type CreditsBackendOptions,
  createCreditsBackend,
  createCreditsHandlers,
} from 'credits-msw';
import {
  type CreditsServer,
  createFetchHandler,
  type FetchHandler,
  startCreditsServer,
} from 'credits-msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConformanceReport, formatReport, runConformance } from '../src/index';

const TOKEN = 'conformance-test-token';
let server: CreditsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** credits-msw over real HTTP on loopback, optionally with a planted defect in front of it. */
async function serve(
  defect?: (handle: FetchHandler) => FetchHandler,
  backend: CreditsBackendOptions = {},
) {
  const handle = createFetchHandler(
    createCreditsHandlers({
      backend: createCreditsBackend({ paymentLatencyMs: 20, ...backend }),
      requireAuth: true,
    }),
  );
  server = await startCreditsServer({ handlers: defect ? defect(handle) : handle });
  return runConformance({ baseUrl: server.baseUrl, token: TOKEN });
}

const statusOf = (report: ConformanceReport) =>
  Object.fromEntries(report.results.map((result) => [result.id, result.status]));

/** Defects a backend really ships, planted one at a time. */
const defects = {
  /** Treats every request as a new attempt: retries charge twice. */
  ignoresIdempotencyKey:
    (handle: FetchHandler): FetchHandler =>
    (request) => {
      if (request.method !== 'POST' || !request.headers.has('idempotency-key'))
        return handle(request);
      const headers = new Headers(request.headers);
      headers.set('idempotency-key', crypto.randomUUID());
      return handle(new Request(request, { headers }));
    },
  /** Sends credits with a fraction. */
  fractionalCredits:
    (handle: FetchHandler): FetchHandler =>
    async (request) => {
      const response = await handle(request);
      if (!new URL(request.url).pathname.endsWith('/balance') || !response.ok) return response;
      const balance = (await response.json()) as { total: number; available: number };
      return Response.json({
        ...balance,
        total: balance.total + 0.5,
        available: balance.available + 0.5,
      });
    },
  /** Deletes the default card without a new default. */
  deletableDefault:
    (handle: FetchHandler): FetchHandler =>
    async (request) => {
      const url = new URL(request.url);
      if (request.method !== 'DELETE' || url.searchParams.has('newDefaultId'))
        return handle(request);
      const listUrl = url.href.replace(/\/payment-methods\/[^/?]+.*$/, '/payment-methods');
      const list = (await (
        await handle(new Request(listUrl, { headers: request.headers }))
      ).json()) as {
        data: { id: string }[];
      };
      const target = url.pathname.split('/').at(-1);
      const other = list.data.find((method) => method.id !== target);
      if (other) url.searchParams.set('newDefaultId', other.id);
      return handle(new Request(url, request));
    },
};

describe('the conformance kit', () => {
  it('passes on credits-msw served over HTTP', async () => {
    const report = await serve();
    const failures = report.results.filter((result) => result.status === 'fail');
    expect(failures.map((f) => `${f.id}: ${f.message}`)).toEqual([]);
    expect(report.passed).toBeGreaterThanOrEqual(20);
    // Only the live-mode check does not apply to a test-mode backend.
    expect(report.results.filter((r) => r.status === 'skip').map((r) => r.id)).toEqual([
      'sandbox.liveModeRefused',
    ]);
    expect(formatReport(report)).toMatch(/\n\d+ passed, 0 failed, 1 skipped$/);
  });

  it('passes through a late webhook (purchases stay processing for a while)', async () => {
    const report = await serve(undefined, { webhookDelayMs: 300 });
    expect(
      report.results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`),
    ).toEqual([]);
  });

  it('fails a backend that ignores Idempotency-Key, by name, showing the request', async () => {
    const report = await serve(defects.ignoresIdempotencyKey);
    const status = statusOf(report);
    expect(status['idempotency.replay']).toBe('fail');
    expect(status['idempotency.reuseDifferentBody']).toBe('fail');
    expect(status['idempotency.concurrent']).toBe('fail');
    expect(status['balance.schema']).toBe('pass');
    const replay = report.results.find((r) => r.id === 'idempotency.replay');
    expect(replay?.message).toMatch(/created another purchase/);
    expect(replay?.exchange).toMatchObject({
      method: 'POST',
      url: expect.stringMatching(/\/purchases$/),
    });
    expect(formatReport(report)).toMatch(/✗ idempotency\.replay/);
  });

  it('fails a backend that sends fractional credits', async () => {
    const report = await serve(defects.fractionalCredits);
    const status = statusOf(report);
    expect(status['balance.schema']).toBe('fail');
    expect(report.results.find((r) => r.id === 'balance.schema')?.message).toMatch(/total/);
    expect(status['idempotency.replay']).toBe('pass');
  });

  it('fails a backend that lets the default card be deleted', async () => {
    const report = await serve(defects.deletableDefault);
    const status = statusOf(report);
    expect(status['paymentMethods.rules']).toBe('fail');
    expect(report.results.find((r) => r.id === 'paymentMethods.rules')?.message).toMatch(
      /HTTP 409/,
    );
    expect(status['idempotency.replay']).toBe('pass');
  });

  it('skips the sandbox checks against a live-mode backend and checks that it refuses the sandbox', async () => {
    const report = await serve(undefined, { mode: 'live' });
    const status = statusOf(report);
    expect(status['sandbox.liveModeRefused']).toBe('pass');
    expect(status['purchase.sandboxLifecycle']).toBe('skip');
    expect(status['paymentMethods.rules']).toBe('skip');
    expect(report.failed).toBe(0);
  });

  it('reports a backend that is not there as failures, not a crash', async () => {
    const report = await runConformance({
      baseUrl: 'http://127.0.0.1:9/credits',
      only: ['config', 'balance.schema'],
    });
    expect(report.failed).toBe(2);
    expect(report.results[0]?.message).toMatch(/could not run/);
  });
});
