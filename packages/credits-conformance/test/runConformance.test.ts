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
/** The fake's Server API key and its one account (the one the token signs in as). */
const API_KEY = 'sk_test_conformance_kit_tests_key';
const ACCOUNT = 'acct_demo';
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
  { serverApi = true }: { serverApi?: boolean } = {},
) {
  const handle = createFetchHandler(
    createCreditsHandlers({
      backend:
        'listTransactions' in backend
          ? backend
          : createCreditsBackend({ paymentLatencyMs: 20, autoRecharge: {}, ...backend }),
      requireAuth: true,
      serverApiKey: API_KEY,
      events: 'live',
    }),
  );
  server = await startCreditsServer({ handlers: defect ? defect(handle) : handle });
  return runConformance({
    baseUrl: server.baseUrl,
    token: TOKEN,
    ...(serverApi ? { apiKey: API_KEY, accountId: ACCOUNT } : {}),
    only,
  });
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

/** Rewrites the JSON body of the answers to `path` (a suffix) with `change`. */
const rewrite =
  (path: RegExp, change: (body: Record<string, unknown>, request: Request) => unknown) =>
  (handle: FetchHandler): FetchHandler =>
  async (request) => {
    const response = await handle(request);
    if (!path.test(new URL(request.url).pathname)) return response;
    const body = (await response.json()) as Record<string, unknown>;
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return Response.json(change(body, request), { status: response.status, headers });
  };

/** Defects a backend really ships, planted one at a time. */
const defects = {
  /** A stream that never sends `auto-recharge` events (a backend that forgot them). */
  silentAutoRecharge:
    (handle: FetchHandler): FetchHandler =>
    async (request) => {
      const response = await handle(request);
      if (!new URL(request.url).pathname.endsWith('/events') || !response.body) return response;
      const frames = new TransformStream<string, string>({
        transform: (text, out) =>
          out.enqueue(text.replace(/id: \d+\nevent: auto-recharge\ndata: [^\n]*\n\n/g, '')),
      });
      const body = response.body
        .pipeThrough(new TextDecoderStream())
        .pipeThrough(frames)
        .pipeThrough(new TextEncoderStream());
      return new Response(body, { status: response.status, headers: response.headers });
    },
  /** A history page whose seq runs one ahead of its rows (seq read apart from the rows). */
  historySeqAhead: rewrite(/\/transactions$/, (page) =>
    typeof page.seq === 'number' ? { ...page, seq: page.seq + 1 } : page,
  ),
  /** Usage series whose buckets are one bucket off the ledger (UTC days shown as the user's). */
  seriesOffByOneBucket: rewrite(/\/usage\/series$/, (series) => {
    const buckets = series.buckets as { usage: number; byWebsite: number[] }[] | undefined;
    if (!buckets) return series; // a problem body
    const values = buckets.map(({ usage, byWebsite }) => ({ usage, byWebsite }));
    return {
      ...series,
      buckets: buckets.map((bucket, index) => ({
        ...bucket,
        ...values[(index + 1) % values.length],
      })),
    };
  }),
  /** Lists no expiring credits, whatever the lots (credits-server before lots did so). */
  noExpiring: rewrite(/\/balance$/, (balance) =>
    'total' in balance ? { ...balance, expiring: [] } : balance,
  ),
  /** Announces a major version this kit does not check. */
  nextMajor: rewrite(/\/config$/, (config) => ({ ...config, apiVersion: '2.0' })),
  /** `GET /config` fails. */
  brokenConfig:
    (handle: FetchHandler): FetchHandler =>
    (request) =>
      new URL(request.url).pathname.endsWith('/config')
        ? Promise.resolve(problem(500, 'internal_error', 'Internal server error'))
        : handle(request),
  /** A stateless mock: every POST /purchases answers the first purchase it ever made. */
  onePurchaseForAll: (handle: FetchHandler): FetchHandler => {
    let first: Promise<Response> | undefined;
    return async (request) => {
      if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/purchases'))
        return handle(request);
      first ??= handle(request);
      return (await first).clone();
    };
  },
  /** Runs a replay again and renders it afresh: same purchase, another `createdAt`. */
  rerendersReplay: (handle: FetchHandler): FetchHandler => {
    const seen = new Set<string>();
    return rewrite(/\/purchases$/, (purchase, request) => {
      const key = request.headers.get('idempotency-key') ?? '';
      const replay = seen.has(key);
      seen.add(key);
      return replay
        ? { ...purchase, createdAt: new Date(Date.now() + 1_000).toISOString() }
        : purchase;
    })(handle);
  },
  /** Parses a JSON body whatever its Content-Type says (text/plain from another site too). */
  acceptsTextPlain:
    (handle: FetchHandler): FetchHandler =>
    (request) => {
      const headers = new Headers(request.headers);
      headers.set('content-type', 'application/json');
      return handle(new Request(request, { headers }));
    },
  /** Says validation_failed without naming the field. */
  unnamedFieldErrors: rewrite(/./, (body) => ({ ...body, errors: undefined })),
  /** Reads a date without a time, or 31 February, as some day (`Date.parse`). */
  lenientDates:
    (handle: FetchHandler): FetchHandler =>
    (request) => {
      const url = new URL(request.url);
      for (const name of ['from', 'to']) {
        const value = url.searchParams.get(name);
        if (value && !Number.isNaN(Date.parse(value)))
          url.searchParams.set(name, new Date(value).toISOString());
      }
      return handle(new Request(url, request));
    },
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
    // The live-mode check does not apply to a test-mode backend, 42 rows cannot show
    // the clamp to maxPageSize (100), and the fake has one account (no second one for the
    // events' isolation check): all skipped with their reason, not passed.
    const skipped = report.results.filter((r) => r.status === 'skip');
    expect(skipped.map((r) => r.id)).toEqual([
      'sandbox.liveModeRefused',
      'transactions.limitClamp',
      'events.isolation',
    ]);
    expect(skipped[1]?.message).toMatch(/more than maxPageSize \(100\)/);
    expect(report.skipped).toBe(3);
    expect(report.results.filter((r) => r.id.startsWith('events.')).map((r) => r.status)).toEqual([
      'pass',
      'pass',
      'pass',
      'skip',
      'pass',
      'pass',
    ]);
    expect(formatReport(report)).toMatch(
      /– transactions\.limitClamp .*\n {6}skipped: it needs more than maxPageSize/,
    );
    expect(formatReport(report)).toMatch(/\n\d+ passed, 0 failed, 3 skipped$/);
  });

  it('checks auto-recharge where Config.autoRecharge offers it: shape, round trip, refusals, one recharge per crossing', async () => {
    const report = await serve(undefined, {}, ['autoRecharge']);
    expect(report.results.map((r) => [r.id, r.status, r.message])).toEqual([
      ['autoRecharge.get', 'pass', undefined],
      ['autoRecharge.put', 'pass', undefined],
      ['autoRecharge.validation', 'pass', undefined],
      ['autoRecharge.paymentMethod', 'pass', undefined],
      ['autoRecharge.crossing', 'pass', undefined],
    ]);
    const offless = await serve(undefined, { autoRecharge: undefined }, ['autoRecharge']);
    expect(offless.results.every((r) => r.status === 'skip')).toBe(true);
    expect(offless.results[0]?.message).toMatch(/Config\.autoRecharge/);
  });

  it('fails a backend that answers bad auto-recharge settings with 400 instead of 422', async () => {
    const report = await serve(
      (handle) => async (request) => {
        const response = await handle(request);
        if (request.method !== 'PUT' || response.status !== 422) return response;
        const body = (await response.json()) as Record<string, unknown>;
        return Response.json(
          { ...body, status: 400 },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        );
      },
      {},
      ['autoRecharge.validation'],
    );
    expect(statusOf(report)['autoRecharge.validation']).toBe('fail');
    expect(report.results[0]?.message).toMatch(/expected HTTP 422, got 400/);
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
    // Only usage rows have a website: the kit records one through the Server API.
    expect(status['transactions.filters.website']).toBe('pass');
    expect(report.failed).toBe(0);
  });

  it('without the Server API key, skips its checks and the website filter, saying what to pass', async () => {
    const report = await serve(
      undefined,
      { transactions: [] },
      ['serverApi', 'transactions.filters.website'],
      {
        serverApi: false,
      },
    );
    expect(report.results.length).toBe(7);
    for (const result of report.results) {
      expect([result.id, result.status]).toEqual([result.id, 'skip']);
      expect(result.message).toMatch(/--api-key/);
    }
  });

  it('fails a backend whose Server API lets a signed-in user in without the key', async () => {
    const userIsServer =
      (handle: FetchHandler): FetchHandler =>
      (request) => {
        if (!new URL(request.url).pathname.includes('/server/')) return handle(request);
        const headers = new Headers(request.headers);
        if (headers.has('authorization')) headers.set('x-api-key', API_KEY);
        return handle(new Request(request, { headers }));
      };
    const report = await serve(userIsServer, {}, ['serverApi']);
    const status = statusOf(report);
    expect(status['serverApi.auth']).toBe('fail');
    expect(report.results.find((r) => r.id === 'serverApi.auth')?.message).toMatch(
      /expected HTTP 401/,
    );
    expect(status['serverApi.holds']).toBe('pass');
  });

  it('skips, never passes, the ledger checks it has no data for (live mode, empty ledger)', async () => {
    // Without the Server API, which would add rows even in live mode.
    const report = await serve(undefined, { mode: 'live', transactions: [] }, undefined, {
      serverApi: false,
    });
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

  it('fails a backend announcing another major version (apiVersion 2.0)', async () => {
    const report = await serve(defects.nextMajor);
    const config = report.results.find((r) => r.id === 'config.schema');
    expect(config?.status).toBe('fail');
    expect(config?.message).toMatch(/apiVersion is "2\.0": this kit checks contract 1\.0/);
  });

  it('reports a broken GET /config once, and skips what needs it instead of failing it again', async () => {
    const report = await serve(defects.brokenConfig);
    expect(
      report.results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`),
    ).toEqual(['config.schema: expected HTTP 200 or 201, got 500']);
    const needsConfig = report.results.filter((r) => r.message?.includes('see config.schema'));
    expect(needsConfig.length).toBeGreaterThan(10);
    expect(needsConfig.every((r) => r.status === 'skip')).toBe(true);
  });

  it('fails a stateless backend that answers every new key with the same purchase', async () => {
    const report = await serve(defects.onePurchaseForAll, {}, ['idempotency', 'purchase']);
    const newKey = report.results.find((r) => r.id === 'idempotency.newKey');
    expect(newKey?.status).toBe('fail');
    expect(newKey?.message).toMatch(/two keys answered the same purchase/);
    expect(statusOf(report)['purchase.declines']).toBe('fail');
  });

  it('fails a backend whose replay is not the first response (a field differs)', async () => {
    const report = await serve(defects.rerendersReplay, {}, ['idempotency.replay']);
    expect(report.results[0]?.status).toBe('fail');
    expect(report.results[0]?.message).toMatch(
      /replay is not the first response: `createdAt` differs/,
    );
  });

  it('fails a backend that acts on JSON sent as text/plain', async () => {
    const report = await serve(defects.acceptsTextPlain, {}, ['errors']);
    expect(report.results.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual([
      'errors.contentType',
    ]);
    expect(report.results.find((r) => r.id === 'errors.contentType')?.message).toMatch(
      /expected HTTP 415, got 201/,
    );
  });

  it('fails a backend whose validation_failed does not name the field', async () => {
    const report = await serve(defects.unnamedFieldErrors, {}, ['errors']);
    const status = statusOf(report);
    expect(status['errors.validation']).toBe('fail');
    expect(status['errors.invalidQuery']).toBe('fail');
    expect(report.results.find((r) => r.id === 'errors.validation')?.message).toMatch(
      /must name the field in errors\[\] \(\{ path: "Idempotency-Key"/,
    );
  });

  it('fails a backend that reads 2026-02-31 or a date without a time as some day', async () => {
    const report = await serve(defects.lenientDates, {}, ['errors.invalidQuery']);
    expect(report.results[0]?.status).toBe('fail');
    expect(report.results[0]?.message).toMatch(/expected HTTP 400, got 200/);
    expect(report.results[0]?.exchange?.url).toMatch(/from=2026-01-01$/);
  });

  it('fails a backend whose usage series is a bucket off the ledger, naming the bucket', async () => {
    const report = await serve(defects.seriesOffByOneBucket, {}, ['usage']);
    const failed = report.results.find((result) => result.id === 'usage.series');
    expect(failed?.status).toBe('fail');
    expect(failed?.message).toMatch(
      /bucket \[.+\): usage\/purchases\/grants are .+ but the ledger's rows in it add up to/,
    );
    expect(statusOf(report)['usage.websites.pages']).toBe('pass');
    expect(statusOf(report)['usage.series.limits']).toBe('pass');
  });

  it('fails a backend whose balance.expiring ignores its lots, by name', async () => {
    const report = await serve(defects.noExpiring, {}, ['lots']);
    const status = statusOf(report);
    expect(status['lots.expiring']).toBe('fail');
    expect(report.results.find((r) => r.id === 'lots.expiring')?.message).toMatch(
      /does not list the 70 credits/,
    );
    // Its consumption order is the fake's own (right): the empty lists agree with nothing spent.
    expect(status['lots.soonestFirst']).toBe('pass');
    expect(status['lots.expiry']).toBe('fail');
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
    // Only these use `from` (one sends an invalid one, which an ignored filter accepts; the
    // usage series is compared with the rows listed from each bucket's start).
    expect(report.results.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual([
      'usage.series',
      'errors.invalidQuery',
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

  it('fails a history page whose seq is ahead of its rows (a live client would miss a row)', async () => {
    const report = await serve(defects.historySeqAhead, {}, ['events.historySeq']);
    expect(report.results.map((r) => [r.id, r.status])).toEqual([['events.historySeq', 'fail']]);
    expect(report.results[0]?.message).toMatch(/says seq \d+, the stream's ready said \d+/);
  });

  it('fails a stream that sends no auto-recharge event when the settings are saved', async () => {
    const report = await serve(defects.silentAutoRecharge, {}, ['events.autoRecharge']);
    expect(report.results.map((r) => [r.id, r.status])).toEqual([['events.autoRecharge', 'fail']]);
    expect(report.results[0]?.message).toMatch(/no `auto-recharge` event with the saved settings/);
  }, 30_000);

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
