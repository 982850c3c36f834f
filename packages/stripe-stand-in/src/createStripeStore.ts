import type Stripe from 'stripe';
import { listPage } from './listPage.js';
import { invalidRequest, resourceMissing, StripeApiError } from './stripeErrors.js';
import {
  type NewPaymentIntent,
  newCardPaymentMethod,
  newCustomer,
  newPaymentIntent,
  newSetupIntent,
  threeDSecureAction,
} from './stripeObjects.js';
import { type TestCard, testCardForToken } from './testCards.js';

/** An event the store raised: a type and the object as it is now (the HTTP layer wraps and sends it). */
export type StoreEvent = { type: Stripe.Event['type']; object: Stripe.Event.Data['object'] };

type Intent = Stripe.PaymentIntent | Stripe.SetupIntent;

const copy = <T>(value: T): T => structuredClone(value);

/**
 * Stripe's objects and the rules that move them, in memory. Every method answers as the API
 * does (a copy of the object, or a thrown StripeApiError); the doc page each rule follows is
 * named where the rule is. Card outcomes are Stripe's test cards (credits-core/sandbox, after
 * https://docs.stripe.com/testing).
 */
export function createStripeStore(options: { livemode: boolean; emit(event: StoreEvent): void }) {
  const { livemode, emit } = options;
  const customers = new Map<string, Stripe.Customer>();
  const methods = new Map<string, Stripe.PaymentMethod>();
  const cards = new Map<string, TestCard>();
  /** PaymentMethods used once without a customer: Stripe refuses them again. */
  const consumed = new Set<string>();
  const paymentIntents = new Map<string, Stripe.PaymentIntent>();
  const setupIntents = new Map<string, Stripe.SetupIntent>();
  let counter = 0;
  const newId = (prefix: string) =>
    `${prefix}_${livemode ? 'L' : 'T'}${(++counter).toString(36).padStart(6, '0')}${Math.random().toString(36).slice(2, 10)}`;

  function customer(id: string, param = 'id', status = 404): Stripe.Customer {
    const found = customers.get(id);
    if (!found) throw withStatus(resourceMissing('customer', id, param), status);
    return found;
  }
  const withStatus = (error: StripeApiError, status: number) =>
    status === error.status ? error : new StripeApiError(status, error.body);

  /**
   * The PaymentMethod a confirm names: a test token makes a new one each time
   * (https://docs.stripe.com/testing#cards, "PaymentMethods"; testCards.ts), an id must exist (400
   * resource_missing: a parameter, not the path), may belong only to the intent's customer, and
   * one used before without a customer cannot be used again
   * (https://docs.stripe.com/api/payment_methods/attach).
   */
  function paymentMethodFor(
    reference: string,
    intentCustomer: string | null,
  ): Stripe.PaymentMethod {
    const card = testCardForToken(reference);
    if (card) {
      const method = newCardPaymentMethod(newId('pm'), livemode, card);
      methods.set(method.id, method);
      cards.set(method.id, card);
      return method;
    }
    const method = methods.get(reference);
    if (!method)
      throw withStatus(resourceMissing('PaymentMethod', reference, 'payment_method'), 400);
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

  /**
   * Attaches a PaymentMethod to a customer (https://docs.stripe.com/api/payment_methods/attach):
   * a test token makes a new card; one attached elsewhere or consumed is refused.
   */
  function attach(reference: string, customerId: string): Stripe.PaymentMethod {
    customer(customerId, 'customer', 400);
    const method = paymentMethodFor(reference, customerId);
    if (method.customer === customerId) return copy(method);
    method.customer = customerId;
    emit({ type: 'payment_method.attached', object: copy(method) });
    return copy(method);
  }

  /**
   * Detach (https://docs.stripe.com/api/payment_methods/detach): only an attached method
   * (otherwise 400); it can never be used again, and stops being the customer's default
   * (`invoice_settings.default_payment_method` is cleared).
   */
  function detach(id: string): Stripe.PaymentMethod {
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
  }

  /** The intent's outcome for its card, as the test card says; `authenticated` after 3DS. */
  function settle(intent: Intent, method: Stripe.PaymentMethod, authenticated: boolean) {
    const card = cards.get(method.id);
    const outcome = (intent.object === 'setup_intent' ? card?.setupOutcome : undefined) ??
      card?.outcome ?? { type: 'succeeded' as const };
    intent.next_action = null;
    if (outcome.type === 'requires_action' && !authenticated) {
      // https://docs.stripe.com/payments/paymentintents/lifecycle: requires_action, with a next_action.
      intent.status = 'requires_action';
      intent.payment_method = method.id;
      intent.next_action = threeDSecureAction(intent.id);
      emit({
        type:
          intent.object === 'payment_intent'
            ? 'payment_intent.requires_action'
            : 'setup_intent.requires_action',
        object: copy(intent),
      });
      return;
    }
    if (outcome.type === 'declined') {
      decline(intent, method, {
        type: 'card_error',
        code: 'card_declined',
        decline_code:
          outcome.code === 'insufficient_funds' ? 'insufficient_funds' : 'generic_decline',
        message:
          outcome.code === 'insufficient_funds'
            ? 'Your card has insufficient funds.'
            : 'Your card was declined.',
      });
      return;
    }
    succeed(intent, method);
  }

  function succeed(intent: Intent, method: Stripe.PaymentMethod) {
    intent.status = 'succeeded';
    intent.payment_method = method.id;
    intent.next_action = null;
    const owner = typeof intent.customer === 'string' ? intent.customer : null;
    if (intent.object === 'payment_intent') {
      intent.last_payment_error = null;
      intent.amount_received = intent.amount;
      intent.latest_charge = newId('ch');
      // https://docs.stripe.com/payments/save-during-payment: with setup_future_usage and a
      // customer, the card is attached once the payment succeeds; without, it is single-use.
      if (intent.setup_future_usage && owner && !method.customer) {
        method.customer = owner;
        emit({ type: 'payment_method.attached', object: copy(method) });
      } else if (!method.customer) consumed.add(method.id);
      emit({ type: 'payment_intent.succeeded', object: copy(intent) });
    } else {
      intent.last_setup_error = null;
      intent.latest_attempt = newId('setatt');
      // https://docs.stripe.com/api/setup_intents/confirm: the card is attached to the
      // SetupIntent's customer when (and only when) the setup succeeds.
      if (owner && !method.customer) {
        method.customer = owner;
        emit({ type: 'payment_method.attached', object: copy(method) });
      }
      emit({ type: 'setup_intent.succeeded', object: copy(intent) });
    }
  }

  /**
   * A failed attempt (https://docs.stripe.com/declines, https://docs.stripe.com/api/errors):
   * the intent goes back to requires_payment_method with the error in last_payment_error /
   * last_setup_error (the PaymentMethod inside it, `payment_method` cleared); a card decline
   * is also a 402 card_error carrying the intent.
   */
  function decline(
    intent: Intent,
    method: Stripe.PaymentMethod,
    error: {
      type: 'card_error' | 'invalid_request_error';
      code: string;
      decline_code?: string;
      message: string;
    },
  ): void {
    intent.status = 'requires_payment_method';
    intent.payment_method = null;
    intent.next_action = null;
    const lastError = {
      ...error,
      doc_url: `https://stripe.com/docs/error-codes/${error.code.replace(/_/g, '-')}`,
      payment_method: copy(method),
    };
    if (intent.object === 'payment_intent') {
      intent.last_payment_error = lastError as Stripe.PaymentIntent.LastPaymentError;
      if (error.type === 'card_error') intent.latest_charge = newId('ch');
      emit({ type: 'payment_intent.payment_failed', object: copy(intent) });
    } else {
      intent.last_setup_error = lastError as Stripe.SetupIntent.LastSetupError;
      emit({ type: 'setup_intent.setup_failed', object: copy(intent) });
    }
    if (error.type === 'card_error') {
      throw new StripeApiError(402, {
        ...lastError,
        type: 'card_error',
        ...(intent.object === 'payment_intent'
          ? { payment_intent: copy(intent) }
          : { setup_intent: copy(intent) }),
      });
    }
  }

  /**
   * Confirm (https://docs.stripe.com/api/payment_intents/confirm,
   * https://docs.stripe.com/api/setup_intents/confirm): only from requires_payment_method,
   * requires_confirmation or requires_action; a final intent answers 400
   * `*_unexpected_state`.
   */
  function confirm(intent: Intent, paymentMethod: string | undefined): Intent {
    const kind = intent.object === 'payment_intent' ? 'PaymentIntent' : 'SetupIntent';
    if (
      !['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(
        intent.status,
      )
    ) {
      throw invalidRequest(
        `You cannot confirm this ${kind} because it has a status of ${intent.status}.`,
        { code: `${intent.object}_unexpected_state` },
      );
    }
    const reference =
      paymentMethod ??
      (typeof intent.payment_method === 'string' ? intent.payment_method : undefined);
    if (!reference) {
      throw invalidRequest(
        `You cannot confirm this ${kind} because it's missing a payment method.`,
        { code: `${intent.object}_unexpected_state` },
      );
    }
    const owner = typeof intent.customer === 'string' ? intent.customer : null;
    settle(intent, paymentMethodFor(reference, owner), false);
    return copy(intent);
  }

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
    customers: {
      create(input: {
        metadata: Stripe.Metadata;
        email?: string;
        name?: string;
        description?: string;
      }) {
        const created = newCustomer(newId('cus'), livemode, input.metadata, input);
        customers.set(created.id, created);
        emit({ type: 'customer.created', object: copy(created) });
        return copy(created);
      },
      retrieve: (id: string) => copy(customer(id)),
      /**
       * https://docs.stripe.com/api/customers/update: `invoice_settings.default_payment_method`
       * must be a PaymentMethod attached to this customer; '' unsets it. Metadata merges.
       */
      update(id: string, input: { defaultPaymentMethod?: string; metadata?: Stripe.Metadata }) {
        const found = customer(id);
        if (input.defaultPaymentMethod !== undefined) {
          const method = input.defaultPaymentMethod
            ? methods.get(input.defaultPaymentMethod)
            : null;
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
    },
    paymentMethods: {
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
        customer(customerId, 'customer', 400);
        const attached = [...methods.values()]
          .filter((method) => method.customer === customerId)
          .filter((method) => !params.type || method.type === params.type)
          .reverse();
        return copy(listPage(attached, params, url));
      },
      attach,
      detach,
    },
    paymentIntents: {
      /**
       * https://docs.stripe.com/api/payment_intents/create: `amount` at least 50 (USD), a
       * known customer; with `confirm` the intent is confirmed at once, and a decline is a
       * 402 carrying the created intent (it exists, in requires_payment_method).
       */
      create(input: NewPaymentIntent & { payment_method?: string; confirm: boolean }) {
        if (!Number.isInteger(input.amount) || input.amount < 50) {
          throw invalidRequest('Amount must be at least $0.50 usd', {
            code: 'amount_too_small',
            param: 'amount',
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
        if (input.confirm) confirm(created, input.payment_method);
        return copy(created);
      },
      retrieve: (id: string) => copy(paymentIntent(id)),
      confirm: (id: string, paymentMethod?: string) => confirm(paymentIntent(id), paymentMethod),
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
    /**
     * The customer's part of 3D Secure, which happens in the browser (Stripe.js
     * `handleNextAction`; https://docs.stripe.com/testing#regulatory-cards): completing it
     * finishes the payment or setup; failing it is `*_authentication_failure`, the intent back
     * in requires_payment_method (https://docs.stripe.com/payments/3d-secure/authentication-flow).
     */
    authenticate(intentId: string, outcome: 'complete' | 'fail'): Intent {
      const intent = paymentIntents.get(intentId) ?? setupIntents.get(intentId);
      if (!intent) throw resourceMissing('intent', intentId);
      if (intent.status !== 'requires_action' || typeof intent.payment_method !== 'string') {
        throw invalidRequest(`Nothing to authenticate: the intent is ${intent.status}.`, {
          code: `${intent.object}_unexpected_state`,
        });
      }
      const method = methods.get(intent.payment_method)!;
      if (outcome === 'complete') succeed(intent, method);
      else {
        decline(intent, method, {
          type: 'invalid_request_error',
          code: `${intent.object}_authentication_failure`,
          message:
            'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this intent again.',
        });
      }
      return copy(intent);
    },
    allCustomers: () => [...customers.values()].map(copy),
    /** Every PaymentIntent, for tests that look at what Stripe holds (as its dashboard would). */
    allPaymentIntents: () => [...paymentIntents.values()].map(copy),
    allPaymentMethods: () => [...methods.values()].map(copy),
  };
}

export type StripeStore = ReturnType<typeof createStripeStore>;
