import * as v from 'valibot';
import { errorCodeSchema } from './problem.js';

/** Why a purchase or card setup did not go through, in words a user can act on. */
export const paymentFailureSchema = v.object({
  code: errorCodeSchema,
  message: v.string(),
});

export type PaymentFailure = v.InferOutput<typeof paymentFailureSchema>;
