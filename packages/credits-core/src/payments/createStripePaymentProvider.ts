import { CreditsError } from '../CreditsError.js';
import type { CreditsClient } from '../createCreditsClient.js';
import type { Purchase } from '../schemas/purchase.js';
import type { SetupIntent } from '../schemas/setupIntent.js';
import type { PaymentProvider } from './PaymentProvider.js';

/** What Stripe.js answers: an error, or the intent. Structural, so core needs no Stripe dependency. */
export interface StripeResult {
  error?: { type?: string; code?: string; decline_code?: string; message?: string };
  paymentIntent?: { id: string; status: string };
  setupIntent?: { id: string; status: string; payment_method?: string | { id: string } | null };
}

/** The four Stripe.js calls the kit makes; a real `Stripe` instance satisfies it. */
export interface StripeLike {
  confirmPayment(options: {
    elements?: unknown;
    clientSecret: string;
    redirect: 'if_required';
    confirmParams?: { return_url?: string };
  }): Promise<StripeResult>;
  handleNextAction(options: { clientSecret: string }): Promise<StripeResult>;
  confirmSetup(options: {
    elements?: unknown;
    clientSecret: string;
    redirect: 'if_required';
    confirmParams?: { return_url?: string };
  }): Promise<StripeResult>;
}

export interface StripePaymentProviderOptions {
  client: CreditsClient;
  /** Resolves Stripe.js only when called: the kit calls it when a card form or a payment is about to happen. */
  getStripe: () => Promise<StripeLike | null>;
  /** Where redirect-based methods come back to. Default: the current page. */
  returnUrl?: () => string;
}

const DECLINES = new Set([
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'processing_error',
]);

function failureCode(error: NonNullable<StripeResult['error']>): string {
  if (
    error.code === 'payment_intent_authentication_failure' ||
    error.code === 'setup_intent_authentication_failure'
  ) {
    return 'authentication_failed';
  }
  if (error.decline_code === 'insufficient_funds') return 'insufficient_funds';
  return error.code && DECLINES.has(error.code) ? error.code : 'card_declined';
}

/**
 * Payments through Stripe.js. Card data stays in Stripe's iframes; our
 * backend learns the outcome by retrieving the PaymentIntent when polled.
 */
export function createStripePaymentProvider(
  options: StripePaymentProviderOptions,
): PaymentProvider {
  const { client } = options;
  const returnUrl = () =>
    options.returnUrl?.() ?? (typeof location === 'undefined' ? undefined : location.href);

  async function stripe(): Promise<StripeLike> {
    const loaded = await options.getStripe();
    if (!loaded) throw new CreditsError('network_error', 'Stripe.js could not be loaded');
    return loaded;
  }

  function secret(intent: { clientSecret?: string | null }): string {
    if (!intent.clientSecret)
      throw new CreditsError(
        'invalid_response',
        'The backend sent no client secret to confirm with',
      );
    return intent.clientSecret;
  }

  /** A Stripe error is a decline the user can act on, not an exception: reflect it on the purchase. */
  function declined(purchase: Purchase, error: NonNullable<StripeResult['error']>): Purchase {
    return {
      ...purchase,
      status: 'requires_payment_method',
      failure: {
        code: failureCode(error),
        message: error.message ?? 'The payment did not go through.',
      },
    };
  }

  return {
    kind: 'stripe',
    needsChallengeUi: false,
    async prepareNewCard(card) {
      const elements = card.elements as
        | { submit?: () => Promise<{ error?: { message?: string } }> }
        | undefined;
      const result = await elements?.submit?.();
      if (result?.error)
        throw new CreditsError(
          'validation_failed',
          result.error.message ?? 'Check the card details.',
        );
    },
    async confirmPurchase(purchase, card, signal) {
      const result = await (await stripe()).confirmPayment({
        elements: card.elements,
        clientSecret: secret(purchase),
        redirect: 'if_required',
        confirmParams: { return_url: returnUrl() },
      });
      if (result.error) return declined(purchase, result.error);
      return client.getPurchase(purchase.id, { signal });
    },
    async handleNextAction(purchase, _outcome, signal) {
      const result = await (await stripe()).handleNextAction({ clientSecret: secret(purchase) });
      if (result.error) return declined(purchase, result.error);
      return client.getPurchase(purchase.id, { signal });
    },
    async confirmSetup(setupIntent, card) {
      const result = await (await stripe()).confirmSetup({
        elements: card.elements,
        clientSecret: secret(setupIntent),
        redirect: 'if_required',
        confirmParams: { return_url: returnUrl() },
      });
      return setupResult(setupIntent, result);
    },
    async handleSetupNextAction(setupIntent) {
      return setupResult(
        setupIntent,
        await (await stripe()).handleNextAction({ clientSecret: secret(setupIntent) }),
      );
    },
  };
}

function setupResult(setupIntent: SetupIntent, result: StripeResult): SetupIntent {
  if (result.error) {
    return {
      ...setupIntent,
      status: 'requires_payment_method',
      failure: {
        code: failureCode(result.error),
        message: result.error.message ?? 'The card could not be saved.',
      },
    };
  }
  return {
    ...setupIntent,
    status: result.setupIntent?.status ?? setupIntent.status,
    failure: null,
  };
}
