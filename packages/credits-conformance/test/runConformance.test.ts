import type { PaymentMethod } from 'credits-core';
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
  backend: CreditsBackendOptions | ReturnType<typeof createCreditsBackend> = {},
  only?: string[],
) {
  const handle = createFetchHandler(
    createCreditsHandlers({
      backend:
        'listTransactions' in backend
          ? backend
          : createCreditsBackend({ paymentLatencyMs: 20, ...backend }),
      requireAuth: true,
    }),
  );
  server = await startCreditsServer({ handlers: defect ? defect(handle) : handle });
  return runConformance({ baseUrl: server.baseUrl, token: TOKEN, only });
}

const problem = (status: number, code: string, title: string) =>
  Response.json(
    { type: 'about:blank', title, status, code },
    {
      status,
      headers: { 'Content-Type': 'application/problem+json' },
    },
  );

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
  /** Drops the `from` filter: newest-first rows still all look recent enough. */
  ignoresFrom:
    (handle: FetchHandler): FetchHandler =>
    (request) => {
      const url = new URL(request.url);
      if (request.method !== 'GET' || !url.pathname.endsWith('/transactions'))
        return handle(request);
      url.searchParams.delete('from');
      return handle(new Request(url, request));
    },
  /** Refuses to delete the last card, as if it were a default needing a successor. */
  keepsLastCard:
    (handle: FetchHandler): FetchHandler =>
    async (request) => {
      const url = new URL(request.url);
      if (request.method !== 'DELETE') return handle(request);
      const listUrl = url.href.replace(/\/payment-methods\/[^/?]+.*$/, '/payment-methods');
      const list = (await (
        await handle(new Request(listUrl, { headers: request.headers }))
      ).json()) as { data: { id: string }[] };
      if (list.data.length !== 1) return handle(request);
      return problem(409, 'default_payment_method_required', 'Default payment method required');
    },
  /** Pages with an offset cursor: a row added while paging pushes a row onto the next page again. */
  offsetCursor:
    (handle: FetchHandler): FetchHandler =>
    async (request) => {
      const url = new URL(request.url);
      if (request.method !== 'GET' || !url.pathname.endsWith('/transactions'))
        return handle(request);
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 25);
      url.searchParams.delete('cursor');
      url.searchParams.set('limit', String(Math.min(offset + limit, 100)));
      const response = await handle(new Request(url, request));
      if (!response.ok) return response;
      const page = (await response.json()) as { data: unknown[]; nextCursor: string | null };
      const data = page.data.slice(offset, offset + limit);
      const more = page.nextCursor !== null || page.data.length > offset + limit;
      return Response.json({ data, nextCursor: more ? String(offset + limit) : null });
    },
};

// A whole run makes a few hundred requests: give it room on a busy machine.
describe('the conformance kit', { timeout: 30_000 }, () => {
  it('passes on credits-msw served over HTTP', async () => {
    const report = await serve();
    const failures = report.results.filter((result) => result.status === 'fail');
    expect(failures.map((f) => `${f.id}: ${f.message}`)).toEqual([]);
    expect(report.passed).toBeGreaterThanOrEqual(25);
    // The live-mode check does not apply to a test-mode backend, and 42 rows cannot show
    // the clamp to maxPageSize (100): both are skipped with their reason, not passed.
    const skipped = report.results.filter((r) => r.status === 'skip');
    expect(skipped.map((r) => r.id)).toEqual([
      'sandbox.liveModeRefused',
      'transactions.limitClamp',
    ]);
    expect(skipped[1]?.message).toMatch(/more than maxPageSize \(100\)/);
    expect(report.skipped).toBe(2);
    expect(formatReport(report)).toMatch(
      /– transactions\.limitClamp .*\n {6}skipped: it needs more than maxPageSize/,
    );
    expect(formatReport(report)).toMatch(/\n\d+ passed, 0 failed, 2 skipped$/);
  });

  it('checks the clamp when the ledger has more rows than maxPageSize', async () => {
    const report = await serve(undefined, { limits: { maxPageSize: 20, defaultPageSize: 10 } });
    expect(statusOf(report)['transactions.limitClamp']).toBe('pass');
    expect(report.failed).toBe(0);
  });

  it('buys the rows the ledger checks need when the ledger starts empty', async () => {
    const report = await serve(undefined, { transactions: [] }, ['balance', 'transactions']);
    const status = statusOf(report);
    for (const id of [
      'balance.matchesLedger',
      'transactions.schema',
      'transactions.limitBounds',
      'transactions.pagination',
      'transactions.filters.type',
      'transactions.filters.search',
      'transactions.filters.dates',
    ])
      expect([id, status[id]]).toEqual([id, 'pass']);
    // Only usage rows have a website, and the contract cannot record usage.
    expect(status['transactions.filters.website']).toBe('skip');
    expect(report.failed).toBe(0);
  });

  it('skips, never passes, the ledger checks it has no data for (live mode, empty ledger)', async () => {
    const report = await serve(undefined, { mode: 'live', transactions: [] });
    const status = statusOf(report);
    expect(status['balance.matchesLedger']).toBe('pass'); // an empty ledger means a balance of 0
    for (const id of ['transactions.pagination', 'transactions.filters.dates'])
      expect([id, status[id]]).toEqual([id, 'skip']);
    expect(report.results.find((r) => r.id === 'transactions.filters.dates')?.message).toMatch(
      /in live mode the kit cannot buy credits/,
    );
    expect(report.failed).toBe(0);
    expect(report.passed + report.skipped).toBe(report.results.length);
  });

  it('leaves the account’s cards as they were after deleting down to the last one', async () => {
    const backend = createCreditsBackend({
      paymentLatencyMs: 20,
      paymentMethods: ['pm_card_mastercard', 'pm_card_visa', 'pm_card_threeDSecure2Required'],
    });
    const cards = () =>
      (backend.paymentMethods().body as { data: PaymentMethod[] }).data.map(
        (m) => `${m.card?.last4}${m.isDefault ? ' default' : ''}`,
      );
    const before = cards();
    const report = await serve(undefined, backend, ['paymentMethods']);
    expect(statusOf(report)['paymentMethods.deleteLast']).toBe('pass');
    expect(report.failed).toBe(0);
    expect(cards().sort()).toEqual(before.sort());
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

  it('fails a backend that ignores the `from` filter, by name', async () => {
    const report = await serve(defects.ignoresFrom);
    const status = statusOf(report);
    expect(status['transactions.filters.dates']).toBe('fail');
    const dates = report.results.find((r) => r.id === 'transactions.filters.dates');
    expect(dates?.message).toMatch(
      /^from=\S+ \(inclusive\) returned \d+\+? rows, expected \d+: unexpected/,
    );
    expect(dates?.exchange?.url).toMatch(/[?&]from=/);
    // Nothing else uses `from`: the defect fails that one check only.
    expect(report.results.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual([
      'transactions.filters.dates',
    ]);
  });

  it('fails a backend that refuses to delete the last card, by name', async () => {
    const report = await serve(defects.keepsLastCard);
    const status = statusOf(report);
    expect(status['paymentMethods.deleteLast']).toBe('fail');
    const deleteLast = report.results.find((r) => r.id === 'paymentMethods.deleteLast');
    expect(deleteLast?.message).toMatch(
      /deleting the last payment method .* refused with HTTP 409/,
    );
    expect(deleteLast?.exchange).toMatchObject({ method: 'DELETE', status: 409 });
    expect(report.results.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual([
      'paymentMethods.deleteLast',
    ]);
  });

  it('fails a backend whose cursor is an offset, when a row arrives while paging', async () => {
    const report = await serve(defects.offsetCursor);
    const status = statusOf(report);
    expect(status['transactions.pagination']).toBe('fail');
    expect(report.results.find((r) => r.id === 'transactions.pagination')?.message).toMatch(
      /appeared on two pages/,
    );
  });

  it('shows the request that showed a lifecycle failure', async () => {
    // Answers every GET /balance with 0 credits: the purchase seems not to have added any.
    const report = await serve(
      (handle) => async (request) => {
        const response = await handle(request);
        if (!new URL(request.url).pathname.endsWith('/balance')) return response;
        return Response.json({
          ...((await response.json()) as object),
          total: 0,
          used: 0,
          available: 0,
        });
      },
      {},
      ['purchase.sandboxLifecycle'],
    );
    const lifecycle = report.results[0];
    expect(lifecycle?.status).toBe('fail');
    expect(lifecycle?.message).toMatch(/^balance went from 0 to \d+, expected \+\d+/);
    expect(lifecycle?.exchange?.url).toMatch(/\/purchases\/[^/]+(\/confirm)?$/);
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
