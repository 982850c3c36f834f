import type { FormFields } from './formBody.js';
import { StripeApiError } from './stripeErrors.js';
import { TEST_CARDS } from './testCards.js';

/**
 * The card a confirm sends as raw `payment_method_data[card][…]`, as Stripe.js does for a
 * Payment Element (https://docs.stripe.com/api/payment_intents/confirm#confirm_payment_intent-payment_method_data):
 * the test-card token the typed number stands for (https://docs.stripe.com/testing#cards), or
 * `undefined` when the request names a `payment_method` instead. In test mode a number that is
 * not a test card is declined (https://docs.stripe.com/testing, "Don’t use real card details").
 */
export function cardTokenFromForm(body: FormFields): string | undefined {
  if (body['payment_method_data[type]'] !== 'card') return undefined;
  const number = (body['payment_method_data[card][number]'] ?? '').replace(/\D/g, '');
  const known = TEST_CARDS.find((candidate) => candidate.number === number);
  if (known) return known.token;
  throw new StripeApiError(402, {
    type: 'card_error',
    code: 'card_declined',
    decline_code: 'test_mode_live_card',
    param: 'payment_method_data[card][number]',
    message:
      'Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
    doc_url: 'https://stripe.com/docs/error-codes/card-declined',
  });
}
