import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { type CreditsError, createCreditsClient, createIdempotencyKey } from '../src/index';
import { BASE_URL, problem, purchase } from './fixtures';
import { listenWithMsw, server } from './server';

listenWithMsw();

const fast = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 };

/**
 * A backend that honours Idempotency-Key as the contract says, and whose
 * network drops the response of the first `drops` requests after it has
 * processed them (the worst case: the charge happened, the answer was lost).
 */
function idempotentBackend({ drops = 0 } = {}) {
  const byKey = new Map<string, { body: string; purchaseId: string }>();
  const charges: string[] = [];
  const keysSeen: string[] = [];
  let requests = 0;
  server.use(
    http.post(`${BASE_URL}/purchases`, async ({ request }) => {
      requests += 1;
      const key = request.headers.get('idempotency-key');
      if (!key) return HttpResponse.json(problem(400, 'validation_failed'), { status: 400 });
      keysSeen.push(key);
      const body = await request.text();
      let entry = byKey.get(key);
      if (entry && entry.body !== body) {
        return HttpResponse.json(problem(422, 'idempotency_key_reused'), { status: 422 });
      }
      if (!entry) {
        entry = { body, purchaseId: `pur_${charges.length + 1}` };
        byKey.set(key, entry);
        charges.push(entry.purchaseId);
      }
      if (requests <= drops) return HttpResponse.error();
      return HttpResponse.json(purchase({ id: entry.purchaseId }), { status: 201 });
    }),
  );
  return { charges, keysSeen, requests: () => requests };
}

describe('idempotent purchases', () => {
  it('a purchase whose response was dropped is retried with the same key and charged once', async () => {
    const backend = idempotentBackend({ drops: 1 });
    const client = createCreditsClient({ baseUrl: BASE_URL, retry: fast });
    const created = await client.createPurchase({ packageId: 'pkg_10k' });
    expect(created.id).toBe('pur_1');
    expect(backend.requests()).toBe(2);
    expect(new Set(backend.keysSeen).size).toBe(1);
    expect(backend.charges).toEqual(['pur_1']);
  });

  it('after the client gave up, retrying the attempt with error.idempotencyKey still charges once', async () => {
    const backend = idempotentBackend({ drops: 3 });
    const client = createCreditsClient({ baseUrl: BASE_URL, retry: fast });
    const error = (await client
      .createPurchase({ packageId: 'pkg_10k' })
      .catch((e) => e)) as CreditsError;
    expect(error.code).toBe('network_error');
    expect(error.idempotencyKey).toBe(backend.keysSeen[0]);

    const retried = await client.createPurchase(
      { packageId: 'pkg_10k' },
      { idempotencyKey: error.idempotencyKey },
    );
    expect(retried.id).toBe('pur_1');
    expect(backend.charges).toEqual(['pur_1']);
    expect(new Set(backend.keysSeen).size).toBe(1);
  });

  it('separate attempts get separate keys', async () => {
    const backend = idempotentBackend();
    const client = createCreditsClient({ baseUrl: BASE_URL });
    await client.createPurchase({ packageId: 'pkg_10k' });
    await client.createPurchase({ packageId: 'pkg_10k' });
    expect(new Set(backend.keysSeen).size).toBe(2);
    expect(backend.charges).toHaveLength(2);
  });

  it('the same key with another body is refused as idempotency_key_reused, not retried', async () => {
    const backend = idempotentBackend();
    const client = createCreditsClient({ baseUrl: BASE_URL, retry: fast });
    const key = createIdempotencyKey();
    await client.createPurchase({ packageId: 'pkg_10k' }, { idempotencyKey: key });
    const error = (await client
      .createPurchase({ packageId: 'pkg_250k' }, { idempotencyKey: key })
      .catch((e) => e)) as CreditsError;
    expect(error.code).toBe('idempotency_key_reused');
    expect(error.status).toBe(422);
    expect(backend.requests()).toBe(2);
    expect(backend.charges).toHaveLength(1);
  });

  it('idempotency_in_progress is waited out with the same key', async () => {
    const keys: string[] = [];
    server.use(
      http.post(`${BASE_URL}/purchases`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key') ?? '');
        return keys.length === 1
          ? HttpResponse.json(problem(409, 'idempotency_in_progress'), { status: 409 })
          : HttpResponse.json(purchase(), { status: 201 });
      }),
    );
    const client = createCreditsClient({ baseUrl: BASE_URL, retry: fast });
    await expect(client.createPurchase({ packageId: 'pkg_10k' })).resolves.toMatchObject({
      id: 'pur_2',
    });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('setup intents carry a generated key that survives a dropped response', async () => {
    const keys: string[] = [];
    server.use(
      http.post(`${BASE_URL}/setup-intents`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key') ?? '');
        return keys.length === 1
          ? HttpResponse.error()
          : HttpResponse.json(
              { id: 'seti_1', status: 'requires_payment_method', clientSecret: 'seti_1_secret' },
              { status: 201 },
            );
      }),
    );
    const client = createCreditsClient({ baseUrl: BASE_URL, retry: fast });
    await client.createSetupIntent();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(keys[1]).toBe(keys[0]);
  });
});

describe('createIdempotencyKey', () => {
  it('makes UUID v4 keys without crypto.randomUUID (plain-http pages)', () => {
    const original = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    try {
      const keys = new Set(Array.from({ length: 200 }, createIdempotencyKey));
      expect(keys.size).toBe(200);
      for (const key of keys) {
        expect(key).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
      }
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', {
        value: original,
        configurable: true,
      });
    }
  });
});
