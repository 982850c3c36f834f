import * as v from 'valibot';
import { requestIdSchema } from './primitives.js';

/**
 * Body of `POST /purchases`. The client sends it as typed; it is a schema for
 * backends (credits-server and credits-msw validate with it) and for the
 * OpenAPI document, in its own module so clients never bundle it.
 */
export const createPurchaseBodySchema = v.object({
  packageId: requestIdSchema,
  paymentMethodId: v.optional(requestIdSchema),
  savePaymentMethod: v.optional(v.boolean()),
});

export type CreatePurchaseInput = v.InferInput<typeof createPurchaseBodySchema>;
