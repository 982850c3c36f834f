import Stripe from 'stripe';
import { afterAll, beforeAll } from 'vitest';
import { type StripeStandIn, startStripeStandIn } from '../src/index';

/**
 * For a test file: the API stand-in started before its tests and stopped after them, with the
 * official SDK pointed at it (as the server uses it). Read `.standIn` and `.stripe` in the tests.
 */
export function useStandIn(): { readonly standIn: StripeStandIn; readonly stripe: Stripe } {
  let standIn: StripeStandIn | undefined;
  let stripe: Stripe | undefined;
  beforeAll(async () => {
    standIn = await startStripeStandIn();
    stripe = new Stripe(standIn.secretKey, {
      ...standIn.clientOptions,
      maxNetworkRetries: 0,
      telemetry: false,
    });
  });
  afterAll(() => standIn?.close());
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('useStandIn: the stand-in is not started yet');
    return value;
  };
  return {
    get standIn() {
      return started(standIn);
    },
    get stripe() {
      return started(stripe);
    },
  };
}

/** The Stripe error a call throws (the SDK's own error classes). */
export async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    return error as Stripe.errors.StripeError;
  }
  throw new Error('expected the call to fail');
}
