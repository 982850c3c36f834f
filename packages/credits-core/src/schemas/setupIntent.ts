import * as v from 'valibot';
import type { SETUP_INTENT_STATUSES } from './enums.js';
import { paymentFailureSchema } from './failure.js';
import { paymentMethodSchema } from './paymentMethod.js';
import { idSchema, openEnum } from './primitives.js';

export const setupIntentStatusSchema = openEnum<typeof SETUP_INTENT_STATUSES>();

export const setupIntentSchema = v.object({
  id: idSchema,
  status: setupIntentStatusSchema,
  clientSecret: v.pipe(v.string(), v.minLength(1)),
  paymentMethod: v.nullish(paymentMethodSchema),
  failure: v.nullish(paymentFailureSchema),
});

export type SetupIntent = v.InferOutput<typeof setupIntentSchema>;
export type SetupIntentStatus = SetupIntent['status'];
