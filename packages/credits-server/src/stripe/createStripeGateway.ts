import type { PaymentMethod } from 'credits-core';
import Stripe from 'stripe';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  publishableKey?: string;
  /** For tests against a local fake of Stripe's HTTP API. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
}

export type StripeClient = Stripe;

export function createStripeClient(settings: StripeSettings): Stripe {
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    telemetry: false,
    ...(settings.host
      ? {
          host: settings.host,
          port: settings.port,
          protocol: settings.protocol ?? 'http',
          maxNetworkRetries: 0,
        }
      : {}),
  });
}

/** Stripe's PaymentIntent status is the contract's purchase status (they were designed to match). */
export const purchaseStatus = (status: string) =>
  status === 'requires_capture' ? 'processing' : status;

/** Stripe's error codes as the contract's failure codes. */
export function failureOf(
  error:
    | { code?: string | null; decline_code?: string | null; message?: string | null }
    | null
    | undefined,
) {
  if (!error) return null;
  const code =
    error.decline_code === 'insufficient_funds'
      ? 'insufficient_funds'
      : // Off-session, the bank wants 3D Secure (https://docs.stripe.com/declines/codes).
        error.code === 'authentication_required' || error.decline_code === 'authentication_required'
        ? 'authentication_required'
        : error.code === 'payment_intent_authentication_failure' ||
            error.code === 'setup_intent_authentication_failure'
          ? 'authentication_failed'
          : error.code === 'expired_card'
            ? 'expired_card'
            : 'card_declined';
  return { code, message: error.message ?? 'The payment did not go through.' };
}

/** A Stripe card payment method as the contract's PaymentMethod. */
export function toPaymentMethod(
  method: Stripe.PaymentMethod,
  defaultId: string | null,
): PaymentMethod {
  return {
    id: method.id,
    type:
      method.type === 'card'
        ? method.card?.wallet
          ? 'wallet'
          : 'card'
        : method.type === 'link'
          ? 'link'
          : method.type,
    isDefault: method.id === defaultId,
    card: method.card
      ? {
          brand: method.card.brand,
          last4: method.card.last4,
          expMonth: method.card.exp_month,
          expYear: method.card.exp_year,
        }
      : null,
    wallet: method.card?.wallet?.type ?? null,
    email: method.link?.email ?? null,
  };
}
