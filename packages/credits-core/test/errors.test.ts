import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import {
  CreditsAbortError,
  CreditsAuthError,
  CreditsHttpError,
  CreditsNetworkError,
  createCreditsClient,
} from '../src/index';
import { BASE_URL, balance, paymentMethods, problem } from './fixtures';
import { rejection } from './rejection';
import { listenWithMsw, server } from './server';

listenWithMsw();

const fast = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 };

function count(path: string, method: 'get' | 'post', respond: (n: number) => Response) {
  let calls = 0;
  server.use(http[method](`${BASE_URL}${path}`, () => respond(++calls)));
  return () => calls;
}

describe('HTTP errors', () => {
  it('maps problem+json to its stable code', async () => {
    server.use(
      http.post(`${BASE_URL}/payment-methods/pm_visa/default`, () =>
        HttpResponse.json(problem(404, 'not_found', 'No such payment method'), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    );
    const client = createCreditsClient({ baseUrl: BASE_URL });
    const error = await rejection(client.setDefaultPaymentMethod('pm_visa'));
    expect(error).toBeInstanceOf(CreditsHttpError);
    expect(error.code).toBe('not_found');
    expect(error.status).toBe(404);
    expect((error as CreditsHttpError).problem?.title).toBe('No such payment method');
  });

  it('falls back to a code from the status when the body is not a problem', async () => {
    server.use(
      http.delete(`${BASE_URL}/payment-methods/pm_visa`, () =>
        HttpResponse.html('<h1>Conflict</h1>', { status: 409 }),
      ),
    );
    const client = createCreditsClient({ baseUrl: BASE_URL });
    const error = await rejection(client.deletePaymentMethod('pm_visa'));
    expect(error).toBeInstanceOf(CreditsHttpError);
    expect(error.code).toBe('http_error');
    expect((error as CreditsHttpError).problem).toBeNull();
  });

  it('keeps unknown problem codes', async () => {
    server.use(
      http.get(`${BASE_URL}/balance`, () =>
        HttpResponse.json(problem(418, 'account_frozen'), { status: 418 }),
      ),
    );
    const error = await rejection(createCreditsClient({ baseUrl: BASE_URL }).getBalance());
    expect(error.code).toBe('account_frozen');
  });
});

describe('authentication', () => {
  it('calls onUnauthorized on a 401 and throws unauthenticated', async () => {
    const onUnauthorized = vi.fn();
    server.use(
      http.get(`${BASE_URL}/balance`, () =>
        HttpResponse.json(problem(401, 'unauthenticated'), { status: 401 }),
      ),
    );
    const client = createCreditsClient({ baseUrl: BASE_URL, onUnauthorized });
    const error = await rejection(client.getBalance());
    expect(error).toBeInstanceOf(CreditsAuthError);
    expect(error.code).toBe('unauthenticated');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]?.[0]).toBe(error);
  });

  it('retries once with fresh headers when onUnauthorized refreshed the token', async () => {
    let token = 'expired';
    server.use(
      http.get(`${BASE_URL}/balance`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer fresh'
          ? HttpResponse.json(balance)
          : HttpResponse.json(problem(401, 'unauthenticated'), { status: 401 }),
      ),
    );
    const client = createCreditsClient({
      baseUrl: BASE_URL,
      headers: () => ({ Authorization: `Bearer ${token}` }),
      onUnauthorized: async () => {
        token = 'fresh';
        return true;
      },
    });
    await expect(client.getBalance()).resolves.toEqual(balance);
  });

  it('does not loop when the refreshed token is refused too', async () => {
    const onUnauthorized = vi.fn(() => true);
    const calls = count('/balance', 'get', () =>
      HttpResponse.json(problem(401, 'unauthenticated'), { status: 401 }),
    );
    const client = createCreditsClient({ baseUrl: BASE_URL, onUnauthorized });
    expect((await rejection(client.getBalance())).code).toBe('unauthenticated');
    expect(calls()).toBe(2);
    expect(onUnauthorized).toHaveBeenCalledTimes(2);
  });

  it('maps 403 to forbidden, without calling onUnauthorized', async () => {
    const onUnauthorized = vi.fn();
    server.use(
      http.post(`${BASE_URL}/purchases`, () =>
        HttpResponse.json(problem(403, 'forbidden'), { status: 403 }),
      ),
    );
    const client = createCreditsClient({ baseUrl: BASE_URL, onUnauthorized });
    const error = await rejection(client.createPurchase({ packageId: 'pkg_10k' }));
    expect(error).toBeInstanceOf(CreditsAuthError);
    expect(error.code).toBe('forbidden');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('keeps a 403 with another code (live mode refusing the sandbox) as that code', async () => {
    server.use(
      http.post(`${BASE_URL}/sandbox/purchases/pur_1/confirm`, () =>
        HttpResponse.json(problem(403, 'sandbox_unavailable'), { status: 403 }),
      ),
    );
    const client = createCreditsClient({ baseUrl: BASE_URL });
    const error = await rejection(
      client.sandbox.confirmPurchase('pur_1', { paymentMethod: 'pm_card_visa' }),
    );
    expect(error).not.toBeInstanceOf(CreditsAuthError);
    expect(error.code).toBe('sandbox_unavailable');
  });
});

describe('network failures, timeouts and aborts', () => {
  it('a dropped connection is network_error', async () => {
    server.use(http.get(`${BASE_URL}/balance`, () => HttpResponse.error()));
    const client = createCreditsClient({ baseUrl: BASE_URL, retry: false });
    const error = await rejection(client.getBalance());
    expect(error).toBeInstanceOf(CreditsNetworkError);
    expect(error.code).toBe('network_error');
  });

  it('a server that never answers is timeout', async () => {
    server.use(http.get(`${BASE_URL}/balance`, () => new Promise<never>(() => {})));
    const client = createCreditsClient({ baseUrl: BASE_URL, retry: false, timeoutMs: 30 });
    const error = await rejection(client.getBalance());
    expect(error.code).toBe('timeout');
  });

  it('the caller’s AbortSignal cancels the request as aborted, and stops retries', async () => {
    const calls = count('/balance', 'get', () => new Promise<never>(() => {}) as never);
    const client = createCreditsClient({ baseUrl: BASE_URL, retry: fast });
    const controller = new AbortController();
    const pending = client.getBalance({ signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(CreditsAbortError);
    expect(error.code).toBe('aborted');
    expect(calls()).toBe(1);
  });

  it('a signal aborted before the call sends nothing', async () => {
    const calls = count('/balance', 'get', () => HttpResponse.json(balance));
    const client = createCreditsClient({ baseUrl: BASE_URL });
    const error = await rejection(client.getBalance({ signal: AbortSignal.abort() }));
    expect(error.code).toBe('aborted');
    expect(calls()).toBe(0);
  });
});

describe('safe retries with backoff: GETs only', () => {
  it('retries a GET on 503 and network errors, then succeeds', async () => {
    const calls = count('/balance', 'get', (n) =>
      n === 1
        ? HttpResponse.json(problem(503, 'service_unavailable'), { status: 503 })
        : n === 2
          ? HttpResponse.error()
          : HttpResponse.json(balance),
    );
    const client = createCreditsClient({ baseUrl: BASE_URL, retry: fast });
    await expect(client.getBalance()).resolves.toEqual(balance);
    expect(calls()).toBe(3);
  });

  it('gives up after the configured retries with the last error', async () => {
    const calls = count('/balance', 'get', () =>
      HttpResponse.json(problem(500, 'internal_error'), { status: 500 }),
    );
    const client = createCreditsClient({ baseUrl: BASE_URL, retry: fast });
    expect((await rejection(client.getBalance())).code).toBe('internal_error');
    expect(calls()).toBe(3);
  });

  it('honours Retry-After on 429', async () => {
    const calls = count('/balance', 'get', (n) =>
      n === 1
        ? HttpResponse.json(problem(429, 'rate_limited'), {
            status: 429,
            headers: { 'Retry-After': '0' },
          })
        : HttpResponse.json(balance),
    );
    const client = createCreditsClient({
      baseUrl: BASE_URL,
      retry: { retries: 1, baseDelayMs: 10_000 },
    });
    await expect(client.getBalance()).resolves.toEqual(balance);
    expect(calls()).toBe(2);
  });

  it('never retries a 4xx GET', async () => {
    const calls = count('/balance', 'get', () =>
      HttpResponse.json(problem(404, 'not_found'), { status: 404 }),
    );
    await rejection(createCreditsClient({ baseUrl: BASE_URL, retry: fast }).getBalance());
    expect(calls()).toBe(1);
  });

  it('never retries a POST without an Idempotency-Key', async () => {
    const calls = count('/payment-methods/pm_mc/default', 'post', () => HttpResponse.error());
    const client = createCreditsClient({ baseUrl: BASE_URL, retry: fast });
    expect((await rejection(client.setDefaultPaymentMethod('pm_mc'))).code).toBe('network_error');
    expect(calls()).toBe(1);
  });

  it('never retries a keyed POST that got a 500 (the backend may have run it)', async () => {
    const calls = count('/purchases', 'post', () =>
      HttpResponse.json(problem(500, 'internal_error'), { status: 500 }),
    );
    const client = createCreditsClient({ baseUrl: BASE_URL, retry: fast });
    const error = await rejection(client.createPurchase({ packageId: 'pkg_10k' }));
    expect(error.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls()).toBe(1);
  });

  it('does not retry a list that would be fine: the happy path is one request', async () => {
    const calls = count('/payment-methods', 'get', () =>
      HttpResponse.json({ data: paymentMethods }),
    );
    await createCreditsClient({ baseUrl: BASE_URL }).listPaymentMethods();
    expect(calls()).toBe(1);
  });
});
