import { vi } from 'vitest';
import type { StripeLike, StripeResult } from '../src/payments/index';

/** A Stripe.js stand-in recording every call, as react-stripe-js's own tests do. */
export function mockStripe(results: Partial<Record<keyof StripeLike, StripeResult>> = {}) {
  return {
    confirmPayment: vi.fn<StripeLike['confirmPayment']>(
      async () => results.confirmPayment ?? { paymentIntent: { id: 'pi', status: 'succeeded' } },
    ),
    handleNextAction: vi.fn<StripeLike['handleNextAction']>(
      async () => results.handleNextAction ?? { paymentIntent: { id: 'pi', status: 'succeeded' } },
    ),
    confirmSetup: vi.fn<StripeLike['confirmSetup']>(
      async () => results.confirmSetup ?? { setupIntent: { id: 'seti', status: 'succeeded' } },
    ),
  } satisfies StripeLike;
}
