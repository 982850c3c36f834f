import { purchaseSchema, setupIntentSchema } from 'credits-core';
import { ensure } from '../CheckFailure.js';
import type { Check, CheckContext } from '../createCheckContext.js';

async function packageIds(context: CheckContext): Promise<[string, string]> {
  const response = await context.http('GET', '/packages');
  const ids = ((response.json as { data?: { id: string }[] })?.data ?? []).map((p) => p.id);
  ensure(ids.length > 0, 'no packages to buy', response);
  return [ids[0]!, ids[1] ?? ids[0]!];
}

export const idempotencyChecks: Check[] = [
  {
    id: 'idempotency.replay',
    title: 'Same key and same body return the first purchase, never a second one',
    async run(context) {
      const [packageId] = await packageIds(context);
      const headers = { 'Idempotency-Key': context.key() };
      const first = await context.http('POST', '/purchases', { body: { packageId }, headers });
      const a = context.parse(purchaseSchema, first, 'POST /purchases');
      const second = await context.http('POST', '/purchases', { body: { packageId }, headers });
      const b = context.parse(purchaseSchema, second, 'POST /purchases (replay)');
      ensure(a.id === b.id, `the replay created another purchase: ${a.id} then ${b.id}`, second);
      ensure(
        first.status === second.status,
        `the replay answered ${second.status}, the first request ${first.status}`,
        second,
      );
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
    title: 'POST /setup-intents replays with the same key',
    async run(context) {
      const headers = { 'Idempotency-Key': context.key() };
      const a = context.parse(
        setupIntentSchema,
        await context.http('POST', '/setup-intents', { headers }),
        'POST /setup-intents',
      );
      const second = await context.http('POST', '/setup-intents', { headers });
      const b = context.parse(setupIntentSchema, second, 'POST /setup-intents (replay)');
      ensure(
        a.id === b.id,
        `the replay created another setup intent: ${a.id} then ${b.id}`,
        second,
      );
    },
  },
];
