import type Stripe from 'stripe';

/**
 * An error answer as Stripe's API gives it: an HTTP status and `{ error: {...} }`.
 * https://docs.stripe.com/api/errors — `type` is one of api_error, card_error,
 * idempotency_error, invalid_request_error; card errors carry `code`, `decline_code`
 * and the PaymentIntent or SetupIntent they happened on.
 */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: {
      type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';
      message: string;
      code?: string;
      decline_code?: string;
      param?: string;
      doc_url?: string;
      payment_intent?: Stripe.PaymentIntent;
      setup_intent?: Stripe.SetupIntent;
      payment_method?: Stripe.PaymentMethod;
    },
  ) {
    super(body.message);
  }
}

/**
 * An unknown id: 404 `resource_missing` (https://docs.stripe.com/error-codes#resource-missing),
 * with the parameter that named it and Stripe's wording "No such <object>: '<id>'".
 */
export const resourceMissing = (object: string, id: string, param = 'id') =>
  new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${object}: '${id}'`,
    doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
  });

/** A request Stripe refuses as it stands (https://docs.stripe.com/api/errors, 400). */
export const invalidRequest = (message: string, extra: { code?: string; param?: string } = {}) =>
  new StripeApiError(400, { type: 'invalid_request_error', message, ...extra });
