import * as v from 'valibot';
import { requestIdSchema } from './primitives.js';

/**
 * Body of the sandbox confirm operations: a Stripe test payment-method token
 * (`pm_card_visa`, …) or the id of a saved payment method. Never a card number.
 */
export const sandboxConfirmBodySchema = v.object({
  paymentMethod: requestIdSchema,
  savePaymentMethod: v.optional(v.boolean()),
});

/** Body of the sandbox 3D Secure operations: the cardholder's answer to the challenge. */
export const sandboxAuthenticateBodySchema = v.object({
  outcome: v.picklist(['complete', 'fail']),
});

export type SandboxConfirmInput = v.InferInput<typeof sandboxConfirmBodySchema>;
export type SandboxAuthenticateInput = v.InferInput<typeof sandboxAuthenticateBodySchema>;
