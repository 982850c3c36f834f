import { type PaymentMethod, paymentMethodListSchema, setupIntentSchema } from 'credits-core';
import { SANDBOX_CARDS } from 'credits-core/sandbox';
import { CheckFailure, CheckSkipped, ensure } from '../CheckFailure.js';
import type { Check, CheckContext } from '../createCheckContext.js';
import { expectInvalid } from './errorChecks.js';

export async function saveCard(context: CheckContext, token: string): Promise<PaymentMethod> {
  const created = context.parse(
    setupIntentSchema,
    await context.http('POST', '/setup-intents', { headers: { 'Idempotency-Key': context.key() } }),
    'POST /setup-intents',
  );
  const id = encodeURIComponent(created.id);
  let response = await context.http('POST', `/sandbox/setup-intents/${id}/confirm`, {
    body: { paymentMethod: token },
  });
  let intent = context.parse(setupIntentSchema, response, 'sandbox setup confirm');
  if (intent.status === 'requires_action') {
    response = await context.http('POST', `/sandbox/setup-intents/${id}/authenticate`, {
      body: { outcome: 'complete' },
    });
    intent = context.parse(setupIntentSchema, response, 'sandbox setup authenticate');
  }
  const saved = intent.status === 'succeeded' ? intent.paymentMethod : undefined;
  ensure(saved, `${token} did not save a card (${intent.status})`, response);
  return saved;
}

async function list(context: CheckContext) {
  const response = await context.http('GET', '/payment-methods');
  return {
    response,
    methods: context.parse(paymentMethodListSchema, response, 'GET /payment-methods').data,
  };
}

/** The sandbox token that saves a card like this one (same brand and last 4), if any. */
function sandboxTokenFor(method: PaymentMethod): string | undefined {
  const card = method.card;
  if (method.type !== 'card' || !card) return undefined;
  return SANDBOX_CARDS.find(
    (sandbox) =>
      sandbox.card.last4 === card.last4 && sandbox.card.brand === card.brand.toLowerCase(),
  )?.token;
}

const label = (method: PaymentMethod) =>
  method.card ? `${method.card.brand} ${method.card.last4}` : `${method.type} ${method.id}`;

/** DELETE without newDefaultId, where the contract says it must succeed. */
async function deleteFreely(context: CheckContext, method: PaymentMethod, what: string) {
  const response = await context.http(
    'DELETE',
    `/payment-methods/${encodeURIComponent(method.id)}`,
  );
  if (response.status !== 200) {
    throw new CheckFailure(
      `deleting the ${what} (${method.id}) without newDefaultId was refused with HTTP ${response.status}; the contract allows it`,
      response,
    );
  }
  const after = context.parse(paymentMethodListSchema, response, 'DELETE /payment-methods/{id}');
  ensure(
    !after.data.some((m) => m.id === method.id),
    `the deleted ${what} is still listed`,
    response,
  );
  return { response, methods: after.data };
}

/**
 * Saves the cards of `original` that are gone again (sandbox tokens, new ids), default first,
 * and makes the original default the default again.
 */
async function restore(context: CheckContext, original: readonly PaymentMethod[]) {
  const current = new Set((await list(context)).methods.map((method) => method.id));
  const ordered = [...original].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  let defaultId = ordered[0]?.id;
  for (const method of ordered) {
    if (current.has(method.id)) continue;
    const saved = await saveCard(context, sandboxTokenFor(method)!);
    if (method.isDefault) defaultId = saved.id;
  }
  const { methods } = await list(context);
  if (defaultId && !methods.some((method) => method.id === defaultId && method.isDefault)) {
    context.parse(
      paymentMethodListSchema,
      await context.http('POST', `/payment-methods/${encodeURIComponent(defaultId)}/default`),
      'POST /payment-methods/{id}/default',
    );
  }
}

export const paymentMethodChecks: Check[] = [
  {
    id: 'paymentMethods.rules',
    title: 'Set default keeps exactly one default; deleting the default needs newDefaultId',
    async run(context) {
      await context.requireTestMode();
      const original = (await list(context)).methods.find((method) => method.isDefault);
      const a = await saveCard(context, 'pm_card_visa');
      if (!original) {
        const { methods, response } = await list(context);
        ensure(
          methods.find((method) => method.isDefault)?.id === a.id,
          'the first saved payment method did not become the default',
          response,
        );
      }
      const b = await saveCard(context, 'pm_card_mastercard');

      const setResponse = await context.http('POST', `/payment-methods/${a.id}/default`);
      const afterSet = context.parse(
        paymentMethodListSchema,
        setResponse,
        'POST /payment-methods/{id}/default',
      ).data;
      const defaults = afterSet.filter((method) => method.isDefault);
      ensure(
        defaults.length === 1 && defaults[0]?.id === a.id,
        `after set-default, the defaults are [${defaults.map((m) => m.id)}]`,
        setResponse,
      );

      const refused = await context.http('DELETE', `/payment-methods/${a.id}`);
      context.expectProblem(refused, 409, 'default_payment_method_required');
      // The new default must be another saved method: not unknown, not the deleted one.
      for (const newDefaultId of ['conformance-no-such-method', a.id]) {
        expectInvalid(
          context,
          await context.http('DELETE', `/payment-methods/${a.id}`, { query: { newDefaultId } }),
          'newDefaultId',
        );
      }
      const { methods: unchanged, response: listed } = await list(context);
      ensure(
        unchanged.some((method) => method.id === a.id && method.isDefault),
        'a refused delete still removed the default',
        listed,
      );

      const deleted = await context.http('DELETE', `/payment-methods/${a.id}`, {
        query: { newDefaultId: b.id },
      });
      const afterDelete = context.parse(
        paymentMethodListSchema,
        deleted,
        'DELETE /payment-methods/{id}',
      ).data;
      ensure(
        !afterDelete.some((method) => method.id === a.id),
        'the deleted method is still listed',
        deleted,
      );
      ensure(
        afterDelete.find((method) => method.isDefault)?.id === b.id,
        'newDefaultId did not become the default',
        deleted,
      );

      // Leave the account as it was.
      const restore = original && original.id !== b.id ? original.id : undefined;
      const last = await context.http('DELETE', `/payment-methods/${b.id}`, {
        query: { newDefaultId: restore },
      });
      const remaining = context.parse(
        paymentMethodListSchema,
        last,
        'DELETE /payment-methods/{id}',
      ).data;
      ensure(
        !remaining.some((method) => method.id === b.id),
        'deleting the last created method failed',
        last,
      );
      ensure(
        remaining.length === 0 || remaining.filter((m) => m.isDefault).length === 1,
        'the remaining methods have no single default',
        last,
      );
    },
  },
  {
    id: 'paymentMethods.deleteLast',
    title: 'The last remaining payment method can be deleted without newDefaultId',
    async run(context) {
      await context.requireTestMode();
      const original = (await list(context)).methods;
      const foreign = original.filter((method) => !sandboxTokenFor(method));
      if (foreign.length > 0) {
        throw new CheckSkipped(
          `the account has saved payment methods the kit could not save again after deleting them (${foreign.map(label).join(', ')}): run it on an account with no saved cards, or only sandbox test cards`,
        );
      }
      if (original.length === 0) {
        const card = await saveCard(context, 'pm_card_visa');
        const { methods, response } = await deleteFreely(context, card, 'only payment method');
        ensure(methods.length === 0, 'deleting the only payment method left others', response);
        return;
      }
      // Delete down to the default (the others need no newDefaultId), then the default itself;
      // then save the same sandbox cards again, whatever happened.
      let failure: unknown;
      try {
        const keep = original.find((method) => method.isDefault) ?? original[0]!;
        for (const method of original) {
          if (method.id === keep.id) continue;
          const { methods, response } = await deleteFreely(context, method, 'non-default method');
          ensure(
            methods.some((m) => m.id === keep.id && m.isDefault),
            `deleting a non-default method (${method.id}) changed the default`,
            response,
          );
        }
        const { methods, response } = await deleteFreely(context, keep, 'last payment method');
        ensure(methods.length === 0, 'deleting the last payment method left others', response);
      } catch (error) {
        failure = error;
      }
      try {
        await restore(context, original);
      } catch (error) {
        failure ??= new CheckFailure(
          `saving the account's cards again failed: ${error instanceof Error ? error.message : String(error)}`,
          error instanceof CheckFailure ? error.exchange : undefined,
        );
      }
      if (failure) throw failure;
    },
  },
];
