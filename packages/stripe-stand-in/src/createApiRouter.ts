import type Stripe from 'stripe';
import type { createKeyCheck, KeyKind } from './apiKeys.js';
import { cardTokenFromForm } from './cardFromForm.js';
import type { StripeStore } from './createStripeStore.js';
import { type FormFields, formObject } from './formBody.js';
import { resourceMissing, StripeApiError } from './stripeErrors.js';

export interface ApiInput {
  body: FormFields;
  query: FormFields;
  key: KeyKind;
}

const unknownRoute = (method: string, path: string) =>
  new StripeApiError(404, {
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${method}: ${path}). The stand-in models only the calls the credits kit makes.`,
  });

/**
 * The API's routes (https://docs.stripe.com/api): `/v1/<resource>[/<id>[/<action>]]` to the
 * store. Retrieving and confirming an intent is open to the publishable key with the intent's
 * client secret (what Stripe.js does, its card as raw `payment_method_data`); everything else
 * needs the secret key.
 */
export function createApiRouter(
  store: StripeStore,
  events: readonly Stripe.Event[],
  keys: ReturnType<typeof createKeyCheck>,
) {
  const intents = { payment_intents: store.paymentIntents, setup_intents: store.setupIntents };

  return function route(method: string, path: string, { body, query, key }: ApiInput): unknown {
    const [version, resource, id, action, ...rest] = path.split('/').filter(Boolean);
    const at = (verb: string, name: string, hasId: boolean, act?: string) =>
      method === verb &&
      resource === name &&
      Boolean(id) === hasId &&
      action === act &&
      rest.length === 0;
    if (version !== 'v1') throw unknownRoute(method, path);
    for (const [name, api] of Object.entries(intents)) {
      if (at('GET', name, true)) {
        const intent = api.retrieve(id!);
        keys.clientSide(key, query, intent);
        return intent;
      }
      if (at('POST', name, true, 'confirm')) {
        keys.clientSide(key, body, api.retrieve(id!));
        // off_session is the server's (secret key) to say: the customer is not there.
        const offSession = key === 'secret' && body.off_session === 'true';
        return api.confirm(id!, cardTokenFromForm(body) ?? body.payment_method, offSession);
      }
    }
    keys.secretOnly(key);
    if (at('POST', 'customers', false)) {
      return store.customers.create({
        metadata: formObject(body, 'metadata'),
        email: body.email,
        name: body.name,
        description: body.description,
      });
    }
    if (at('GET', 'customers', true)) return store.customers.retrieve(id!);
    if (at('POST', 'customers', true)) {
      return store.customers.update(id!, {
        defaultPaymentMethod: body['invoice_settings[default_payment_method]'],
        metadata: 'metadata' in body ? {} : formObject(body, 'metadata'),
      });
    }
    if (at('GET', 'customers', true, 'payment_methods')) {
      return store.paymentMethods.list(id!, query, `/v1/customers/${id}/payment_methods`);
    }
    if (at('GET', 'payment_methods', false)) {
      if (!query.customer) {
        // Listing without a customer lists Treasury methods only; the kit always names one.
        return { object: 'list', data: [], has_more: false, url: '/v1/payment_methods' };
      }
      return store.paymentMethods.list(query.customer, query, '/v1/payment_methods');
    }
    if (at('GET', 'payment_methods', true)) return store.paymentMethods.retrieve(id!);
    if (at('POST', 'payment_methods', true, 'attach')) {
      return store.paymentMethods.attach(id!, body.customer ?? '');
    }
    if (at('POST', 'payment_methods', true, 'detach')) return store.paymentMethods.detach(id!);
    if (at('POST', 'payment_intents', false)) {
      return store.paymentIntents.create({
        amount: Number(body.amount),
        currency: body.currency ?? '',
        customer: body.customer ?? null,
        metadata: formObject(body, 'metadata'),
        setup_future_usage:
          (body.setup_future_usage as 'off_session' | 'on_session' | undefined) ?? null,
        automatic: body['automatic_payment_methods[enabled]'] === 'true',
        description: body.description ?? null,
        payment_method: body.payment_method,
        confirm: body.confirm === 'true',
        off_session: body.off_session === 'true',
      });
    }
    if (at('POST', 'setup_intents', false)) {
      return store.setupIntents.create({
        customer: body.customer ?? null,
        metadata: formObject(body, 'metadata'),
        usage: body.usage,
        automatic: body['automatic_payment_methods[enabled]'] === 'true',
        payment_method: body.payment_method,
        confirm: body.confirm === 'true',
      });
    }
    if (at('GET', 'events', true)) {
      const event = events.find((candidate) => candidate.id === id);
      if (!event) throw resourceMissing('event', id!);
      return event;
    }
    throw unknownRoute(method, path);
  };
}
