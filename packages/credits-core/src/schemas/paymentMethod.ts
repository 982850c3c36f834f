import * as v from 'valibot';
import type { PAYMENT_METHOD_TYPES } from './enums.js';
import { idSchema, openEnum } from './primitives.js';

export const paymentMethodTypeSchema = openEnum<typeof PAYMENT_METHOD_TYPES>();

export const cardDetailsSchema = v.object({
  brand: v.string(),
  last4: v.pipe(v.string(), v.regex(/^\d{4}$/)),
  expMonth: v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(12)),
  expYear: v.pipe(v.number(), v.safeInteger(), v.minValue(1970), v.maxValue(9999)),
});

export const paymentMethodSchema = v.object({
  id: idSchema,
  type: paymentMethodTypeSchema,
  isDefault: v.boolean(),
  card: v.nullish(cardDetailsSchema),
  wallet: v.nullish(v.string()),
  email: v.nullish(v.string()),
});

export const paymentMethodListSchema = v.object({
  data: v.array(paymentMethodSchema),
});

export type CardDetails = v.InferOutput<typeof cardDetailsSchema>;
export type PaymentMethod = v.InferOutput<typeof paymentMethodSchema>;
export type PaymentMethodType = PaymentMethod['type'];
export type PaymentMethodList = v.InferOutput<typeof paymentMethodListSchema>;
