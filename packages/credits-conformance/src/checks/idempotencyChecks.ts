import { isDeepStrictEqual } from 'node:util';
import { purchaseSchema, setupIntentSchema } from 'credits-core';
import { ensure } from '../CheckFailure.js';
import type { Check, CheckContext } from '../createCheckContext.js';
import type { HttpResponse } from '../createHttp.js';

async function packageIds(context: CheckContext): Promise<[string, string]> {
  const response = await context.http('GET', '/packages');
  const ids = ((response.json as { data?: { id: string }[] })?.data ?? []).map((p) => p.id);
  ensure(ids.length > 0, 'no packages to buy', response);
  return [ids[0]!, ids[1] ?? ids[0]!];
}

/** The first field whose value differs between two JSON bodies (`status`, `balance.available`). */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const [x, y] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
      if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, path ? `${path}.${key}` : key);
    }
  }
  return path || 'the body';
}

/**
 * The contract's replay rule (CONTRACT.md, Idempotency): the stored response — the same status
 * and the same body (key order aside) — never a fresh answer from a second run.
 */
function expectReplayed(first: HttpResponse, replay: HttpResponse, what: string) {
  ensure(
    first.status === replay.status,
    `the ${what} replay answered ${replay.status}, the first request ${first.status}`,
    replay,
  );
  ensure(
    isDeepStrictEqual(first.json, replay.json),
    `the ${what} replay is not the first response: \`${firstDifference(first.json, replay.json)}\` differs`,
    replay,
  );
}

export const idempotencyChecks: Check[] = [
  {
    id: 'idempotency.replay',
    title: 'Same key and same body return the first response again, never a second purchase',
    async run(context) {
      const [packageId] = await packageIds(context);
      const headers = { 'Idempotency-Key': context.key() };
      const first = await context.http('POST', '/purchases', { body: { packageId }, headers });
      const a = context.parse(purchaseSchema, first, 'POST /purchases');
      // Another attempt in between: the replay must answer the first purchase, not the latest.
      const between = await context.http('POST', '/purchases', {
        body: { packageId },
        headers: { 'Idempotency-Key': context.key() },
      });
      const other = context.parse(purchaseSchema, between, 'POST /purchases (another key)');
      ensure(
        other.id !== a.id,
        `two keys answered the same purchase ${a.id}, so a replay cannot be told from a new attempt`,
        between,
      );
      const second = await context.http('POST', '/purchases', { body: { packageId }, headers });
      const b = context.parse(purchaseSchema, second, 'POST /purchases (replay)');
      ensure(a.id === b.id, `the replay created another purchase: ${a.id} then ${b.id}`, second);
      expectReplayed(first, second, 'purchase');
    },
  },
  {
    id: 'idempotency.newKey',
    title: 'A new key is a new attempt: the same body with another key makes another purchase',
    async run(context) {
      const [packageId] = await packageIds(context);
      const buy = () =>
        context.http('POST', '/purchases', {
          body: { packageId },
          headers: { 'Idempotency-Key': context.key() },
        });
      const first = await buy();
      const a = context.parse(purchaseSchema, first, 'POST /purchases');
      const second = await buy();
      const b = context.parse(purchaseSchema, second, 'POST /purchases (another key)');
      ensure(
        a.id !== b.id,
        `two keys answered the same purchase ${a.id}: the backend does not create one per attempt`,
        second,
      );
      const read = await context.http('GET', `/purchases/${encodeURIComponent(b.id)}`);
      const readBack = context.parse(purchaseSchema, read, 'GET /purchases/{id}');
      ensure(readBack.id === b.id, `GET /purchases/${b.id} answered purchase ${readBack.id}`, read);
    },
  },
  {
    id: 'idempotency.reuseDifferentBody',
    title: 'Same key with another body is a 422 idempotency_key_reused problem',
    async run(context) {
      const [packageId, otherPackageId] = await packageIds(context);
      const headers = { 'Idempotency-Key': context.key() };
      context.parse(
        purchaseSchema,
        await context.http('POST', '/purchases', { body: { packageId }, headers }),
        'POST /purchases',
      );
      const body =
        packageId === otherPackageId
          ? { packageId, savePaymentMethod: true }
          : { packageId: otherPackageId };
      context.expectProblem(
        await context.http('POST', '/purchases', { body, headers }),
        422,
        'idempotency_key_reused',
      );
    },
  },
  {
    id: 'idempotency.concurrent',
    title: 'Concurrent requests with one key make one purchase (others replay it or get 409)',
    async run(context) {
      const [packageId] = await packageIds(context);
      const headers = { 'Idempotency-Key': context.key() };
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          context.http('POST', '/purchases', { body: { packageId }, headers }),
        ),
      );
      const ids = new Set<string>();
      for (const response of responses) {
        if (response.status === 409)
          context.expectProblem(response, 409, 'idempotency_in_progress');
        else ids.add(context.parse(purchaseSchema, response, 'POST /purchases').id);
      }
      ensure(
        ids.size <= 1,
        `one key made ${ids.size} purchases: ${[...ids].join(', ')}`,
        responses[0],
      );
      const replayed = await context.http('POST', '/purchases', { body: { packageId }, headers });
      const replay = context.parse(purchaseSchema, replayed, 'POST /purchases (replay)');
      ensure(
        ids.size === 0 || ids.has(replay.id),
        `after the race the key replays ${replay.id}, not ${[...ids][0]}`,
        replayed,
      );
    },
  },
  {
    id: 'idempotency.setupIntent',
    title:
      'POST /setup-intents replays the first response with the same key, and a new key makes a new one',
    async run(context) {
      const headers = { 'Idempotency-Key': context.key() };
      const first = await context.http('POST', '/setup-intents', { headers });
      const a = context.parse(setupIntentSchema, first, 'POST /setup-intents');
      const second = await context.http('POST', '/setup-intents', { headers });
      const b = context.parse(setupIntentSchema, second, 'POST /setup-intents (replay)');
      ensure(
        a.id === b.id,
        `the replay created another setup intent: ${a.id} then ${b.id}`,
        second,
      );
      expectReplayed(first, second, 'setup intent');
      const other = await context.http('POST', '/setup-intents', {
        headers: { 'Idempotency-Key': context.key() },
      });
      const c = context.parse(setupIntentSchema, other, 'POST /setup-intents (another key)');
      ensure(
        c.id !== a.id,
        `two keys answered the same setup intent ${a.id}: the backend does not create one per attempt`,
        other,
      );
    },
  },
];
