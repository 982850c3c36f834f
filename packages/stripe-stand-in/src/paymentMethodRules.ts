import type Stripe from 'stripe';
import { listPage } from './listPage.js';
import { copy, type StoreState } from './storeState.js';
import { invalidRequest, resourceMissing } from './stripeErrors.js';
import { newCardPaymentMethod } from './stripeObjects.js';
import { testCardForToken } from './testCards.js';

/** PaymentMethods (https://docs.stripe.com/api/payment_methods): which one a call names, attach, detach, list. */
export function paymentMethodRules(state: StoreState) {
  const { methods, cards, consumed, customers, emit } = state;

  /**
   * The PaymentMethod a confirm names: a test token makes a new one each time
   * (https://docs.stripe.com/testing#cards, "PaymentMethods"; testCards.ts), an id must exist (400
   * resource_missing: a parameter, not the path), may belong only to the intent's customer, and
   * one used before without a customer cannot be used again
   * (https://docs.stripe.com/api/payment_methods/attach).
   */
  function resolve(reference: string, intentCustomer: string | null): Stripe.PaymentMethod {
    const card = testCardForToken(reference);
    if (card) {
      const method = newCardPaymentMethod(state.newId('pm'), state.livemode, card);
      methods.set(method.id, method);
      cards.set(method.id, card);
      return method;
    }
    const method = methods.get(reference);
    if (!method) {
      throw state.withStatus(resourceMissing('PaymentMethod', reference, 'payment_method'), 400);
    }
    if (method.customer && method.customer !== intentCustomer) {
      throw invalidRequest(
        `The provided PaymentMethod belongs to another Customer (${String(method.customer)}); use it with that Customer or attach another.`,
        { param: 'payment_method' },
      );
    }
    if (!method.customer && consumed.has(method.id)) {
      throw invalidRequest(
        'This PaymentMethod was previously used without being attached to a Customer or was detached from a Customer, and may not be used again.',
        { param: 'payment_method' },
      );
    }
    return method;
  }

  /** Attaches `method` to `customerId` (raising payment_method.attached), once. */
  function attachTo(method: Stripe.PaymentMethod, customerId: string) {
    if (method.customer === customerId) return;
    method.customer = customerId;
    emit({ type: 'payment_method.attached', object: copy(method) });
  }

  return {
    resolve,
    attachTo,
    retrieve(id: string) {
      const found = methods.get(id);
      if (!found) throw resourceMissing('payment_method', id);
      return copy(found);
    },
    /**
     * https://docs.stripe.com/api/payment_methods/customer_list: a customer's attached
     * methods of one type, newest first, paginated (listPage).
     */
    list(
      customerId: string,
      params: { type?: string; limit?: string; starting_after?: string; ending_before?: string },
      url: string,
    ) {
      state.customer(customerId, 'customer', 400);
      const attached = [...methods.values()]
        .filter((method) => method.customer === customerId)
        .filter((method) => !params.type || method.type === params.type)
        .reverse();
      return copy(listPage(attached, params, url));
    },
    /**
     * Attaches a PaymentMethod to a customer (https://docs.stripe.com/api/payment_methods/attach):
     * a test token makes a new card; one attached elsewhere or consumed is refused.
     */
    attach(reference: string, customerId: string): Stripe.PaymentMethod {
      state.customer(customerId, 'customer', 400);
      const method = resolve(reference, customerId);
      attachTo(method, customerId);
      return copy(method);
    },
    /**
     * Detach (https://docs.stripe.com/api/payment_methods/detach): only an attached method
     * (otherwise 400); it can never be used again, and stops being the customer's default
     * (`invoice_settings.default_payment_method` is cleared).
     */
    detach(id: string): Stripe.PaymentMethod {
      const method = methods.get(id);
      if (!method) throw resourceMissing('payment_method', id);
      if (!method.customer) {
        throw invalidRequest(
          'The payment method you provided is not attached to a customer so detachment is impossible.',
          { code: 'payment_method_unexpected_state' },
        );
      }
      const owner = customers.get(String(method.customer));
      method.customer = null;
      consumed.add(id);
      if (owner && owner.invoice_settings.default_payment_method === id) {
        owner.invoice_settings.default_payment_method = null;
        emit({ type: 'customer.updated', object: copy(owner) });
      }
      emit({ type: 'payment_method.detached', object: copy(method) });
      return copy(method);
    },
  };
}

export type PaymentMethodRules = ReturnType<typeof paymentMethodRules>;
