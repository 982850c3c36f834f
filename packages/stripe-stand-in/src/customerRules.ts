import type Stripe from 'stripe';
import { copy, type StoreState } from './storeState.js';
import { invalidRequest } from './stripeErrors.js';
import { newCustomer } from './stripeObjects.js';

/** Customers (https://docs.stripe.com/api/customers): create, retrieve, update. */
export function customerRules(state: StoreState) {
  const { customers, methods, emit } = state;
  return {
    create(input: {
      metadata: Stripe.Metadata;
      email?: string;
      name?: string;
      description?: string;
    }) {
      const created = newCustomer(state.newId('cus'), state.livemode, input.metadata, input);
      customers.set(created.id, created);
      emit({ type: 'customer.created', object: copy(created) });
      return copy(created);
    },
    retrieve: (id: string) => copy(state.customer(id)),
    /**
     * https://docs.stripe.com/api/customers/update: `invoice_settings.default_payment_method`
     * must be a PaymentMethod attached to this customer; '' unsets it. Metadata merges.
     */
    update(id: string, input: { defaultPaymentMethod?: string; metadata?: Stripe.Metadata }) {
      const found = state.customer(id);
      if (input.defaultPaymentMethod !== undefined) {
        const method = input.defaultPaymentMethod ? methods.get(input.defaultPaymentMethod) : null;
        if (input.defaultPaymentMethod && method?.customer !== id) {
          throw invalidRequest(
            `The customer does not have a payment method with the ID ${input.defaultPaymentMethod}. The payment method must be attached to the customer.`,
            { param: 'invoice_settings[default_payment_method]', code: 'resource_missing' },
          );
        }
        found.invoice_settings.default_payment_method = input.defaultPaymentMethod || null;
      }
      if (input.metadata) found.metadata = { ...found.metadata, ...input.metadata };
      emit({ type: 'customer.updated', object: copy(found) });
      return copy(found);
    },
  };
}
