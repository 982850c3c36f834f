import { type PaymentMethod, paymentMethodListSchema, setupIntentSchema } from 'credits-core';
import { ensure } from '../CheckFailure.js';
import type { Check, CheckContext } from '../createCheckContext.js';

async function saveCard(context: CheckContext, token: string): Promise<PaymentMethod> {
  const created = context.parse(
    setupIntentSchema,
    await context.http('POST', '/setup-intents', { headers: { 'Idempotency-Key': context.key() } }),
    'POST /setup-intents',
  );
  const response = await context.http('POST', `/sandbox/setup-intents/${created.id}/confirm`, {
    body: { paymentMethod: token },
  });
  const intent = context.parse(setupIntentSchema, response, 'sandbox setup confirm');
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

export const paymentMethodChecks: Check[] = [
  {
    id: 'paymentMethods.rules',
    title: 'Set default keeps exactly one default; deleting the default needs newDefaultId',
    async run(context) {
      await context.requireTestMode();
      const original = (await list(context)).methods.find((method) => method.isDefault);
      const a = await saveCard(context, 'pm_card_visa');
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
];
