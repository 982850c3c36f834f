import { ProblemError } from 'credits-core/server';
import type { ServiceContext } from '../serviceContext.js';

/** Sandbox payments (and demo cards) exist only in test mode: 403 in live mode. */
export function requireSandbox(ctx: ServiceContext) {
  if (ctx.mode !== 'test')
    throw new ProblemError(
      403,
      'sandbox_unavailable',
      'Sandbox unavailable',
      'Sandbox payments exist only in test mode.',
    );
}

/** With Stripe, 3D Secure is answered in the browser: 409 while Stripe still waits for it. */
export const authenticateWithStripeJs = (what: string) =>
  new ProblemError(
    409,
    'purchase_not_confirmable',
    'Authenticate with Stripe.js',
    `The ${what} waits for 3D Secure, which the customer completes in the browser (Stripe.js handleNextAction); this answers once Stripe has the outcome.`,
  );

/** A sandbox authenticate for something that is not waiting for 3D Secure. */
export const nothingToAuthenticate = (what: string, status: unknown) =>
  new ProblemError(
    409,
    'purchase_not_confirmable',
    'Nothing to authenticate',
    `The ${what} is ${status}.`,
  );
