import * as v from 'valibot';
import { moneySchema } from './money.js';
import { idSchema, positiveCreditsSchema } from './primitives.js';

export const creditPackageSchema = v.object({
  id: idSchema,
  credits: positiveCreditsSchema,
  price: moneySchema,
  label: v.nullish(v.string()),
  badge: v.nullish(v.string()),
});

export const creditPackageListSchema = v.object({
  data: v.array(creditPackageSchema),
});

export type CreditPackage = v.InferOutput<typeof creditPackageSchema>;
export type CreditPackageList = v.InferOutput<typeof creditPackageListSchema>;
