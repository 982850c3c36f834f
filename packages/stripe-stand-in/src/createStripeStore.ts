import type Stripe from 'stripe';
import { customerRules } from './customerRules.js';
import { intentOutcomes } from './intentOutcomes.js';
import { paymentMethodRules } from './paymentMethodRules.js';
import { copy, createStoreState } from './storeState.js';
import { invalidRequest, resourceMissing } from './stripeErrors.js';
import { type NewPaymentIntent, newPaymentIntent, newSetupIntent } from './stripeObjects.js';

/** An event the store raised: a type and the object as it is now (the HTTP layer wraps and sends it). */
export type StoreEvent = { type: Stripe.Event['type']; object: Stripe.Event.Data['object'] };

/**
 * Stripe's objects and the rules that move them, in memory. Every method answers as the API
 * does (a copy of the object, or a thrown StripeApiError); the doc page each rule follows is
 * named where the rule is: customerRules.ts, paymentMethodRules.ts, intentOutcomes.ts and the
 * creation rules below. Card outcomes are Stripe's test cards (credits-core/sandbox, after
 * https://docs.stripe.com/testing).
 */
export function createStripeStore(options: { livemode: boolean; emit(event: StoreEvent): void }) {
  const state = createStoreState(options);
  const { livemode, emit, paymentIntents, setupIntents } = state;
  const methods = paymentMethodRules(state);
  const outcomes = intentOutcomes(state, methods);
  const customer = state.customer;
  const paymentMethodFor = methods.resolve;
  const confirm = outcomes.confirm;
  const newId = state.newId;
  const paymentIntent = (id: string) => {
    const found = paymentIntents.get(id);
    if (!found) throw resourceMissing('payment_intent', id, 'intent');
    return found;
  };
  const setupIntent = (id: string) => {
    const found = setupIntents.get(id);
    if (!found) throw resourceMissing('setup_intent', id, 'intent');
    return found;
  };

  return {
    customers: customerRules(state),
    paymentMethods: {
      retrieve: methods.retrieve,
      list: methods.list,
      attach: methods.attach,
      detach: methods.detach,
    },
    paymentIntents: {
      /**
       * https://docs.stripe.com/api/payment_intents/create: `amount` at least 50 (USD), a
       * known customer; with `confirm` the intent is confirmed at once, and a decline is a
       * 402 carrying the created intent (it exists, in requires_payment_method).
       */
      create(
        input: NewPaymentIntent & {
          payment_method?: string;
          confirm: boolean;
          off_session?: boolean;
        },
      ) {
        if (!Number.isInteger(input.amount) || input.amount < 50) {
          throw invalidRequest('Amount must be at least $0.50 usd', {
            code: 'amount_too_small',
            param: 'amount',
          });
        }
        // https://docs.stripe.com/api/payment_intents/create#create_payment_intent-off_session:
        // "This parameter can only be used with confirm=true."
        if (input.off_session && !input.confirm) {
          throw invalidRequest('off_session can only be used with confirm=true.', {
            param: 'off_session',
          });
        }
        if (input.customer) customer(input.customer, 'customer', 400);
        const created = newPaymentIntent(newId('pi'), livemode, input);
        paymentIntents.set(created.id, created);
        emit({ type: 'payment_intent.created', object: copy(created) });
        if (input.payment_method && !input.confirm) {
          created.payment_method = paymentMethodFor(input.payment_method, input.customer).id;
          created.status = 'requires_confirmation';
        }
        if (input.confirm) confirm(created, input.payment_method, input.off_session);
        return copy(created);
      },
      retrieve: (id: string) => copy(paymentIntent(id)),
      confirm: (id: string, paymentMethod?: string, offSession?: boolean) =>
        confirm(paymentIntent(id), paymentMethod, offSession),
    },
    setupIntents: {
      create(input: {
        customer: string | null;
        metadata: Stripe.Metadata;
        usage?: string;
        automatic: boolean;
        payment_method?: string;
        confirm: boolean;
      }) {
        if (input.customer) customer(input.customer, 'customer', 400);
        const created = newSetupIntent(newId('seti'), livemode, {
          ...input,
          usage: input.usage ?? 'off_session',
        });
        setupIntents.set(created.id, created);
        emit({ type: 'setup_intent.created', object: copy(created) });
        if (input.confirm) confirm(created, input.payment_method);
        return copy(created);
      },
      retrieve: (id: string) => copy(setupIntent(id)),
      confirm: (id: string, paymentMethod?: string) => confirm(setupIntent(id), paymentMethod),
    },
    authenticate: outcomes.authenticate,
    allCustomers: () => [...state.customers.values()].map(copy),
    /** Every PaymentIntent, for tests that look at what Stripe holds (as its dashboard would). */
    allPaymentIntents: () => [...paymentIntents.values()].map(copy),
    allSetupIntents: () => [...setupIntents.values()].map(copy),
    allPaymentMethods: () => [...state.methods.values()].map(copy),
  };
}

export type StripeStore = ReturnType<typeof createStripeStore>;
