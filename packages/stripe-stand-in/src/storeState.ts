import type Stripe from 'stripe';
import type { StoreEvent } from './createStripeStore.js';
import { resourceMissing, StripeApiError } from './stripeErrors.js';
import type { TestCard } from './testCards.js';

export const copy = <T>(value: T): T => structuredClone(value);

/**
 * What Stripe holds, in memory, shared by the rules of each object (customerRules,
 * paymentMethodRules, intentOutcomes): the objects by id, which test card made each
 * PaymentMethod, the single-use methods already used, Stripe-like ids, and the event sink.
 */
export function createStoreState(options: { livemode: boolean; emit(event: StoreEvent): void }) {
  const { livemode } = options;
  const customers = new Map<string, Stripe.Customer>();
  let counter = 0;
  /** A status other than the rule's usual one (a missing parameter's object is a 400, not a 404). */
  const withStatus = (error: StripeApiError, status: number) =>
    status === error.status ? error : new StripeApiError(status, error.body);
  return {
    livemode,
    emit: options.emit,
    customers,
    methods: new Map<string, Stripe.PaymentMethod>(),
    cards: new Map<string, TestCard>(),
    /** PaymentMethods used once without a customer: Stripe refuses them again. */
    consumed: new Set<string>(),
    paymentIntents: new Map<string, Stripe.PaymentIntent>(),
    setupIntents: new Map<string, Stripe.SetupIntent>(),
    newId: (prefix: string) =>
      `${prefix}_${livemode ? 'L' : 'T'}${(++counter).toString(36).padStart(6, '0')}${Math.random().toString(36).slice(2, 10)}`,
    withStatus,
    /** A customer by id, or 404 resource_missing (400 where a parameter names it). */
    customer(id: string, param = 'id', status = 404): Stripe.Customer {
      const found = customers.get(id);
      if (!found) throw withStatus(resourceMissing('customer', id, param), status);
      return found;
    },
  };
}

export type StoreState = ReturnType<typeof createStoreState>;
