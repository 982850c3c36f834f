import type Stripe from 'stripe';
import type { PaymentMethodRules } from './paymentMethodRules.js';
import { copy, type StoreState } from './storeState.js';
import { invalidRequest, resourceMissing, StripeApiError } from './stripeErrors.js';
import { threeDSecureAction } from './stripeObjects.js';

type Intent = Stripe.PaymentIntent | Stripe.SetupIntent;

interface AttemptError {
  type: 'card_error' | 'invalid_request_error';
  code: string;
  decline_code?: string;
  message: string;
}

/** The names that differ between the two kinds of intent, in one place. */
const kindOf = (intent: Intent) =>
  intent.object === 'payment_intent'
    ? ({
        name: 'PaymentIntent',
        event: 'payment_intent',
        failed: 'payment_intent.payment_failed',
      } as const)
    : ({
        name: 'SetupIntent',
        event: 'setup_intent',
        failed: 'setup_intent.setup_failed',
      } as const);

/**
 * How a PaymentIntent or SetupIntent moves once confirmed: the test card's outcome (3D Secure,
 * decline or success, https://docs.stripe.com/testing), the customer's 3D Secure answer, and
 * what each outcome does to the intent, its card and the events raised.
 */
export function intentOutcomes(state: StoreState, paymentMethods: PaymentMethodRules) {
  const { cards, consumed, emit } = state;
  const ownerOf = (intent: Intent) =>
    typeof intent.customer === 'string' ? intent.customer : null;

  /**
   * The intent's outcome for its card, as the test card says; `authenticated` after 3DS;
   * `offSession` when the customer is not there to authenticate.
   */
  function settle(
    intent: Intent,
    method: Stripe.PaymentMethod,
    authenticated: boolean,
    offSession = false,
  ) {
    const card = cards.get(method.id);
    const outcome = (intent.object === 'setup_intent' ? card?.setupOutcome : undefined) ??
      card?.outcome ?? { type: 'succeeded' as const };
    intent.next_action = null;
    if (outcome.type === 'requires_action' && offSession) {
      // https://docs.stripe.com/payments/save-and-reuse ("Charge the saved payment method
      // later"): off-session, a card that needs 3D Secure (4000 0027 6000 3184 "requires
      // authentication on all transactions", https://docs.stripe.com/testing#regulatory-cards)
      // is declined with `authentication_required` (https://docs.stripe.com/declines/codes): a
      // 402 card_error, the PaymentIntent back in requires_payment_method with the error and the
      // card in last_payment_error, to be confirmed again on-session.
      decline(intent, method, {
        type: 'card_error',
        code: 'authentication_required',
        decline_code: 'authentication_required',
        message: 'Your card was declined. This transaction requires authentication.',
      });
      return;
    }
    if (outcome.type === 'requires_action' && !authenticated) {
      // https://docs.stripe.com/payments/paymentintents/lifecycle: requires_action, with a next_action.
      intent.status = 'requires_action';
      intent.payment_method = method.id;
      intent.next_action = threeDSecureAction(intent.id);
      emit({ type: `${kindOf(intent).event}.requires_action`, object: copy(intent) });
      return;
    }
    if (outcome.type === 'declined') {
      const funds = outcome.code === 'insufficient_funds';
      decline(intent, method, {
        type: 'card_error',
        code: 'card_declined',
        decline_code: funds ? 'insufficient_funds' : 'generic_decline',
        message: funds ? 'Your card has insufficient funds.' : 'Your card was declined.',
      });
      return;
    }
    succeed(intent, method);
  }

  function succeed(intent: Intent, method: Stripe.PaymentMethod) {
    intent.status = 'succeeded';
    intent.payment_method = method.id;
    intent.next_action = null;
    const owner = ownerOf(intent);
    if (intent.object === 'payment_intent') {
      intent.last_payment_error = null;
      intent.amount_received = intent.amount;
      intent.latest_charge = state.newId('ch');
      // https://docs.stripe.com/payments/save-during-payment: with setup_future_usage and a
      // customer, the card is attached once the payment succeeds; without, it is single-use.
      if (intent.setup_future_usage && owner && !method.customer) {
        paymentMethods.attachTo(method, owner);
      } else if (!method.customer) consumed.add(method.id);
    } else {
      intent.last_setup_error = null;
      intent.latest_attempt = state.newId('setatt');
      // https://docs.stripe.com/api/setup_intents/confirm: the card is attached to the
      // SetupIntent's customer when (and only when) the setup succeeds.
      if (owner && !method.customer) paymentMethods.attachTo(method, owner);
    }
    emit({ type: `${kindOf(intent).event}.succeeded`, object: copy(intent) });
  }

  /**
   * A failed attempt (https://docs.stripe.com/declines, https://docs.stripe.com/api/errors):
   * the intent goes back to requires_payment_method with the error in last_payment_error /
   * last_setup_error (the PaymentMethod inside it, `payment_method` cleared); a card decline
   * is also a 402 card_error carrying the intent.
   */
  function decline(intent: Intent, method: Stripe.PaymentMethod, error: AttemptError): void {
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
      if (error.type === 'card_error') intent.latest_charge = state.newId('ch');
    } else {
      intent.last_setup_error = lastError as Stripe.SetupIntent.LastSetupError;
    }
    const kind = kindOf(intent);
    emit({ type: kind.failed, object: copy(intent) });
    if (error.type === 'card_error') {
      throw new StripeApiError(402, {
        ...lastError,
        type: 'card_error',
        [kind.event]: copy(intent),
      });
    }
  }

  return {
    /**
     * Confirm (https://docs.stripe.com/api/payment_intents/confirm,
     * https://docs.stripe.com/api/setup_intents/confirm): only from requires_payment_method,
     * requires_confirmation or requires_action; a final intent answers 400
     * `*_unexpected_state`.
     */
    confirm(intent: Intent, paymentMethod: string | undefined, offSession = false): Intent {
      const { name } = kindOf(intent);
      const open = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
      if (!open.includes(intent.status)) {
        throw invalidRequest(
          `You cannot confirm this ${name} because it has a status of ${intent.status}.`,
          { code: `${intent.object}_unexpected_state` },
        );
      }
      const reference =
        paymentMethod ??
        (typeof intent.payment_method === 'string' ? intent.payment_method : undefined);
      if (!reference) {
        throw invalidRequest(
          `You cannot confirm this ${name} because it's missing a payment method.`,
          { code: `${intent.object}_unexpected_state` },
        );
      }
      settle(intent, paymentMethods.resolve(reference, ownerOf(intent)), false, offSession);
      return copy(intent);
    },
    /**
     * The customer's part of 3D Secure, which happens in the browser (Stripe.js
     * `handleNextAction`; https://docs.stripe.com/testing#regulatory-cards): completing it
     * finishes the payment or setup; failing it is `*_authentication_failure`, the intent back
     * in requires_payment_method (https://docs.stripe.com/payments/3d-secure/authentication-flow).
     */
    authenticate(intentId: string, outcome: 'complete' | 'fail'): Intent {
      const intent = state.paymentIntents.get(intentId) ?? state.setupIntents.get(intentId);
      if (!intent) throw resourceMissing('intent', intentId);
      if (intent.status !== 'requires_action' || typeof intent.payment_method !== 'string') {
        throw invalidRequest(`Nothing to authenticate: the intent is ${intent.status}.`, {
          code: `${intent.object}_unexpected_state`,
        });
      }
      const method = state.methods.get(intent.payment_method)!;
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
  };
}
