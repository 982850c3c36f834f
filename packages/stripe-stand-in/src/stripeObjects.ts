import type { SandboxCard } from 'credits-core/sandbox';
import Stripe from 'stripe';

/**
 * Complete Stripe objects, typed with the stripe SDK's own interfaces: every field the
 * object reference lists is present (the compiler checks it), with Stripe's values for a
 * card payment in test mode. One builder per object page:
 * https://docs.stripe.com/api/customers/object, …/payment_methods/object,
 * …/payment_intents/object, …/setup_intents/object, …/events/object.
 */

export const seconds = (date = new Date()) => Math.floor(date.getTime() / 1000);

export function newCustomer(
  id: string,
  livemode: boolean,
  metadata: Stripe.Metadata,
  fields: { email?: string | null; name?: string | null; description?: string | null } = {},
): Stripe.Customer {
  return {
    id,
    object: 'customer',
    address: null,
    balance: 0,
    created: seconds(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: fields.description ?? null,
    discount: null,
    email: fields.email ?? null,
    invoice_prefix: id.slice(4, 12).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode,
    metadata,
    name: fields.name ?? null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

/** A card PaymentMethod made from a test card (https://docs.stripe.com/testing#cards). */
export function newCardPaymentMethod(
  id: string,
  livemode: boolean,
  card: SandboxCard,
): Stripe.PaymentMethod {
  return {
    id,
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
    card: {
      brand: card.card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: 'US',
      display_brand: card.card.brand,
      exp_month: card.card.expMonth,
      exp_year: card.card.expYear,
      fingerprint: `fp${card.number.slice(-8)}`,
      funding: 'credit',
      generated_from: null,
      last4: card.card.last4,
      networks: { available: [card.card.brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: seconds(),
    customer: null,
    customer_account: null,
    livemode,
    metadata: {},
    type: 'card',
  };
}

export interface NewPaymentIntent {
  amount: number;
  currency: string;
  customer: string | null;
  metadata: Stripe.Metadata;
  setup_future_usage: Stripe.PaymentIntent.SetupFutureUsage | null;
  automatic: boolean;
  description: string | null;
}

export function newPaymentIntent(
  id: string,
  livemode: boolean,
  input: NewPaymentIntent,
): Stripe.PaymentIntent {
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: input.automatic ? { allow_redirects: 'never', enabled: true } : null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    // https://docs.stripe.com/api/payment_intents/object#payment_intent_object-client_secret
    client_secret: `${id}_secret_${id.slice(-10)}`,
    confirmation_method: 'automatic',
    created: seconds(),
    currency: input.currency,
    customer: input.customer,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: {
        installments: null,
        mandate_options: null,
        network: null,
        request_three_d_secure: 'automatic',
      },
    },
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: input.setup_future_usage,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
}

export function newSetupIntent(
  id: string,
  livemode: boolean,
  input: { customer: string | null; metadata: Stripe.Metadata; usage: string; automatic: boolean },
): Stripe.SetupIntent {
  return {
    id,
    object: 'setup_intent',
    allowed_payment_method_types: null,
    application: null,
    automatic_payment_methods: input.automatic ? { allow_redirects: 'never', enabled: true } : null,
    cancellation_reason: null,
    client_secret: `${id}_secret_${id.slice(-10)}`,
    created: seconds(),
    customer: input.customer,
    customer_account: null,
    description: null,
    excluded_payment_method_types: null,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode,
    mandate: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_method_types: ['card'],
    single_use_mandate: null,
    status: 'requires_payment_method',
    usage: input.usage,
  };
}

/**
 * The 3D Secure step a confirmed intent waits on: `use_stripe_sdk`, which Stripe.js's
 * `handleNextAction` completes (https://docs.stripe.com/payments/3d-secure/authentication-flow).
 */
export const threeDSecureAction = (
  intentId: string,
): Stripe.PaymentIntent.NextAction & Stripe.SetupIntent.NextAction => ({
  type: 'use_stripe_sdk',
  use_stripe_sdk: {
    type: 'three_d_secure_redirect',
    stripe_js: `/v1/3ds/${intentId}`,
    source: `src_${intentId.slice(-12)}`,
  },
});

/** The SDK's Event base: what every event carries besides its type and data. */
export function newEvent<Type extends Stripe.Event['type']>(
  id: string,
  livemode: boolean,
  type: Type,
  object: Stripe.Event.Data['object'],
  request: { id: string | null; idempotency_key: string | null } | null,
): Stripe.EventBase & { type: Type } {
  return {
    id,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: seconds(),
    data: { object },
    livemode,
    pending_webhooks: 1,
    request,
    type,
  };
}
